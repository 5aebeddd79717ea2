import { useState } from 'react';
import type { FormEvent } from 'react';
import { authorNameProblem, clearAuthorName, maxAuthorLength, setAuthorName, useAuthorName, type AuthorNameProblem } from '../../app/authorName';
import { useAuthorLabel } from '../../app/useAuthorLabel';
import { FormattedMessage, useT } from '../../i18n';

/**
 * "Your name": what this laptop signs its edits, versions and kept conflicts with, so teammates
 * see who changed what. Kept on this computer only.
 */
export function AuthorNamePanel() {
  const t = useT();
  const { name, chosen } = useAuthorName();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<AuthorNameProblem | 'not-kept' | null>(null);
  const authorLabel = useAuthorLabel();
  const value = draft ?? (chosen ? name : '');
  const save = (event: FormEvent) => {
    event.preventDefault();
    const problem = authorNameProblem(value);
    if (problem) return setError(problem);
    const result = setAuthorName(value);
    setError(result.ok ? null : 'not-kept');
    if (result.ok) setDraft(null);
  };
  return (
    <section className="panel stack" aria-labelledby="author-title">
      <h2 id="author-title">{t('settings.author.title')}</h2>
      <p className="muted">
        <FormattedMessage id="settings.author.recordedAs" values={{ name: authorLabel(name), b: (chunks) => <strong data-testid="author-name">{chunks}</strong> }} />
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
      {error && (
        <p id="author-error" role="alert" className="field-error">
          {error === 'empty' ? t('settings.author.problem.empty')
            : error === 'too-long' ? t('settings.author.problem.tooLong', { max: maxAuthorLength })
              : error === 'not-one-line' ? t('settings.author.problem.notOneLine') : t('settings.author.notKept')}
        </p>
      )}
    </section>
  );
}
