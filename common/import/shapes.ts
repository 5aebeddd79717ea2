/**
 * Recognises the export shape of a survey file from its first rows, and turns its header rows into
 * one display name per column:
 * - SurveyMonkey: two header rows, question then sub-answer ("Response", "Open-Ended Response" or an
 *   option of a multiple-choice question, whose question cell is blank after the first option);
 * - Qualtrics: three header rows, ids (QID…), question text, and ImportId JSON that also names the
 *   time zone of date columns;
 * - Google Forms: one header row starting with "Timestamp" (checkbox answers joined by ", ");
 * - Typeform: one header row with "#" and "Submit Date (UTC)";
 * - plain: one header row.
 */

/** The export shapes recognised. */
export type ExportShape = 'surveymonkey' | 'qualtrics' | 'google-forms' | 'typeform' | 'plain';

/** What the header rows say about each column. */
export interface ShapeInfo {
  shape: ExportShape;
  /** Rows before the first response. */
  headerRows: number;
  /** One unique display name per column (question, or question — option). */
  headers: string[];
  /** Stable column ids where the tool has them (Qualtrics QIDs), else the display names. */
  ids: string[];
  /** Per column, the IANA zone its timestamps are in when the export says so. */
  timeZones: (string | null)[];
  /** Separator the tool joins multi-select answers with inside one cell, when it does. */
  multiSeparator: string | null;
  /** Day-month order the tool always writes, when it has one (SurveyMonkey: MM/DD/YYYY whatever the language). */
  dateOrder?: 'mdy' | 'dmy';
}

const googleTimestamp = new Set(['timestamp', 'marca temporal', 'horodateur', 'zeitstempel', 'carimbo de data/hora', 'informazioni cronologiche', 'tijdstempel']);
const smSubHeaders = new Set(['response', 'open-ended response']);

/** Detects the shape from the first few rows (at least four rows help Qualtrics detection). */
export function detectShape(rows: readonly string[][]): ShapeInfo {
  const r0 = (rows[0] ?? []).map((c) => c.trim());
  const r1 = (rows[1] ?? []).map((c) => c.trim());
  const r2 = (rows[2] ?? []).map((c) => c.trim());
  const width = Math.max(r0.length, r1.length);
  const lower0 = r0.map((c) => c.toLowerCase());
  const nulls = () => Array<string | null>(width).fill(null);

  if (r2.some((c) => c.startsWith('{"ImportId"')) && (lower0.includes('responseid') || lower0.includes('startdate'))) {
    const timeZones = nulls();
    r2.forEach((c, i) => {
      try {
        const tz = (JSON.parse(c) as { timeZone?: unknown }).timeZone;
        if (typeof tz === 'string') timeZones[i] = tz;
      } catch { /* not JSON: no zone */ }
    });
    const headers = pad(r0, width).map((id, i) => r1[i] || id);
    return { shape: 'qualtrics', headerRows: 3, headers: unique(headers), ids: unique(pad(r0, width)), timeZones, multiSeparator: ',' };
  }

  if (lower0.includes('respondent id') && (lower0.includes('collector id') || r1.some((c) => smSubHeaders.has(c.toLowerCase())))) {
    let question = '';
    const headers = pad(r0, width).map((q, i) => {
      if (q !== '') question = q;
      const sub = r1[i] ?? '';
      return sub === '' || smSubHeaders.has(sub.toLowerCase()) ? question : `${question} — ${sub}`;
    });
    return { shape: 'surveymonkey', headerRows: 2, headers: unique(headers), ids: unique(headers), timeZones: nulls(), multiSeparator: null, dateOrder: 'mdy' };
  }

  const headers = unique(pad(r0, width).map((h, i) => h || `Column ${i + 1}`));
  if (googleTimestamp.has(lower0[0] ?? '')) {
    return { shape: 'google-forms', headerRows: 1, headers, ids: headers, timeZones: nulls(), multiSeparator: ', ' };
  }
  if (lower0.includes('#') && lower0.some((c) => c.startsWith('submit date'))) {
    const timeZones = lower0.map((c) => (c.includes('(utc)') ? 'UTC' : null));
    return { shape: 'typeform', headerRows: 1, headers, ids: headers, timeZones, multiSeparator: null };
  }
  return { shape: 'plain', headerRows: 1, headers, ids: headers, timeZones: nulls(), multiSeparator: null };
}

function pad(row: readonly string[], width: number): string[] {
  return Array.from({ length: width }, (_, i) => row[i] ?? '');
}

/** Makes names unique by suffixing repeats with " (2)", " (3)", … */
function unique(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((n) => {
    const count = (seen.get(n) ?? 0) + 1;
    seen.set(n, count);
    return count === 1 ? n : `${n} (${count})`;
  });
}
