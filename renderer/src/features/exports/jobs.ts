import { buildComparisonPdf, type ComparisonPdfOptions } from '../../../../common/export/comparisonPdf';
import { buildComparisonXlsx } from '../../../../common/export/comparisonXlsx';
import { buildFlowPdf, type FlowPdfOptions } from '../../../../common/export/flowPdf';
import { buildJourneyPdf, type JourneyPdfInput, type JourneyPdfOptions } from '../../../../common/export/journeyPdf';
import { buildJourneyTiledPdf, type TiledPdfOptions } from '../../../../common/export/journeyTiles';
import { buildJourneyXlsx, type JourneyXlsxInput } from '../../../../common/export/journeyXlsx';
import { buildPersonaPdf, type PersonaPdfOptions, type PersonaPdfPage } from '../../../../common/export/personaPdf';
import { buildPersonaXlsx, type PersonaXlsxInput } from '../../../../common/export/personaXlsx';
import type { AssetImage } from '../../../../common/export/pdfImages';
import type { PdfFonts } from '../../../../common/export/fonts';
import { englishText, reportCatalogueText, type ExportText } from '../../../../common/i18n/exportText';
import { imageSides, imagesForPrint } from './exportImages';

/** One export to build: plain data, so it can cross to a worker by structured clone. */
export type ExportJob =
  | { kind: 'personaPdf'; pages: PersonaPdfPage[]; options: Omit<PersonaPdfOptions, 'fonts' | 'images' | 'text'>; images: [string, AssetImage][] }
  | { kind: 'personaXlsx'; input: PersonaXlsxInput[] }
  | { kind: 'journeyPdf'; journey: JourneyPdfInput; options: Omit<JourneyPdfOptions, 'fonts' | 'text'> }
  | { kind: 'journeyTiles'; journey: JourneyPdfInput; options: Omit<TiledPdfOptions, 'fonts' | 'text'> }
  | { kind: 'journeyXlsx'; journey: JourneyXlsxInput }
  | { kind: 'flowPdf'; journey: { name: string; flow: JourneyXlsxInput['flow'] }; options: Omit<FlowPdfOptions, 'fonts' | 'text'> }
  | { kind: 'comparisonPdf'; pages: PersonaPdfPage[]; options: Omit<ComparisonPdfOptions, 'fonts' | 'images' | 'text'>; images: [string, AssetImage][] }
  | { kind: 'comparisonXlsx'; pages: PersonaPdfPage[] };

async function printImages(pages: readonly PersonaPdfPage[], images: [string, AssetImage][]): Promise<Map<string, AssetImage>> {
  return new Map(await imagesForPrint(images, imageSides(pages.map((p) => p.persona))));
}

/**
 * All the text a job can print (image bytes left out) and every label of its language, to pick the
 * fonts its PDF needs: Japanese labels need the CJK font even when the content is English.
 */
export function jobText(job: ExportJob, text: ExportText = englishText): string {
  return JSON.stringify(job, (key, value: unknown) => (key === 'images' ? undefined : value)) + reportCatalogueText(text.locale);
}

/** Builds the bytes of a job, labelled in `text`'s language; `fonts` is only called for PDFs, with the job's text. */
export async function runExportJob(job: ExportJob, loadFonts: (text: string) => Promise<PdfFonts>, text: ExportText = englishText): Promise<Uint8Array> {
  const fonts = () => loadFonts(jobText(job, text));
  switch (job.kind) {
    case 'personaPdf': return buildPersonaPdf(job.pages, { ...job.options, fonts: await fonts(), images: await printImages(job.pages, job.images), text });
    case 'personaXlsx': return buildPersonaXlsx(job.input, text);
    case 'journeyPdf': return buildJourneyPdf(job.journey, { ...job.options, fonts: await fonts(), text });
    case 'journeyTiles': return buildJourneyTiledPdf(job.journey, { ...job.options, fonts: await fonts(), text });
    case 'journeyXlsx': return buildJourneyXlsx(job.journey, text);
    case 'flowPdf': return buildFlowPdf(job.journey, { ...job.options, fonts: await fonts(), text });
    case 'comparisonPdf': return buildComparisonPdf(job.pages, { ...job.options, fonts: await fonts(), images: await printImages(job.pages, job.images), text });
    case 'comparisonXlsx': return buildComparisonXlsx(job.pages, text);
  }
}

/** Messages between the window and the export worker; `locale` is the app's language, the export's labels follow it. */
export type ExportRequest = { id: number; job: ExportJob; locale: string };
/**
 * The worker's answer: the bytes (transferred) and the characters no embedded font could print
 * (the user is asked before saving), or a sentence for the user.
 */
export type ExportResponse = { id: number; ok: true; bytes: Uint8Array; missing?: string[] } | { id: number; ok: false; message: string };
