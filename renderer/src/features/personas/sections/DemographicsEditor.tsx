import { demographicFields } from '../../../../../common/persona';
import type { SectionProps } from './SectionBody';
import { WrapText } from '../../../ui/WrapText';

const labels: Record<(typeof demographicFields)[number], string> = {
  gender: 'Gender', age: 'Age', location: 'Location', occupation: 'Occupation', education: 'Education', income: 'Income', family: 'Family',
};

/** Demographics as labelled fields whose values wrap (labels go above values in a narrow card). */
export function DemographicsEditor({ section, edit }: SectionProps) {
  return (
    <dl className="demographics">
      {demographicFields.map((f) => (
        <div key={f}>
          <dt>{labels[f]}</dt>
          <dd>
            <WrapText aria-label={labels[f]} maxLength={200} value={String(section.data[f] ?? '')}
              onChange={(value) => edit({ kind: 'updateSection', sectionId: section.id, data: { ...section.data, [f]: value } })} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
