import {
  diffPersonas, fieldChangeWords, isEmptyDiff, shownSectionNames, summarizeDiff, summaryParts,
  type FieldWords, type PersonaVersion, type SectionName, type SummaryPart,
} from '../../../../../common/persona';
import { useFormat, useT, type MessageId } from '../../../i18n';
import { sectionTypeMessage } from '../labels';

const restoreNote = /^Before restore of version (\d+): ([\s\S]*)$/;

/**
 * Versions are stored with an English summary made from their diff (teammates read the same
 * document in different languages). When the stored text is exactly what the diff makes, the
 * screen words the diff in its own language; a summary someone typed or an older wording is shown
 * as stored.
 */
export function useSummaryWords() {
  const t = useT();
  const format = useFormat();
  const list = (items: string[]) => new Intl.ListFormat(format.locale, { type: 'unit', style: 'short' }).format(items);
  const sectionName = (s: SectionName) => {
    if (s.title) return s.title;
    const m = sectionTypeMessage(s.type);
    return m ? t(m) : s.type;
  };
  const names = (sections: SectionName[]) => {
    const shown = list(sections.slice(0, shownSectionNames).map(sectionName));
    return sections.length > shownSectionNames ? t('personas.history.summary.more', { shown, n: sections.length - shownSectionNames }) : shown;
  };
  const fieldLabel = (field: string) => t(`personas.field.${field}` as MessageId);
  const switchedValue = (field: 'status' | 'orientation', value: string) =>
    field === 'status' && ['draft', 'active', 'inactive'].includes(value) ? t(`personas.status.${value}` as MessageId) : value;

  const part = (p: SummaryPart): string => {
    switch (p.kind) {
      case 'renamed': return t('personas.history.summary.renamed', { before: p.before, after: p.after });
      case 'switched': return t('personas.history.summary.switched', { field: fieldLabel(p.field), before: switchedValue(p.field, p.before), after: switchedValue(p.field, p.after) });
      case 'changedFields': return t('personas.history.summary.changedFields', { fields: list(p.fields.map(fieldLabel)) });
      case 'addedSections': return t('personas.history.summary.added', { sections: names(p.sections) });
      case 'removedSections': return t('personas.history.summary.removed', { sections: names(p.sections) });
      case 'rearranged': return t('personas.history.summary.rearranged');
      case 'editedSection': {
        const details = [
          p.added ? t('personas.history.summary.itemsAdded', { n: p.added }) : '',
          p.removed ? t('personas.history.summary.itemsRemoved', { n: p.removed }) : '',
          p.changed ? t('personas.history.summary.itemsChanged', { n: p.changed }) : '',
          p.reordered ? t('personas.history.summary.reordered') : '',
          p.evidence ? t('personas.history.summary.evidence') : '',
        ].filter(Boolean);
        const section = sectionName(p.section);
        return details.length ? t('personas.history.summary.editedDetails', { section, details: list(details) }) : t('personas.history.summary.edited', { section });
      }
    }
  };
  const diffText = (before: PersonaVersion, after: PersonaVersion) => {
    const diff = diffPersonas(before.snapshot, after.snapshot);
    if (isEmptyDiff(diff)) return t('personas.history.summary.noChanges');
    const text = summaryParts(diff).map(part).join(t('personas.history.summary.separator'));
    return text.charAt(0).toLocaleUpperCase(format.locale) + text.slice(1);
  };

  /** A version's summary in the app's language where it was made from the diff with `previous`. */
  const summary = (v: PersonaVersion, previous: PersonaVersion | undefined): string => {
    if (!previous) return v.summary === 'First version' ? t('personas.history.summary.first') : v.summary;
    const made = summarizeDiff(diffPersonas(previous.snapshot, v.snapshot));
    if (v.summary === made) return diffText(previous, v);
    const restore = restoreNote.exec(v.summary);
    if (restore && restore[2] === made) return t('personas.history.summary.beforeRestore', { n: Number(restore[1]), what: diffText(previous, v) });
    return v.summary;
  };

  /** A field's value in the diff table, in the app's language. */
  const words = (w: FieldWords): string => {
    switch (w.kind) {
      case 'none': return '—';
      case 'text': return w.text;
      case 'tags': return w.tags.length ? list(w.tags) : t('personas.history.words.noTags');
      case 'count': return t(`personas.history.words.${w.of}`, { n: w.n });
      case 'onOff': return t(w.on ? 'personas.history.words.on' : 'personas.history.words.off');
      case 'yesNo': return t(w.yes ? 'personas.history.words.yes' : 'personas.history.words.no');
      case 'targets': {
        if (w.targets.length === 0) return t('personas.history.words.noTargets');
        const metric = (m: string) => (['satisfaction', 'loyalty', 'trust', 'ces'].includes(m) ? t(`personas.metric.${m}` as MessageId) : m === 'effort' ? t('personas.history.words.oldEffort') : m);
        return list(w.targets.map((x) => `${metric(x.metric)} ${format.number(x.value)}`));
      }
      default: return t(`personas.history.words.${w.kind}`);
    }
  };
  const fieldChange = (change: { field: string; before: unknown; after: unknown }) => {
    const w = fieldChangeWords(change);
    return { before: words(w.before), after: words(w.after) };
  };
  return { summary, fieldChange };
}
