import { comparisonLimits, type PersonaDoc } from '../../../../common/persona';
import type { PageOrientation } from '../../../../common/export/paper';
import type { PersonaPaper } from '../../../../common/export/personaPdf';
import type { Workspace } from '../../db/database';
import { safeFileName } from './fileNames';
import { imagesFor, personaPages } from './gather';
import type { ExportJob } from './jobs';
import { translate } from '../../i18n/translate';

/**
 * The job for a comparison export: the compared personas with their latest live metrics (and their
 * photos, for the PDF), or a sentence for the user when the comparison cannot be built.
 */
export async function comparisonJob(db: Workspace, personas: PersonaDoc[], format: string, paper: PersonaPaper, orientation: PageOrientation): Promise<{ job: ExportJob; name: string } | string> {
  if (personas.length < comparisonLimits.min || personas.length > comparisonLimits.max) return translate('exports.comparison.pick');
  const pages = await personaPages(db, personas);
  const title = translate('exports.comparison.title', { names: personas.map((p) => p.name).join(' vs ') });
  if (format === 'xlsx') return { job: { kind: 'comparisonXlsx', pages }, name: safeFileName(title, 'xlsx') };
  return { job: { kind: 'comparisonPdf', pages, options: { paper, orientation, title }, images: await imagesFor(db, personas) }, name: safeFileName(title, 'pdf') };
}
