import { diffPersonas, diffedFields, type PersonaVersion } from '../../../../../common/persona';
import { useT, type MessageId } from '../../../i18n';
import { sectionTypeMessage } from '../labels';
import { SectionReadOnly } from '../SectionReadOnly';
import { useSummaryWords } from './useSummaryWords';

const known = new Set<string>(diffedFields);

/** Two versions side by side: changed fields, and sections added, removed or changed, highlighted. */
export function DiffView({ left, right }: { left: PersonaVersion; right: PersonaVersion }) {
  const t = useT();
  const summaryWords = useSummaryWords();
  const fieldLabel = (f: string) => (known.has(f) ? t(`personas.field.${f}` as MessageId) : f);
  const typeLabel = (type: string) => { const m = sectionTypeMessage(type); return m ? t(m) : type; };
  const diff = diffPersonas(left.snapshot, right.snapshot);
  const changed = new Map(diff.changedSections.map((c) => [c.id, c]));
  const added = new Set(diff.addedSections.map((s) => s.id));
  const removed = new Set(diff.removedSections.map((s) => s.id));
  const markFor = (id: string, side: 'left' | 'right') => {
    const items = changed.get(id)?.items;
    const mark: Record<string, string> = {};
    if (!items) return mark;
    for (const i of side === 'left' ? items.removed : items.added) mark[i.id] = side === 'left' ? 'removed' : 'added';
    for (const c of items.changed) mark[c.id] = 'changed';
    return mark;
  };
  const cls = (id: string, side: 'left' | 'right') =>
    side === 'right' && added.has(id) ? 'diff-added' : side === 'left' && removed.has(id) ? 'diff-removed' : changed.get(id) && contentChanged(changed.get(id)!) ? 'diff-changed' : '';
  return (
    <div className="diff-view" aria-label={t('personas.diff.label', { left: left.number, right: right.number })}>
      {diff.fields.length === 0 ? <p className="muted">{t('personas.diff.noFields')}</p> : (
        <table className="diff-fields">
          <caption>{t('personas.diff.changedFields')}</caption>
          <thead><tr><th>{t('personas.diff.field')}</th><th>{t('personas.history.version', { n: left.number })}</th><th>{t('personas.history.version', { n: right.number })}</th></tr></thead>
          <tbody>
            {diff.fields.map((f) => {
              // In words, old → new: a photo is "a photo", lists are their items, never an id or JSON.
              const words = summaryWords.fieldChange(f);
              return <tr key={f.field} className="diff-changed"><th>{fieldLabel(f.field)}</th><td>{words.before}</td><td>{words.after}</td></tr>;
            })}
          </tbody>
        </table>
      )}
      <div className="diff-columns">
        {(['left', 'right'] as const).map((side) => {
          const v = side === 'left' ? left : right;
          return (
            <div key={side} className="diff-column">
              <h3>{t('personas.history.version', { n: v.number })}</h3>
              {v.snapshot.sections.map((s) => (
                <div key={s.id} className={`diff-section ${cls(s.id, side)}`} data-diff={cls(s.id, side) || 'same'} aria-label={t('personas.diff.state', { type: typeLabel(s.type), state: cls(s.id, side).replace('diff-', '') || 'same' })}>
                  <SectionReadOnly section={s} mark={markFor(s.id, side)} markKeys={changed.get(s.id)?.dataKeys ?? []} />
                </div>
              ))}
            </div>
          );
        })}
      </div>
    </div>
  );
}

function contentChanged(c: { titleChanged: boolean; dataKeys: string[]; items: unknown; evidenceChanged: boolean }): boolean {
  return c.titleChanged || c.dataKeys.length > 0 || c.items !== null || c.evidenceChanged;
}
