import { useState } from 'react';
import { navigate } from '../../../app/route';
import { useWorkspace } from '../../../db/WorkspaceContext';
import { usePlatform } from '../../../platform';
import { showToast } from '../../../ui/toast';
import { newId, templateFromPersona, type EditHistory, type PersonaChange, type PersonaDoc } from '../../../../../common/persona';
import { exportPersonas } from '../personaFiles';
import { saveTemplate } from '../store';
import type { SaveState } from '../usePersonaEditor';
import { ExportMenu } from '../../exports/ExportMenu';
import { ArrowLeft } from '../../../ui/icons';
import { translate, useT } from '../../../i18n';

/** The editor's top bar: name, saved state, undo/redo, orientation, accent and file actions. */
export function EditorToolbar(props: {
  doc: PersonaDoc;
  history: EditHistory;
  save: SaveState;
  edit: (c: PersonaChange) => void;
  undo: () => void;
  redo: () => void;
  saveVersion: () => Promise<void>;
}) {
  const { doc, edit } = props;
  const db = useWorkspace();
  const t = useT();
  const platform = usePlatform();
  const [busy, setBusy] = useState(false);
  // Electron has no window.prompt, so the template name is asked for inline.
  const [templateName, setTemplateName] = useState<string | null>(null);
  const asTemplate = async () => {
    const name = templateName?.trim();
    setTemplateName(null);
    if (!name) return;
    await saveTemplate(db, templateFromPersona(doc, { id: newId(), name: name.slice(0, 200), description: translate('personas.editor.templateFrom', { name: doc.name }) }));
    showToast(translate('personas.editor.templateSaved', { name }));
  };
  const exportOne = async () => {
    setBusy(true);
    const r = await exportPersonas(db, platform, [doc.id]);
    setBusy(false);
    if (!r.ok) showToast(r.message, { tone: 'error' });
  };
  return (
    <header className="editor-toolbar">
      <button type="button" className="ghost" onClick={() => navigate('personas')} aria-label={t('personas.editor.back')}><ArrowLeft size={16} className="flip-rtl" /></button>
      <input dir="auto" className="name-input" aria-label={t('personas.editor.name')} value={doc.name} maxLength={120} onChange={(e) => edit({ kind: 'setFields', fields: { name: e.target.value } })} />
      <SaveIndicator save={props.save} />
      <button type="button" onClick={props.undo} disabled={props.history.past.length === 0} title={t('personas.editor.undoHint')}>{t('personas.editor.undo')}</button>
      <button type="button" onClick={props.redo} disabled={props.history.future.length === 0} title={t('personas.editor.redoHint')}>{t('personas.editor.redo')}</button>
      <select aria-label={t('personas.editor.orientation')} value={doc.orientation} onChange={(e) => edit({ kind: 'setOrientation', orientation: e.target.value as PersonaDoc['orientation'] })}>
        <option value="landscape">{t('personas.editor.landscape')}</option>
        <option value="portrait">{t('personas.editor.portrait')}</option>
      </select>
      <label className="accent-pick">{t('personas.editor.accent')} <input type="color" aria-label={t('personas.editor.accentColour')} value={doc.accentColor} onChange={(e) => edit({ kind: 'setFields', fields: { accentColor: e.target.value } })} /></label>
      <button type="button" onClick={() => void props.saveVersion().then(() => showToast(translate('personas.editor.versionSaved')))}>{t('personas.editor.saveVersion')}</button>
      <button type="button" onClick={() => navigate('personas', doc.id, 'history')}>{t('personas.editor.history')}</button>
      {templateName === null ? (
        <button type="button" onClick={() => setTemplateName(doc.name)}>{t('personas.editor.saveAsTemplate')}</button>
      ) : (
        <form className="inline-form" onSubmit={(e) => { e.preventDefault(); void asTemplate(); }}>
          <input dir="auto" aria-label={t('personas.editor.templateName')} autoFocus maxLength={200} value={templateName} onChange={(e) => setTemplateName(e.target.value)} />
          <button type="submit" className="primary">{t('personas.editor.saveTemplate')}</button>
          <button type="button" onClick={() => setTemplateName(null)}>{t('app.dialog.cancel')}</button>
        </form>
      )}
      <button type="button" disabled={busy} onClick={() => void exportOne()}>{t('personas.editor.exportJson')}</button>
      <ExportMenu target={{ kind: 'personas', ids: [doc.id] }} capture={() => document.querySelector<HTMLElement>('[data-testid="persona-canvas"]')} />
    </header>
  );
}

function SaveIndicator({ save }: { save: SaveState }) {
  const t = useT();
  const text = save.kind === 'saved' ? t('personas.editor.saved') : save.kind === 'pending' ? t('personas.editor.saving')
    : save.kind === 'invalid' ? t(save.partial ? 'personas.editor.notSavedPartial' : 'personas.editor.notSaved', { reason: save.message })
    : t('personas.editor.saveFailed', { reason: save.message });
  return <span className={`save-state save-${save.kind}`} role="status" aria-live="polite" data-testid="save-state">{text}</span>;
}
