import type { TextareaHTMLAttributes } from 'react';

type Props = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange' | 'rows'> & {
  value: string;
  onChange: (value: string) => void;
  /** Called on Enter (which never inserts a line break: the value is one line that wraps). */
  onEnter?: () => void;
};

/**
 * A one-line value that wraps and grows with its text instead of scrolling sideways out of sight:
 * a textarea sized to its content (CSS field-sizing). Enter does not break the line, and pasted
 * line breaks become spaces, so the value stays one line in every export. `dir="auto"` lets Arabic
 * and Hebrew start at the right edge.
 */
export function WrapText({ value, onChange, onEnter, className, onKeyDown, ...rest }: Props) {
  return (
    <textarea
      dir="auto"
      {...rest}
      rows={1}
      className={`wrap-text${className ? ` ${className}` : ''}`}
      value={value}
      onChange={(e) => onChange(e.target.value.replace(/\r\n|[\r\n]/g, ' '))}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          onEnter?.();
        }
        onKeyDown?.(e);
      }}
    />
  );
}
