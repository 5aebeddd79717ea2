import { demographicFields } from '../../../../../common/persona';
import type { SectionProps } from './SectionBody';

const labels: Record<(typeof demographicFields)[number], string> = {
  gender: 'Gender', age: 'Age', location: 'Location', occupation: 'Occupation', education: 'Education', income: 'Income', family: 'Family',
};

/** Demographics as labelled one-line fields. */
export function DemographicsEditor({ section, edit }: SectionProps) {
  return (
    <dl className="demographics">
      {demographicFields.map((f) => (
        <div key={f}>
          <dt>{labels[f]}</dt>
          <dd>
            <input aria-label={labels[f]} maxLength={200} value={String(section.data[f] ?? '')}
              onChange={(e) => edit({ kind: 'updateSection', sectionId: section.id, data: { ...section.data, [f]: e.target.value } })} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
