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
  const platform = usePlatform();
  const [busy, setBusy] = useState(false);
  // Electron has no window.prompt, so the template name is asked for inline.
  const [templateName, setTemplateName] = useState<string | null>(null);
  const asTemplate = async () => {
    const name = templateName?.trim();
    setTemplateName(null);
    if (!name) return;
    await saveTemplate(db, templateFromPersona(doc, { id: newId(), name: name.slice(0, 200), description: `Saved from persona "${doc.name}"` }));
    showToast(`Saved as template "${name}".`);
  };
  const exportOne = async () => {
    setBusy(true);
    const r = await exportPersonas(db, platform, [doc.id]);
    setBusy(false);
    if (!r.ok) showToast(r.message, { tone: 'error' });
  };
  return (
    <header className="editor-toolbar">
      <button type="button" className="ghost" onClick={() => navigate('personas')} aria-label="Back to list"><ArrowLeft size={16} /></button>
      <input dir="auto" className="name-input" aria-label="Persona name" value={doc.name} maxLength={120} onChange={(e) => edit({ kind: 'setFields', fields: { name: e.target.value } })} />
      <SaveIndicator save={props.save} />
      <button type="button" onClick={props.undo} disabled={props.history.past.length === 0} title="Undo (Ctrl/Cmd+Z)">Undo</button>
      <button type="button" onClick={props.redo} disabled={props.history.future.length === 0} title="Redo (Shift+Ctrl/Cmd+Z)">Redo</button>
      <select aria-label="Orientation" value={doc.orientation} onChange={(e) => edit({ kind: 'setOrientation', orientation: e.target.value as PersonaDoc['orientation'] })}>
        <option value="landscape">Landscape</option>
        <option value="portrait">Portrait</option>
      </select>
      <label className="accent-pick">Accent <input type="color" aria-label="Accent colour" value={doc.accentColor} onChange={(e) => edit({ kind: 'setFields', fields: { accentColor: e.target.value } })} /></label>
      <button type="button" onClick={() => void props.saveVersion().then(() => showToast('Version saved.'))}>Save version</button>
      <button type="button" onClick={() => navigate('personas', doc.id, 'history')}>History</button>
      {templateName === null ? (
        <button type="button" onClick={() => setTemplateName(doc.name)}>Save as template</button>
      ) : (
        <form className="inline-form" onSubmit={(e) => { e.preventDefault(); void asTemplate(); }}>
          <input dir="auto" aria-label="Template name" autoFocus maxLength={200} value={templateName} onChange={(e) => setTemplateName(e.target.value)} />
          <button type="submit" className="primary">Save template</button>
          <button type="button" onClick={() => setTemplateName(null)}>Cancel</button>
        </form>
      )}
      <button type="button" disabled={busy} onClick={() => void exportOne()}>Export JSON</button>
      <ExportMenu target={{ kind: 'personas', ids: [doc.id] }} capture={() => document.querySelector<HTMLElement>('[data-testid="persona-canvas"]')} />
    </header>
  );
}

function SaveIndicator({ save }: { save: SaveState }) {
  const text = save.kind === 'saved' ? 'Saved' : save.kind === 'pending' ? 'Saving…' : save.kind === 'invalid' ? `Not saved: ${save.message}${save.partial ? ' — other edits are saved' : ''}` : `Save failed: ${save.message}`;
  return <span className={`save-state save-${save.kind}`} role="status" aria-live="polite" data-testid="save-state">{text}</span>;
}
