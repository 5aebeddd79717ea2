import type { EvidenceKind, PersonaStatus } from '../../../../common/persona';

/** How statuses read in the UI. */
export const statusLabels: Record<PersonaStatus, string> = { draft: 'Draft', active: 'Active', inactive: 'Inactive' };

/** How evidence kinds read on badges. */
export const evidenceLabels: Record<EvidenceKind, string> = { research: 'Research', data: 'Data', assumption: 'Assumption' };
