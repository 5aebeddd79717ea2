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
import { useT } from '../../../i18n';

/** The canvas editor of one persona: toolbar, section palette, grid canvas and the persona's fields. */
export default function PersonaEditor({ id }: { id: string }) {
  const e = usePersonaEditor(id);
  const t = useT();
  useUndoKeys(e.undo, e.redo);
  // An invalid field is held back from saving (everything else is stored): leaving would drop it.
  useLeaveGuard(e.save.kind === 'invalid' ? e.save.message : null);
  const leaving = usePendingLeave();
  if (e.missing) {
    return (
      <EmptyState title={t('personas.editor.missingTitle')} action={<button type="button" onClick={() => navigate('personas')}>{t('personas.editor.back')}</button>}>
        {t('personas.editor.missingBody')}
      </EmptyState>
    );
  }
  const doc = e.doc;
  if (!doc && e.save.kind === 'error') {
    return (
      <EmptyState title={t('personas.editor.brokenTitle')} action={<button type="button" onClick={() => navigate('personas', id, 'history')}>{t('personas.editor.openHistory')}</button>}>
        {t('personas.editor.brokenBody', { reason: e.save.message })}
      </EmptyState>
    );
  }
  if (!doc || !e.history) return <Loading label={t('personas.editor.opening')} />;
  return (
    <section className="persona-editor" style={{ '--persona-accent': doc.accentColor } as CSSProperties} aria-label={t('personas.editor.label', { name: doc.name })}>
      <EditorToolbar doc={doc} history={e.history} save={e.save} edit={e.edit} undo={e.undo} redo={e.redo} saveVersion={e.saveVersionNow} />
      <div className="editor-body">
        <SectionPalette onAdd={(type) => e.edit(addSectionChange(e.getDoc(), type, newId))} />
        <Canvas doc={doc} edit={e.edit} getDoc={e.getDoc} />
        <PersonaSidebar doc={doc} edit={e.edit} />
      </div>
      <ConfirmDialog open={leaving !== null} title={t('personas.editor.leaveTitle')} confirmLabel={t('personas.editor.leave')} cancelLabel={t('personas.editor.stay')} danger onConfirm={leaveAnyway} onCancel={stay}>
        <p>{t('personas.editor.leaveUnsaved', { reason: leaving?.reason ?? '' })}</p>
        <p>{t(e.save.kind === 'invalid' && e.save.partial ? 'personas.editor.leavePartial' : 'personas.editor.leaveWhole')}</p>
      </ConfirmDialog>
    </section>
  );
}
