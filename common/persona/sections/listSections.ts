import * as v from 'valibot';
import { idList, listItemSchema, text, type ListItem } from '../fields';
import type { IdSource } from '../ids';
import { personaLimits } from '../limits';
import type { SectionDef } from './types';

/** Data of a plain list section: items with text and evidence. */
export interface ListData extends Record<string, unknown> {
  items: ListItem[];
}

/** Schema of a plain list section's data. */
export const listDataSchema = v.object({ items: idList(listItemSchema) });

function listSection(type: string, label: string, description: string, group: 'lists' | 'profile' = 'lists'): SectionDef<ListData> {
  return {
    type,
    label,
    description,
    group,
    defaultTitle: label,
    defaultSize: { w: 4, h: 4 },
    schema: listDataSchema,
    defaultData: (ids: IdSource) => ({ items: [{ id: ids(), text: '' }] }),
    listKey: 'items',
  };
}

/** Lists: goals, frustrations, motivations, needs, brands. */
export const listSections: SectionDef<ListData>[] = [
  listSection('goals', 'Goals', 'What this persona wants to achieve.'),
  listSection('frustrations', 'Frustrations', 'What gets in their way or annoys them.'),
  listSection('motivations', 'Motivations', 'Why they act: the drivers behind their choices.'),
  listSection('needs', 'Needs', 'What they need from us to succeed.'),
  listSection('brands', 'Brands', 'Brands and products they use and trust.', 'profile'),
];

/** Data of a free-text section. */
export interface TextData extends Record<string, unknown> {
  text: string;
}

const textDataSchema = v.object({ text: text(personaLimits.longText) });

function textSection(type: string, label: string, description: string, w = 6): SectionDef<TextData> {
  return {
    type,
    label,
    description,
    group: 'text',
    defaultTitle: label,
    defaultSize: { w, h: 3 },
    schema: textDataSchema,
    defaultData: () => ({ text: '' }),
  };
}

/** Free-text sections: bio, challenges, context, scenarios, expectations. */
export const textSections: SectionDef<TextData>[] = [
  textSection('bio', 'Bio', 'A short story of who they are.'),
  textSection('challenges', 'Challenges', 'The hard parts of their situation.'),
  textSection('context', 'Context', 'Where, when and with whom they deal with us.'),
  textSection('scenarios', 'Scenarios', 'Typical situations, told as short stories.', 12),
  textSection('expectations', 'Expectations', 'What they expect from a good experience.'),
];
