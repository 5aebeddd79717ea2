import * as v from 'valibot';
import { bounded, evidenceSchema, idList, idSchema, text, whole, type Evidence } from '../fields';
import { personaLimits } from '../limits';
import { followSchema, type FollowData } from './followField';
import type { SectionDef } from './types';

const line = text(personaLimits.line);

/** One slice or bar of a chart the user types in. */
export interface ChartPoint {
  id: string;
  label: string;
  /** Zero or more; negative values would make a pie meaningless. */
  value: number;
  evidence?: Evidence;
}

const chartPointSchema = v.object({
  id: idSchema,
  label: line,
  value: bounded(0, 1e9),
  evidence: v.optional(evidenceSchema),
});

/** Data of a pie or bar chart. */
export interface ChartData extends Record<string, unknown> {
  points: ChartPoint[];
  /** Unit shown after values ("%", "h/week"); may be empty. */
  unit: string;
  /** Set while the chart follows the persona's matched respondents ("Follow data"). */
  follow?: FollowData;
}

function chartSection(type: 'pieChart' | 'barChart', label: string, description: string): SectionDef<ChartData> {
  return {
    type,
    label,
    description,
    group: 'charts',
    defaultTitle: label,
    defaultSize: { w: 4, h: 5 },
    schema: v.object({ points: idList(chartPointSchema, 20), unit: text(20), follow: followSchema }),
    defaultData: (ids) => ({
      points: [
        { id: ids(), label: 'Option A', value: 60 },
        { id: ids(), label: 'Option B', value: 40 },
      ],
      unit: '%',
    }),
    listKey: 'points',
  };
}

/** Pie chart on typed-in data. */
export const pieChartSection = chartSection('pieChart', 'Pie chart', 'Shares of a whole, typed in (e.g. device use).');
/** Bar chart on typed-in data. */
export const barChartSection = chartSection('barChart', 'Bar chart', 'Compare amounts, typed in (e.g. hours per week).');

/** The channels a persona can prefer, in display order. */
export const channelKinds = ['email', 'sms', 'whatsapp', 'phone', 'web', 'app', 'social', 'inStore'] as const;
/** One channel. */
export type ChannelKind = (typeof channelKinds)[number];
/** Display names of channels. */
export const channelLabels: Record<ChannelKind, string> = {
  email: 'Email', sms: 'SMS', whatsapp: 'WhatsApp', phone: 'Phone', web: 'Web', app: 'App', social: 'Social', inStore: 'In-store',
};
/** Preference levels 0–4 and how they read. */
export const preferenceLabels = ['Avoids', 'Rarely', 'Sometimes', 'Often', 'Prefers'] as const;

/** How much a persona likes to be reached through one channel. */
export interface ChannelPreference {
  id: string;
  channel: ChannelKind;
  /** 0 (avoids) to 4 (prefers); see {@link preferenceLabels}. */
  level: number;
  evidence?: Evidence;
}

/** Data of a channels section. */
export interface ChannelsData extends Record<string, unknown> {
  channels: ChannelPreference[];
}

const channelSchema = v.object({
  id: idSchema,
  channel: v.picklist(channelKinds, `Channel must be one of ${channelKinds.join(', ')}.`),
  level: whole(0, preferenceLabels.length - 1),
  evidence: v.optional(evidenceSchema),
});

/** Channel preferences for email, SMS, WhatsApp, phone, web, app, social and in-store. */
export const channelsSection: SectionDef<ChannelsData> = {
  type: 'channels',
  label: 'Channels',
  description: 'Preferred ways to reach them: email, SMS, WhatsApp, phone, web, app, social, in-store.',
  group: 'charts',
  defaultTitle: 'Channels',
  defaultSize: { w: 4, h: 6 },
  schema: v.object({
    channels: v.pipe(
      idList(channelSchema, channelKinds.length),
      v.check((cs) => new Set(cs.map((c) => c.channel)).size === cs.length, 'Each channel can appear once.'),
    ),
  }),
  defaultData: (ids) => ({ channels: channelKinds.map((channel) => ({ id: ids(), channel, level: 2 })) }),
  listKey: 'channels',
};

/** A behavioural scale: a slider between two poles. */
export interface Scale {
  id: string;
  left: string;
  right: string;
  /** 0 (fully left) to 100 (fully right). */
  value: number;
  evidence?: Evidence;
}

/** Data of a behavioural-scales section. */
export interface ScalesData extends Record<string, unknown> {
  scales: Scale[];
}

const scaleSchema = v.object({ id: idSchema, left: line, right: line, value: whole(0, 100), evidence: v.optional(evidenceSchema) });

/** Behavioural scales, each a slider between two poles. */
export const scalesSection: SectionDef<ScalesData> = {
  type: 'scales',
  label: 'Behaviour scales',
  description: 'Sliders between two poles, e.g. price-driven ↔ quality-driven.',
  group: 'charts',
  defaultTitle: 'Behaviour',
  defaultSize: { w: 6, h: 4 },
  schema: v.object({ scales: idList(scaleSchema, 20) }),
  defaultData: (ids) => ({
    scales: [
      { id: ids(), left: 'Price-driven', right: 'Quality-driven', value: 50 },
      { id: ids(), left: 'Cautious', right: 'Adventurous', value: 50 },
    ],
  }),
  listKey: 'scales',
};
