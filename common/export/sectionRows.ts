import type { PersonaSection } from '../persona/document';
import { channelLabels } from '../persona/sections/chartSections';
import { demographicFields } from '../persona/sections/profileSections';
import { englishText, type ExportText } from '../i18n/exportText';

/** One row of a section's content in a spreadsheet: an item label and its value. */
export interface SectionRow {
  item: string;
  value: string | number;
  evidence: string;
}

type Obj = Record<string, unknown>;
const list = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]).filter((x) => typeof x === 'object' && x !== null) : []);
const s = (v: unknown): string => (typeof v === 'string' ? v : '');
const n = (v: unknown): number => (typeof v === 'number' ? v : 0);
const evidenceKinds = ['research', 'data', 'assumption'] as const;

/**
 * Flattens a section's data into item/value rows, one per list entry, field, scale or chart point.
 * Numbers stay numbers so the sheet can be charted and filtered; unknown shapes fall back to text.
 * The few item names the app supplies (Tagline, Caption…) are in `text`'s language.
 */
export function sectionRows(section: PersonaSection, text: ExportText = englishText): SectionRow[] {
  const d = section.data;
  const { t } = text;
  // The evidence kind in the language ("Recherche"); an unknown kind from a newer app as it is.
  const ev = (o: Obj): string => {
    const kind = s((o.evidence as Obj | undefined)?.kind);
    return (evidenceKinds as readonly string[]).includes(kind) ? t(`report.persona.evidence.${kind as (typeof evidenceKinds)[number]}`) : kind;
  };
  switch (section.type) {
    case 'header': return [{ item: t('report.section.tagline'), value: s(d.tagline), evidence: '' }, { item: t('report.section.marketSize'), value: s(d.marketSize), evidence: '' }];
    case 'quote': return [{ item: s(d.attribution) || t('report.section.quote'), value: s(d.text), evidence: '' }];
    case 'demographics': return demographicFields.map((f) => ({ item: t(`report.persona.demographic.${f}`), value: s(d[f]), evidence: '' }));
    case 'personality': case 'technology': return list(d.items).map((i) => ({ item: s(i.label), value: n(i.level), evidence: ev(i) }));
    case 'channels': return list(d.channels).map((c) => ({
      item: s(c.channel) in channelLabels ? t(`report.persona.channel.${s(c.channel) as keyof typeof channelLabels}`) : s(c.channel), value: n(c.level), evidence: ev(c),
    }));
    case 'scales': return list(d.scales).map((x) => ({ item: `${s(x.left)} ↔ ${s(x.right)}`, value: n(x.value), evidence: ev(x) }));
    case 'pieChart': case 'barChart': return list(d.points).map((p) => ({ item: `${s(p.label)}${s(d.unit) ? ` (${s(d.unit).trim()})` : ''}`, value: n(p.value), evidence: ev(p) }));
    case 'media': return [{ item: t('report.persona.mediaKind', { kind: s(d.kind) }), value: s(d.url) || s(d.assetId), evidence: '' }, ...(s(d.caption) ? [{ item: t('report.section.caption'), value: s(d.caption), evidence: '' }] : [])];
    case 'liveMetrics': return [{ item: t('report.section.shows'), value: (Array.isArray(d.show) ? d.show : []).join(', '), evidence: '' }];
    default: {
      const rows: SectionRow[] = s(d.text) ? [{ item: t('report.section.text'), value: s(d.text), evidence: '' }] : [];
      return rows.concat(list(d.items).map((i, k) => ({ item: `${k + 1}`, value: s(i.text), evidence: ev(i) })));
    }
  }
}

