import type { CSSProperties } from 'react';
import { navigate } from '../../../app/route';
import { leaveAnyway, stay, useLeaveGuard, usePendingLeave } from '../../../app/leaveGuard';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { EmptyState, Loading } from '../../../ui/States';
import { addSectionChange, newId } from '../../../../../common/persona';
import { usePersonaEditor } from '../usePersonaEditor';
import { Canvas } from './Canvas';
import { EditorToolbar } from './EditorToolbar';
import { PersonaSidebar } from './PersonaSidebar';
import { SectionPalette } from './SectionPalette';
import { useUndoKeys } from './useUndoKeys';

/** The canvas editor of one persona: toolbar, section palette, grid canvas and the persona's fields. */
export default function PersonaEditor({ id }: { id: string }) {
  const e = usePersonaEditor(id);
  useUndoKeys(e.undo, e.redo);
  // An invalid field is held back from saving (everything else is stored): leaving would drop it.
  useLeaveGuard(e.save.kind === 'invalid' ? e.save.message : null);
  const leaving = usePendingLeave();
  if (e.missing) {
    return (
      <EmptyState title="This persona does not exist" action={<button type="button" onClick={() => navigate('personas')}>Back to list</button>}>
        It may have been deleted on this computer or by a teammate.
      </EmptyState>
    );
  }
  const doc = e.doc;
  if (!doc && e.save.kind === 'error') {
    return (
      <EmptyState title="This persona cannot be opened" action={<button type="button" onClick={() => navigate('personas', id, 'history')}>Open its history</button>}>
        {e.save.message} An earlier version can be restored from its history.
      </EmptyState>
    );
  }
  if (!doc || !e.history) return <Loading label="Opening persona…" />;
  return (
    <section className="persona-editor" style={{ '--persona-accent': doc.accentColor } as CSSProperties} aria-label={`Persona ${doc.name}`}>
      <EditorToolbar doc={doc} history={e.history} save={e.save} edit={e.edit} undo={e.undo} redo={e.redo} saveVersion={e.saveVersionNow} />
      <div className="editor-body">
        <SectionPalette onAdd={(type) => e.edit(addSectionChange(e.getDoc(), type, newId))} />
        <Canvas doc={doc} edit={e.edit} getDoc={e.getDoc} />
        <PersonaSidebar doc={doc} edit={e.edit} />
      </div>
      <ConfirmDialog open={leaving !== null} title="Leave this persona?" confirmLabel="Leave" cancelLabel="Stay" danger onConfirm={leaveAnyway} onCancel={stay}>
        <p>This is not saved: {leaving?.reason}</p>
        <p>{e.save.kind === 'invalid' && e.save.partial
          ? 'Everything else is saved. If you leave, this keeps its last saved value.'
          : 'If you leave, the persona keeps its last saved state.'}</p>
      </ConfirmDialog>
    </section>
  );
}
