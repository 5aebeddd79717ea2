import { demographicFields } from '../../../../../common/persona';
import type { SectionProps } from './SectionBody';
import { WrapText } from '../../../ui/WrapText';
import { useT, type MessageId } from '../../../i18n';

const labels: Record<(typeof demographicFields)[number], MessageId> = {
  gender: 'personas.demographics.gender', age: 'personas.demographics.age', location: 'personas.demographics.location',
  occupation: 'personas.demographics.occupation', education: 'personas.demographics.education', income: 'personas.demographics.income',
  family: 'personas.demographics.family',
};

/** Demographics as labelled fields whose values wrap (labels go above values in a narrow card). */
export function DemographicsEditor({ section, edit }: SectionProps) {
  const t = useT();
  return (
    <dl className="demographics">
      {demographicFields.map((f) => (
        <div key={f}>
          <dt>{t(labels[f])}</dt>
          <dd>
            <WrapText aria-label={t(labels[f])} maxLength={200} value={String(section.data[f] ?? '')}
              onChange={(value) => edit({ kind: 'updateSection', sectionId: section.id, data: { ...section.data, [f]: value } })} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
