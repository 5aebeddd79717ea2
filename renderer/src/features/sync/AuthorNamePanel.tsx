import { useState } from 'react';
import type { FormEvent } from 'react';
import { clearAuthorName, maxAuthorLength, setAuthorName, useAuthorName } from '../../app/authorName';
import { FormattedMessage, useT } from '../../i18n';

/**
 * "Your name": what this laptop signs its edits, versions and kept conflicts with, so teammates
 * see who changed what. Kept on this computer only.
 */
export function AuthorNamePanel() {
  const t = useT();
  const { name, chosen } = useAuthorName();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const value = draft ?? (chosen ? name : '');
  const save = (event: FormEvent) => {
    event.preventDefault();
    const result = setAuthorName(value);
    setError(result.ok ? null : result.message);
    if (result.ok) setDraft(null);
  };
  return (
    <section className="panel stack" aria-labelledby="author-title">
      <h2 id="author-title">{t('settings.author.title')}</h2>
      <p className="muted">
        <FormattedMessage id="settings.author.recordedAs" values={{ name, b: (chunks) => <strong data-testid="author-name">{chunks}</strong> }} />
        {!chosen && ` ${t('settings.author.typeYourName')}`}
      </p>
      <form className="row" onSubmit={save} noValidate>
        <input dir="auto"
          aria-label={t('settings.author.title')} placeholder={t('settings.author.title')} value={value} maxLength={maxAuthorLength * 2}
          aria-invalid={error ? true : undefined} aria-describedby={error ? 'author-error' : undefined}
          onChange={(e) => { setDraft(e.target.value); setError(null); }}
        />
        <button type="submit">{t('settings.author.save')}</button>
        {chosen && <button type="button" onClick={() => { clearAuthorName(); setDraft(null); }}>{t('settings.author.useDefault')}</button>}
      </form>
      {error && <p id="author-error" role="alert" className="field-error">{error}</p>}
    </section>
  );
}
