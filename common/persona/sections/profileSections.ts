import * as v from 'valibot';
import { evidenceSchema, idList, idSchema, listItemSchema, text, whole, type Evidence, type ListItem } from '../fields';
import { personaLimits } from '../limits';
import { followSchema, type FollowData } from './followField';
import type { SectionDef } from './types';

const line = text(personaLimits.line);

/**
 * Data of the identity header. Name, role, photo and persona type are persona fields (cards, search
 * and the comparison view read them), so the header only adds what belongs to it alone.
 */
export interface HeaderData extends Record<string, unknown> {
  /** How many customers this persona stands for, as the user words it ("~18% of buyers"). */
  marketSize: string;
  /** One line under the name. */
  tagline: string;
}

/** Identity header: name, role, photo and type from the persona, plus market size and tagline. */
export const headerSection: SectionDef<HeaderData> = {
  type: 'header',
  label: 'Identity header',
  description: 'Name, role, photo, persona type and market size.',
  group: 'identity',
  defaultTitle: 'Identity',
  defaultSize: { w: 12, h: 4 },
  schema: v.object({ marketSize: line, tagline: line }),
  defaultData: () => ({ marketSize: '', tagline: '' }),
};

/** Data of a quote section. */
export interface QuoteData extends Record<string, unknown> {
  text: string;
  attribution: string;
}

/** A realistic quote in the persona's own words. */
export const quoteSection: SectionDef<QuoteData> = {
  type: 'quote',
  label: 'Quote',
  description: 'A line in their own words.',
  group: 'identity',
  defaultTitle: 'Quote',
  defaultSize: { w: 8, h: 3 },
  schema: v.object({ text: text(personaLimits.itemText), attribution: line }),
  defaultData: () => ({ text: '', attribution: '' }),
};

/** The demographic fields, in display order. */
export const demographicFields = ['gender', 'age', 'location', 'occupation', 'education', 'income', 'family'] as const;
/** One demographic field. */
export type DemographicField = (typeof demographicFields)[number];
/** Data of a demographics section: one line per field (free text: "35–44", "Leeds, UK"). */
export type DemographicsData = Record<DemographicField, string> & { follow?: FollowData };

/** Demographics: gender, age, location, occupation, education, income, family. */
export const demographicsSection: SectionDef<DemographicsData> = {
  type: 'demographics',
  label: 'Demographics',
  description: 'Gender, age, location, occupation, education, income, family.',
  group: 'profile',
  defaultTitle: 'Demographics',
  defaultSize: { w: 4, h: 5 },
  schema: v.object({
    gender: line, age: line, location: line, occupation: line, education: line, income: line, family: line, follow: followSchema,
  }),
  defaultData: () => ({ gender: '', age: '', location: '', occupation: '', education: '', income: '', family: '' }),
};

/** A labelled level from 0 to 100 (trait strength, technology proficiency). */
export interface LevelItem {
  id: string;
  label: string;
  /** 0–100. */
  level: number;
  evidence?: Evidence;
}

const levelItemSchema = v.object({ id: idSchema, label: line, level: whole(0, 100), evidence: v.optional(evidenceSchema) });

/** Data of a section of labelled levels. */
export interface LevelData extends Record<string, unknown> {
  items: LevelItem[];
}

function levelSection(type: string, label: string, description: string, first: string): SectionDef<LevelData> {
  return {
    type,
    label,
    description,
    group: 'profile',
    defaultTitle: label,
    defaultSize: { w: 4, h: 4 },
    schema: v.object({ items: idList(levelItemSchema) }),
    defaultData: (ids) => ({ items: [{ id: ids(), label: first, level: 50 }] }),
    listKey: 'items',
  };
}

/** Personality traits with a strength each. */
export const personalitySection = levelSection('personality', 'Personality', 'Traits and how strongly they show.', 'Organised');
/** Devices and tools with the persona's proficiency. */
export const technologySection = levelSection('technology', 'Technology', 'Devices and tools, and how at ease they are with them.', 'Smartphone');

/** Data of a media section: an image stored as an asset, or a link. */
export interface MediaData extends Record<string, unknown> {
  kind: 'image' | 'link';
  /** The image's id in the assets collection (never the bytes: versions would copy them). */
  assetId: string | null;
  url: string;
  caption: string;
}

/** Only plain web links: no javascript:, file: or custom schemes reach the operating system. */
const webUrl = v.pipe(
  text(personaLimits.url),
  v.check((u) => u === '' || /^https?:\/\/[^\s/]+/i.test(u), 'Must be a web address starting with http:// or https://.'),
);

/** An image (stored as an asset) or a link. */
export const mediaSection: SectionDef<MediaData> = {
  type: 'media',
  label: 'Media',
  description: 'An image or a link to a document, recording or board.',
  group: 'media',
  defaultTitle: 'Media',
  defaultSize: { w: 4, h: 4 },
  schema: v.object({
    kind: v.picklist(['image', 'link'], 'Media must be an image or a link.'),
    assetId: v.nullable(idSchema),
    url: webUrl,
    caption: line,
  }),
  defaultData: () => ({ kind: 'image', assetId: null, url: '', caption: '' }),
};

/** Data of a custom section: free text and an optional list. */
export interface CustomData extends Record<string, unknown> {
  text: string;
  items: ListItem[];
}

/** A section the user names and fills freely. */
export const customSection: SectionDef<CustomData> = {
  type: 'custom',
  label: 'Custom',
  description: 'Your own section: a title, text and a list.',
  group: 'other',
  defaultTitle: 'Custom section',
  defaultSize: { w: 4, h: 4 },
  schema: v.object({ text: text(personaLimits.longText), items: idList(listItemSchema) }),
  defaultData: () => ({ text: '', items: [] }),
  listKey: 'items',
};

/** The metrics a live-metrics block can show; values come from snapshots, never from the persona. */
export const liveMetricKeys = ['satisfaction', 'loyalty', 'trust', 'effort'] as const;
/** One live metric. */
export type LiveMetricKey = (typeof liveMetricKeys)[number];

/** Data of a live-metrics block: which metrics it shows. */
export interface LiveMetricsData extends Record<string, unknown> {
  show: LiveMetricKey[];
}

/** Live metrics computed by analytics (read from snapshots), compared with the persona's targets. */
export const liveMetricsSection: SectionDef<LiveMetricsData> = {
  type: 'liveMetrics',
  label: 'Live metrics',
  description: 'Satisfaction, loyalty, trust and effort from survey data, against targets.',
  group: 'other',
  defaultTitle: 'Live metrics',
  defaultSize: { w: 8, h: 3 },
  schema: v.object({
    show: v.pipe(v.array(v.picklist(liveMetricKeys, 'Unknown metric.')), v.maxLength(liveMetricKeys.length)),
  }),
  defaultData: () => ({ show: [...liveMetricKeys] }),
};
