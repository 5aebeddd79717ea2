/**
 * Text limits as the user meets them. A browser field with `maxlength` silently drops whatever a
 * paste brings past the limit; these functions tell how much that is, so the app can say so.
 * Lengths are in UTF-16 code units, the unit `maxlength` counts in.
 */

/** What a paste into a limited field keeps and cuts. */
export interface PasteOutcome {
  /** Characters of the pasted text that fit. */
  kept: number;
  /** Characters the field dropped (0 when everything fit). */
  cut: number;
  /** The pasted text's length as the field sees it (line breaks normalised). */
  pasted: number;
}

/**
 * The outcome of pasting `text` into a field holding `valueLength` characters, `selectionLength` of
 * them selected (and so replaced), with room for `max`. A single-line field drops line breaks, a
 * multi-line one turns CR LF into LF, as browsers do before applying the limit.
 */
export function pasteOutcome(input: { text: string; valueLength: number; selectionLength: number; max: number; multiline: boolean }): PasteOutcome {
  const text = input.multiline ? input.text.replace(/\r\n?/g, '\n') : input.text.replace(/[\r\n]/g, '');
  const room = Math.max(0, input.max - (input.valueLength - input.selectionLength));
  const kept = Math.min(room, text.length);
  return { kept, cut: text.length - kept, pasted: text.length };
}

const count = new Intl.NumberFormat('en-US');

/** The toast after a cut paste, e.g. "5,000 of the 10,000 pasted characters were cut: this field holds 5,000." */
export function cutMessage(outcome: PasteOutcome, max: number): string {
  return `${count.format(outcome.cut)} of the ${count.format(outcome.pasted)} pasted characters were cut: this field holds ${count.format(max)}.`;
}

/** The counter shown near a limit, e.g. "4,812 / 5,000", or null while the text is well inside it. */
export function limitCounter(length: number, max: number, from = 0.8): string | null {
  if (max <= 0 || length < max * from) return null;
  return `${count.format(length)} / ${count.format(max)}`;
}
