import type { jsPDF } from 'jspdf';
import type { Rule } from '../analytics/rules';
import type { PersonaSection } from '../persona/document';
import { demographicFields } from '../persona/sections/profileSections';
import { liveMetricRows } from '../analytics/liveFigures';
import { liveDays, liveValue, liveValueText, type LiveMetricsInput } from './liveMetricsPdf';
import { analyticsWords } from './analyticsText';
import { setFont, wrap } from './pdfText';
import { englishText, type ExportText } from '../i18n/exportText';

type Obj = Record<string, unknown>;
const list = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]).filter((x) => typeof x === 'object' && x !== null) : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Height in points a line of wrapped text takes at `size` with `leading`, times the lines `text` wraps to. */
function textHeight(doc: jsPDF, text: string, width: number, size: number, leading: number): number {
  setFont(doc, size);
  return wrap(doc, text, width).length * size * leading;
}

/**
 * The height a section body needs when drawn `width` points wide at scale `s` by the persona page's
 * drawers (personaSectionsPdf.ts). Their row heights are mirrored here: the comparison gives each row
 * the height its tallest cell needs, where the canvas page uses the height the user dragged.
 */
export function sectionBodyHeight(doc: jsPDF, section: Pick<PersonaSection, 'type' | 'data'>, width: number, s: number, text: ExportText = englishText): number {
  // A point of slack: the drawers stop at `y + rowH > bottom`, which rounding can trip on the last row.
  return 1 + bodyHeight(doc, section, width, s, text);
}

/** The lines the identity header's own fields print as in a comparison (name and role have their own rows). */
export function headerLines(data: Record<string, unknown>, text: ExportText = englishText): string[] {
  return [str(data.tagline), str(data.marketSize) && text.t('report.section.marketSizeLine', { value: str(data.marketSize) })].filter((l) => l !== '');
}

/** Section types drawn as a plain bulleted list, whose items {@link bulletSpans} can place. */
export const bulletTypes: ReadonlySet<string> = new Set(['goals', 'frustrations', 'motivations', 'needs', 'brands']);

/**
 * Where each item of a bulleted list falls, as offsets from the top of the body, mirroring the
 * bullets drawer: the comparison shades the items only one persona has behind their text.
 */
export function bulletSpans(doc: jsPDF, items: unknown, width: number, s: number): { id: string; y: number; h: number }[] {
  let y = 0;
  return list(items).flatMap((i) => {
    const text = str(i.text);
    if (text.trim() === '') return [];
    const h = textHeight(doc, text, width - 10 * s, 11 * s, 1.25);
    const span = { id: str(i.id), y, h };
    y += h + 3 * s;
    return [span];
  });
}

function bodyHeight(doc: jsPDF, section: Pick<PersonaSection, 'type' | 'data'>, width: number, s: number, text: ExportText): number {
  const d = section.data;
  const bullets = (items: Obj[]) => items.reduce((h, i) => (str(i.text).trim() === '' ? h : h + textHeight(doc, str(i.text), width - 10 * s, 11 * s, 1.25) + 3 * s), 0);
  switch (section.type) {
    case 'goals': case 'frustrations': case 'motivations': case 'needs': case 'brands':
      return bullets(list(d.items));
    case 'bio': case 'challenges': case 'context': case 'scenarios': case 'expectations': case 'custom': {
      const items = list(d.items);
      return textHeight(doc, str(d.text), width, 11 * s, 1.35) + (items.length > 0 ? 4 * s + bullets(items) : 0);
    }
    case 'quote': return textHeight(doc, str(d.text), width - 22 * s, 14 * s, 1.3) + (str(d.attribution) ? 20 * s : 0) + 16 * s;
    case 'demographics': return demographicFields.filter((f) => str(d[f]) !== '').length * 17 * s;
    case 'personality': case 'technology': return list(d.items).length * 26 * s;
    case 'channels': return list(d.channels).length * 19 * s;
    case 'scales': return list(d.scales).length * 30 * s;
    case 'pieChart': return Math.max(list(d.points).length * 15 * s, Math.min(width * 0.45, 110 * s));
    case 'barChart': return list(d.points).length * 22 * s;
    case 'media': return (d.kind === 'image' ? 120 * s : textHeight(doc, str(d.url), width, 10 * s, 1.25)) + (str(d.caption) ? 14 * s : 0);
    case 'liveMetrics': return 64 * s;
    case 'header': return headerLines(d, text).reduce((h, l) => h + textHeight(doc, l, width, 11 * s, 1.3), 0);
    default: return 0;
  }
}

/** A mapping rule in words, as a line of the comparison's Rules row. */
export function ruleText(rule: Rule, text: ExportText = englishText): string {
  const { t } = text;
  const weighted = (words: string) => ((rule.weight ?? 1) === 1 ? words : t('report.rule.weighted', { rule: words, weight: rule.weight ?? 1 }));
  // A rule's own label replaces the generated description, as in the rule editor.
  if (rule.label) return weighted(rule.label);
  if (rule.kind === 'range') {
    const bounds = rule.min !== undefined && rule.max !== undefined ? `${rule.min}–${rule.max}`
      : rule.min !== undefined ? `≥ ${rule.min}` : rule.max !== undefined ? `≤ ${rule.max}` : t('report.rule.any');
    return weighted(`${rule.column} ${bounds}`);
  }
  return weighted(t(rule.kind === 'oneOf' ? 'report.rule.oneOf' : 'report.rule.mentions', { column: rule.column, values: rule.values.join(', ') }));
}

const statuses = ['draft', 'active', 'inactive'] as const;

/** A compared persona field as text: lists joined, the status as the app words it in `text`'s language. */
export function fieldText(field: string, value: unknown, text: ExportText = englishText): string {
  if (Array.isArray(value)) return value.join(', ');
  const v = String(value ?? '');
  if (field !== 'status') return v;
  return (statuses as readonly string[]).includes(v) ? text.t(`report.persona.status.${v as (typeof statuses)[number]}`) : v.charAt(0).toUpperCase() + v.slice(1);
}

/** The live metrics of one persona as lines of text: value and target per metric, then where they come from. */
export function metricLines(input: LiveMetricsInput | undefined, text: ExportText = englishText): string[] {
  const { t } = text;
  const label = (key: string) => t('report.metric.label', { key });
  if (!input?.live) {
    const targets = liveMetricRows.flatMap((r) => {
      const target = input ? analyticsWords(text).target(input.targets, r.key) : undefined;
      return target === undefined ? [] : [t('report.metric.targetOnly', { metric: label(r.key), target })];
    });
    return [t('report.metric.noData'), ...targets];
  }
  const lines = liveMetricRows.map((r) => {
    // Values and targets in the language's digits ("2,1", "88 %" in German).
    const target = analyticsWords(text).target(input.targets, r.key);
    const value = liveValueText(liveValue(input.live, r.key), r.unit, text);
    return target === undefined ? t('report.metric.value', { metric: label(r.key), value }) : t('report.metric.valueTarget', { metric: label(r.key), value, target });
  });
  const days = liveDays(input, text, true);
  const responses = t('report.metric.responses', { count: input.live.responses });
  return [...lines, days ? t('report.metric.responsesOn', { responses, days }) : responses];
}
