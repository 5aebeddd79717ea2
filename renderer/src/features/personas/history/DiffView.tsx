import { describeFieldChange, diffPersonas, getSectionDef, type PersonaVersion } from '../../../../../common/persona';
import { SectionReadOnly } from '../SectionReadOnly';

const fieldLabel = (f: string) => f.replace(/([A-Z])/g, ' $1').toLowerCase();

/** Two versions side by side: changed fields, and sections added, removed or changed, highlighted. */
export function DiffView({ left, right }: { left: PersonaVersion; right: PersonaVersion }) {
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
    <div className="diff-view" aria-label={`Differences between version ${left.number} and version ${right.number}`}>
      {diff.fields.length === 0 ? <p className="muted">No persona field changed between these versions.</p> : (
        <table className="diff-fields">
          <caption>Changed fields</caption>
          <thead><tr><th>Field</th><th>Version {left.number}</th><th>Version {right.number}</th></tr></thead>
          <tbody>
            {diff.fields.map((f) => {
              // In words, old → new: a photo is "a photo", lists are their items, never an id or JSON.
              const words = describeFieldChange(f);
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
              <h3>Version {v.number}</h3>
              {v.snapshot.sections.map((s) => (
                <div key={s.id} className={`diff-section ${cls(s.id, side)}`} data-diff={cls(s.id, side) || 'same'} aria-label={`${getSectionDef(s.type)?.label ?? s.type} ${cls(s.id, side).replace('diff-', '') || 'unchanged'}`}>
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
