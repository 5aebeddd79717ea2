import { useState } from 'react';
import type { InputHTMLAttributes } from 'react';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'defaultValue'> & {
  value: string;
  onCommit: (value: string) => void;
  multiline?: boolean;
};

/**
 * A text field that edits a local draft and commits on blur or Enter (Escape reverts), so typing a
 * word is one undo step and one database write rather than one per keystroke.
 */
export function CommitInput({ value, onCommit, multiline, ...rest }: Props) {
  const [draft, setDraft] = useState<string | null>(null);
  const shown = draft ?? value;
  const commit = () => {
    if (draft !== null && draft !== value) onCommit(draft);
    setDraft(null);
  };
  const common = {
    value: shown,
    onFocus: () => setDraft(value),
    onBlur: commit,
    onKeyDown: (e: React.KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      if (e.key === 'Escape') {
        setDraft(null);
        (e.target as HTMLElement).blur();
      } else if (e.key === 'Enter' && !(multiline && e.shiftKey)) {
        e.preventDefault();
        (e.target as HTMLElement).blur();
      }
    },
  };
  if (multiline) {
    const { className, 'aria-label': label, placeholder, maxLength, autoFocus } = rest;
    return <textarea dir="auto" className={className} aria-label={label} placeholder={placeholder} maxLength={maxLength} rows={2} autoFocus={autoFocus}
      {...common} onChange={(e) => setDraft(e.target.value)} />;
  }
  return <input dir="auto" {...rest} {...common} onChange={(e) => setDraft(e.target.value)} />;
}
