/**
 * Initials for an avatar or a photo placeholder: the first character of up to two words, where a
 * character is what a reader sees as one (a grapheme). Splitting by code unit cut an emoji in half
 * (a lone surrogate prints as "�"); splitting by code point split a flag, a skin tone or a letter
 * with a combining accent. One helper for the screen, the PDF and the PNG, so they agree.
 */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean).slice(0, 2);
  return words.map(firstGrapheme).join('').toUpperCase();
}

const segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;

function firstGrapheme(word: string): string {
  if (segmenter) {
    for (const { segment } of segmenter.segment(word)) return segment;
    return '';
  }
  // Runtimes without Intl.Segmenter still never cut a surrogate pair.
  return Array.from(word)[0] ?? '';
}
