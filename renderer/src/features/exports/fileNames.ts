/** A file name from a title: letters of any script kept, path and reserved characters replaced. */
export function safeFileName(title: string, extension: string): string {
  const base = title.normalize('NFC').replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 80) || 'export';
  return `${base.replace(/^\.+/, '')}.${extension}`;
}
