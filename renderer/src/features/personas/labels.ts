import type { EvidenceKind, PersonaStatus } from '../../../../common/persona';
import type { MessageId } from '../../i18n';

/** The message of each status (`t(statusLabels[s])`). */
export const statusLabels: Record<PersonaStatus, MessageId> = {
  draft: 'personas.status.draft', active: 'personas.status.active', inactive: 'personas.status.inactive',
};

/** The message of each evidence kind, spelled out (exports, menus). */
export const evidenceLabels: Record<EvidenceKind, MessageId> = {
  research: 'personas.evidence.research', data: 'personas.evidence.data', assumption: 'personas.evidence.assumption',
};

/** The one-letter badge of each evidence kind, in the reader's alphabet. */
export const evidenceBadges: Record<EvidenceKind, MessageId> = {
  research: 'personas.evidence.badge.research', data: 'personas.evidence.badge.data', assumption: 'personas.evidence.badge.assumption',
};

const known = new Set(['header', 'goals', 'frustrations', 'motivations', 'needs', 'brands', 'bio', 'challenges', 'context', 'scenarios', 'expectations',
  'quote', 'demographics', 'personality', 'technology', 'pieChart', 'barChart', 'channels', 'scales', 'media', 'custom', 'liveMetrics']);

/** The message naming a section type, or null for a type this version does not know (shown as its id). */
export function sectionTypeMessage(type: string): MessageId | null {
  return known.has(type) ? (`personas.sectionType.${type}` as MessageId) : null;
}

/** The message describing a section type in the palette, or null. */
export function sectionTypeDescription(type: string): MessageId | null {
  return known.has(type) ? (`personas.sectionType.${type}.description` as MessageId) : null;
}
