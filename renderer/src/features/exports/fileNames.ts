/** A file name from a title: letters of any script kept, path, reserved and control characters replaced. */
export function safeFileName(title: string, extension: string): string {
  const cleaned = Array.from(title.normalize('NFC'), (ch) => (ch.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(ch) ? ' ' : ch)).join('');
  const base = cleaned.replace(/\s+/g, ' ').trim().replace(/^\.+/, '').slice(0, 80) || 'export';
  return `${base}.${extension}`;
}
