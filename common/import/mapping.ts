/**
 * Column mapping: which source columns become which stored columns (attributes), with what type.
 * Suggested from the header text, then changed by the user in the import dialog or given as a file
 * to the command line. Sources are named by header (portable between waves of the same survey) or
 * by 0-based index. Several sources may feed one multi-value attribute (one column per option, as
 * SurveyMonkey and Typeform export "select all that apply").
 */
import { isColumnKey } from '../analytics/format';
import type { ColumnType } from '../analytics/rules';
import { labelProblem } from './scales';

/** The attributes the app knows, their stored type, and how headers that mean them read. */
export const attributes = [
  { key: 'respondentId', label: 'Respondent id', type: 'id', pattern: /^(#|id|respondent ?id|response ?id|responseid|response_id|token|respondent)$/ },
  { key: 'submittedAt', label: 'Submitted at', type: 'date', pattern: /^(timestamp|submit(ted)?( at| date)?( \(utc\))?|end ?date|recorded ?date|date submitted|completed( at)?)$/ },
  { key: 'age', label: 'Age', type: 'number', pattern: /\bage\b|how old/ },
  { key: 'gender', label: 'Gender', type: 'category', pattern: /gender|\bsex\b/ },
  { key: 'location', label: 'Location', type: 'category', pattern: /location|\bcity\b|country|region|where do you live|\btown\b/ },
  { key: 'occupation', label: 'Occupation', type: 'category', pattern: /occupation|\bjob\b|profession|\brole\b/ },
  { key: 'education', label: 'Education', type: 'category', pattern: /education|degree|qualification/ },
  { key: 'goals', label: 'Goals', type: 'multi', pattern: /\bgoals?\b|objective|want to achieve/ },
  { key: 'frustrations', label: 'Frustrations', type: 'multi', pattern: /frustrat|pain ?points?|annoy/ },
  { key: 'channel', label: 'Preferred channel', type: 'category', pattern: /channel|prefer.*(contact|reach)|(contact|reach).*prefer/ },
  { key: 'nps', label: 'NPS (0–10)', type: 'number', pattern: /\bnps\b|recommend/ },
  { key: 'satisfaction', label: 'Satisfaction', type: 'number', pattern: /satisf|\bcsat\b/ },
  { key: 'trust', label: 'Trust', type: 'number', pattern: /trust/ },
  { key: 'effort', label: 'Effort', type: 'number', pattern: /effort|\bces\b|how easy|ease of/ },
  { key: 'feedback', label: 'Free text', type: 'text', pattern: /comment|feedback|anything else|suggestion|other thoughts/ },
] as const satisfies readonly { key: string; label: string; type: ColumnType; pattern: RegExp }[];

/** The key of a known attribute. */
export type AttributeKey = (typeof attributes)[number]['key'];

/** Valid ranges of numeric attributes; values outside reject the row. */
export const attributeBounds: Partial<Record<string, [number, number]>> = { nps: [0, 10], age: [0, 130] };

/** One stored column and where it comes from. */
export interface MappedColumn {
  /** Stored key: an attribute key or a custom key (letters, digits, `_ . : -`). */
  key: string;
  type: ColumnType;
  /** Source columns by header name or 0-based index; several only for `multi`. */
  sources: (string | number)[];
  /** Label shown in the app; defaults to the first source header. */
  label?: string;
  /** Separator inside multi-value cells; default semicolon, pipe or newline (or the tool's own). */
  separator?: string;
  /** Number columns only: answer labels read as numbers ("Very satisfied" → 5), case ignored. */
  labels?: Record<string, number>;
}

/** A column mapping as stored with a persona export or given to `--map`. */
export interface ColumnMapping {
  columns: MappedColumn[];
}

/** A mapped column resolved against a file's headers. */
export interface ResolvedColumn extends MappedColumn {
  indexes: number[];
  label: string;
}

const normal = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * Columns the survey tools add about the response rather than the respondent's answers (Qualtrics'
 * default export has 17: its ids in the first header row, display names in the second). They may
 * hold the respondent id or the submission time, but "Location Latitude" is not where someone lives
 * and "Distribution Channel" is not their preferred channel, so they are never suggested for a
 * column a persona rule reads.
 */
const metadataNames = new Set([
  // Qualtrics ids and display names.
  'startdate', 'enddate', 'status', 'ipaddress', 'progress', 'duration (in seconds)', 'finished', 'recordeddate', 'responseid',
  'recipientlastname', 'recipientfirstname', 'recipientemail', 'externalreference', 'externaldatareference', 'locationlatitude',
  'locationlongitude', 'distributionchannel', 'userlanguage', 'start date', 'end date', 'response type', 'ip address', 'recorded date',
  'response id', 'recipient last name', 'recipient first name', 'recipient email', 'external data reference', 'external reference',
  'location latitude', 'location longitude', 'distribution channel', 'user language',
  // SurveyMonkey.
  'respondent id', 'collector id', 'email address', 'first name', 'last name', 'custom data 1', 'custom data',
  // Typeform and Google Forms.
  '#', 'network id', 'start date (utc)', 'submit date (utc)', 'stage date (utc)', 'tags', 'ending', 'timestamp', 'score',
]);

/** Attributes a metadata column may be suggested for. */
const metadataAttributes = new Set<string>(['respondentId', 'submittedAt']);

/** Whether a column is one of the tools' metadata columns (by display name or Qualtrics id). */
export function isMetadataColumn(header: string, id: string = header): boolean {
  const h = normal(header), i = normal(id);
  return metadataNames.has(h) || metadataNames.has(i) || /^q_/.test(i) || /^custom data \d+$/.test(h);
}

/**
 * Suggests a mapping from display headers. Each header maps to the first attribute whose pattern it
 * matches; single-value attributes take only their first header, multi-value ones gather all (a
 * SurveyMonkey "Goals — Save time" column per option, a Qualtrics choice and its "- Other - Text").
 * `ids` are the tools' own column ids where they have them (Qualtrics).
 */
export function suggestMapping(headers: readonly string[], ids: readonly string[] = headers): ColumnMapping {
  const byKey = new Map<string, MappedColumn>();
  headers.forEach((header, index) => {
    const h = normal(header);
    const metadata = isMetadataColumn(header, ids[index]);
    const attr = attributes.find((a) => a.pattern.test(h) && (!metadata || metadataAttributes.has(a.key)));
    if (!attr) return;
    const existing = byKey.get(attr.key);
    if (existing && attr.type !== 'multi') return;
    if (existing) existing.sources.push(header);
    else byKey.set(attr.key, { key: attr.key, type: attr.type, sources: [header], label: header });
  });
  return { columns: attributes.flatMap((a) => byKey.get(a.key) ?? []) };
}

/** Checks a mapping against a file's headers (and Qualtrics ids) and resolves sources to indexes. */
export function resolveMapping(
  mapping: ColumnMapping, headers: readonly string[], ids: readonly string[] = headers,
): { columns: ResolvedColumn[]; problems: string[] } {
  const problems: string[] = [];
  const columns: ResolvedColumn[] = [];
  const seen = new Set<string>();
  if (!mapping || !Array.isArray(mapping.columns)) return { columns, problems: ['The mapping has no "columns" list.'] };
  mapping.columns.forEach((col, i) => {
    const where = `Mapping column ${i + 1}`;
    if (typeof col?.key !== 'string' || !isColumnKey(col.key)) return problems.push(`${where}: key must be letters, digits, "_", ".", ":" or "-".`);
    if (seen.has(col.key)) return problems.push(`${where}: "${col.key}" is mapped twice.`);
    seen.add(col.key);
    if (!['id', 'date', 'number', 'category', 'multi', 'text'].includes(col.type)) return problems.push(`${where} ("${col.key}"): unknown type "${String(col.type)}".`);
    if (!Array.isArray(col.sources) || col.sources.length === 0) return problems.push(`${where} ("${col.key}"): name at least one source column.`);
    if (col.sources.length > 1 && col.type !== 'multi') return problems.push(`${where} ("${col.key}"): only a multi-value column can read several source columns.`);
    if (col.labels !== undefined && col.type !== 'number') return problems.push(`${where} ("${col.key}"): only a number column can have answer labels.`);
    const badLabels = labelProblem(col.labels);
    if (badLabels) return problems.push(`${where} ("${col.key}"): ${badLabels}`);
    const indexes: number[] = [];
    for (const source of col.sources) {
      const index = typeof source === 'number' ? (Number.isInteger(source) && source >= 0 && source < headers.length ? source : -1) : findHeader(source, headers, ids);
      if (index < 0) problems.push(`${where} ("${col.key}"): the file has no column "${String(source)}".`);
      else indexes.push(index);
    }
    if (indexes.length === col.sources.length) columns.push({ ...col, indexes, label: col.label ?? headers[indexes[0]!] ?? col.key });
  });
  return { columns, problems };
}

function findHeader(source: unknown, headers: readonly string[], ids: readonly string[]): number {
  if (typeof source !== 'string') return -1;
  const exact = headers.indexOf(source);
  if (exact >= 0) return exact;
  const byId = ids.indexOf(source);
  if (byId >= 0) return byId;
  const n = normal(source);
  return headers.findIndex((h) => normal(h) === n);
}
