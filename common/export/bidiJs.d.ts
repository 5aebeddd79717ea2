// Types of the parts of bidi-js (UAX #9) the PDF exports use; the package ships none.
declare module 'bidi-js' {
  interface EmbeddingLevels {
    /** Level of each UTF-16 code unit: odd is right to left. */
    levels: Uint8Array;
    paragraphs: { start: number; end: number; level: number }[];
  }
  interface Bidi {
    getEmbeddingLevels(text: string, direction?: 'ltr' | 'rtl' | 'auto'): EmbeddingLevels;
    /** Ranges of code units (inclusive) to reverse, in order, to get visual order. */
    getReorderSegments(text: string, levels: EmbeddingLevels, start?: number, end?: number): [number, number][];
    /** Replacement characters (mirrored brackets) by code unit index, for right-to-left runs; takes `EmbeddingLevels.levels`. */
    getMirroredCharactersMap(text: string, levels: Uint8Array, start?: number, end?: number): Map<number, string>;
  }
  export default function bidiFactory(): Bidi;
}
