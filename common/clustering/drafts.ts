/**
 * A cluster becomes a persona draft: named after what sets it apart, with demographics and a chart
 * filled from its answers, typical phrases as list items, and the derived mapping rules. Every
 * claim taken from the data carries evidence "data" naming the dataset and the count behind it, so a
 * reader can tell measured from written.
 */
import type { Rule } from '../analytics/rules';
import { addSectionChange, applyPersonaChange, applyPersonaChanges, type PersonaChange } from '../persona/changes';
import type { PersonaDoc } from '../persona/document';
import type { Evidence } from '../persona/fields';
import { createBlankPersona, type Creation } from '../persona/instantiate';
import type { ClusterProfile } from './profile';

/** Where a draft's numbers come from, for its evidence notes. */
export interface DraftSource {
  datasetName: string;
  datasetId?: string;
  responses: number;
  /** Question texts by column key, for names and chart labels (keys still pick demographics fields). */
  labels?: Readonly<Record<string, string>>;
}

const demographicFields = ['gender', 'age', 'location', 'occupation', 'education', 'income', 'family'] as const;
const goalColumn = /goal|motivat|want|hope|wish|objective/i;
const painColumn = /frustrat|pain|problem|issue|complain|dislike|annoy|difficult/i;

/** The draft persona of one cluster (status draft, rules set, dataset linked when known). */
export function personaDraft(profile: ClusterProfile, rules: Rule[], source: DraftSource, c: Creation, textColumns: readonly string[] = []): PersonaDoc {
  const evidence = (count: number): Evidence => ({ kind: 'data', source: `${source.datasetName}: ${count.toLocaleString('en')} of ${profile.size.toLocaleString('en')} respondents in this group` });
  const label = (key: string) => source.labels?.[key] ?? key;
  const lead = profile.over[0];
  const name = `Draft ${profile.cluster + 1}: ${lead ? `${label(lead.column)} ${lead.value}` : 'group'} (${Math.round(profile.share * 100)} %)`.slice(0, 80);
  let doc = createBlankPersona(c, name);
  doc = applyPersonaChange(doc, { kind: 'setRules', rules });
  doc = { ...doc, datasetIds: source.datasetId ? [source.datasetId] : [], role: `${profile.size.toLocaleString('en')} of ${source.responses.toLocaleString('en')} respondents` };

  const demographics: Record<string, string> = {};
  for (const field of demographicFields) {
    const number = profile.numbers.find((n) => n.column.toLowerCase() === field);
    const answer = profile.over.find((o) => o.column.toLowerCase() === field);
    if (number) demographics[field] = `${Math.round(number.p10)}–${Math.round(number.p90)} (mean ${Math.round(number.mean)})`;
    else if (answer) demographics[field] = `${answer.value} (${Math.round(answer.share * 100)} %)`;
  }
  if (Object.keys(demographics).length > 0) doc = addSection(doc, 'demographics', c, { title: 'Demographics (from the data)', data: demographics, evidence: evidence(profile.size) });

  if (profile.over.length > 0) {
    const top = profile.over.slice(0, 6);
    doc = addSection(doc, 'barChart', c, {
      title: 'What sets this group apart (% giving each answer)',
      data: { unit: '%', points: top.map((o) => ({ id: c.ids(), label: `${label(o.column)}: ${o.value}`.slice(0, 120), value: Math.round(o.share * 100), evidence: evidence(Math.round(o.share * profile.size)) })) },
    });
  }

  const phraseItems = profile.phrases.map((p) => ({ id: c.ids(), text: `“${p.phrase}”`, evidence: evidence(p.count) }));
  if (phraseItems.length > 0) {
    const type = textColumns.some((t) => painColumn.test(t)) ? 'frustrations' : textColumns.some((t) => goalColumn.test(t)) ? 'goals' : 'needs';
    const title = type === 'needs' ? 'In their words' : undefined;
    doc = addSection(doc, type, c, { ...(title ? { title } : {}), data: { items: phraseItems } });
  }
  const goalOptions = profile.over.filter((o) => goalColumn.test(o.column));
  if (goalOptions.length > 0) doc = addSection(doc, 'goals', c, { data: { items: goalOptions.map((o) => ({ id: c.ids(), text: o.value, evidence: evidence(Math.round(o.share * profile.size)) })) } });
  const painOptions = profile.over.filter((o) => painColumn.test(o.column));
  if (painOptions.length > 0) doc = addSection(doc, 'frustrations', c, { data: { items: painOptions.map((o) => ({ id: c.ids(), text: o.value, evidence: evidence(Math.round(o.share * profile.size)) })) } });
  return doc;
}

function addSection(doc: PersonaDoc, type: string, c: Creation, update: { title?: string; data: Record<string, unknown>; evidence?: Evidence }): PersonaDoc {
  const add = addSectionChange(doc, type, c.ids);
  if (add.kind !== 'addSection') return doc;
  const changes: PersonaChange[] = [add, { kind: 'updateSection', sectionId: add.section.id, data: { ...add.section.data, ...update.data }, ...(update.title ? { title: update.title } : {}), ...(update.evidence ? { evidence: update.evidence } : {}) }];
  return applyPersonaChanges(doc, changes);
}
