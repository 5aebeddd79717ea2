import { demographicFields, sectionItems, type PersonaSection, type SectionItem } from '../../../../common/persona';
import { evidenceBadges, sectionTypeMessage } from './labels';
import { translate, useT, type MessageId } from '../../i18n';

const channels = new Set(['email', 'sms', 'whatsapp', 'phone', 'web', 'app', 'social', 'inStore']);

/** How one list item reads as text, whatever the section type. */
export function itemText(item: SectionItem): string {
  if (typeof item.text === 'string') return item.text;
  if (typeof item.channel === 'string') {
    const channel = channels.has(item.channel) ? translate(`personas.channel.${item.channel}` as MessageId) : item.channel;
    const level = Number(item.level);
    const levelText = Number.isInteger(level) && level >= 0 && level <= 4 ? translate(`personas.channel.level.${level}` as MessageId) : String(item.level);
    return `${channel}: ${levelText}`;
  }
  if (typeof item.left === 'string') return `${item.left} ◀ ${String(item.value)} ▶ ${String(item.right)}`;
  if (typeof item.level === 'number') return `${String(item.label)}: ${item.level}`;
  return `${String(item.label ?? '')}: ${String(item.value ?? '')}`;
}

/**
 * A section shown as text for history diffs and comparisons. `mark` tells which items to highlight
 * (added, removed, changed or distinct), by id.
 */
export function SectionReadOnly({ section, mark = {}, markKeys = [], keyMark = 'changed' }: {
  section: PersonaSection;
  mark?: Record<string, string>;
  /** Data keys to highlight (changed demographic fields, a changed text), with the highlight's kind. */
  markKeys?: readonly string[];
  keyMark?: string;
}) {
  const t = useT();
  const typeMessage = sectionTypeMessage(section.type);
  const keyClass = (k: string) => (markKeys.includes(k) ? `mark-${keyMark}` : undefined);
  const items = sectionItems(section);
  const data = section.data;
  return (
    <div className="section-readonly">
      <h4>
        {section.title || (typeMessage ? t(typeMessage) : section.type)}
        {section.evidence && <span className={`evidence-badge evidence-${section.evidence.kind}`} title={section.evidence.source}>{t(evidenceBadges[section.evidence.kind])}</span>}
      </h4>
      {typeof data.text === 'string' && data.text !== '' && <p className={keyClass('text')}>{data.text}</p>}
      {section.type === 'demographics' && (
        <dl className="demographics-ro">{demographicFields.filter((f) => data[f] || markKeys.includes(f)).map((f) => <div key={f} className={keyClass(f)}><dt>{t(`personas.demographics.${f}` as MessageId)}</dt><dd>{String(data[f] || '—')}</dd></div>)}</dl>
      )}
      {section.type === 'header' && <p className={keyClass('tagline') ?? keyClass('marketSize') ?? 'muted'}>{String(data.tagline ?? '')} {data.marketSize ? `· ${String(data.marketSize)}` : ''}</p>}
      {section.type === 'media' && <p className="muted">{String(data.kind)} {String(data.url ?? '')} {String(data.caption ?? '')}</p>}
      {items && (
        <ul>
          {items.map((item) => (
            <li key={item.id} className={mark[item.id] ? `mark-${mark[item.id]}` : undefined}>
              {itemText(item)}
              {isEvidence(item.evidence) && <span className={`evidence-badge evidence-${item.evidence.kind}`}>{t(evidenceBadges[item.evidence.kind])}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function isEvidence(e: unknown): e is { kind: 'research' | 'data' | 'assumption' } {
  return typeof e === 'object' && e !== null && 'kind' in e && (e.kind === 'research' || e.kind === 'data' || e.kind === 'assumption');
}
