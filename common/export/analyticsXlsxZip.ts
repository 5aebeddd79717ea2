/**
 * A streaming XLSX writer for the browser: sheet XML is generated a row at a time and deflated into
 * the zip as it goes (fflate), so the only large thing held is the compressed file itself.
 *
 * Why not ExcelJS here: its in-memory Workbook keeps a Cell object (with a Value and a style
 * reference) per cell and then renders each sheet to one XML string before zipping it. For 100k
 * responses × 34 columns that measured about 1.9 GB of heap and well over a minute under Node
 * (bench/exportsAnalytics.bench.ts, "web mode"), enough to kill a browser tab. Column-level styles
 * would not help: the cost is the per-cell objects and the whole-sheet string, not the style lookup.
 * ExcelJS's streaming writer needs Node's fs and streams, so Electron keeps it in main.
 *
 * Why every sheet, not only Responses: all six sheets come from the same operation sequence
 * (`analyticsWorkbookOps`) and split at the same rows (`RowSplitter`); one writer for all of them
 * keeps styles and splits identical, whereas grafting streamed sheets into an ExcelJS-built zip would
 * mean rewriting its workbook, relationships, content types and styles parts. The output is checked
 * against ExcelJS's own streaming writer (the Electron path) cell by cell in analyticsXlsx.test.ts.
 */
import { Zip, ZipDeflate, strToU8 } from 'fflate';
import { RowSplitter, excelMaxRows, splitSheetName, type SheetColumn, type XlsxCell } from './analyticsSheets';

const xmlHead = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const mainNs = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const relNs = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
/** Characters XML 1.0 forbids (controls other than tab, newline, carriage return). */
// eslint-disable-next-line no-control-regex
const invalidXml = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
/** Sheet XML buffered before each deflate push: big enough to keep pushes few, small enough to stay flat. */
const flushChars = 1 << 16;
const msPerDay = 86_400_000;
/** Excel's serial day of 1970-01-01 (the 1900 date system), as ExcelJS converts dates. */
const unixEpochSerial = 25_569;
/**
 * Deflate level of the sheets. Deflating is most of the writing time (profiled: about 70% at level
 * 6); level 1 roughly halves it, for a file about the size ExcelJS's streaming writer makes in
 * Electron (100k rows × 34 columns: 18.7 MB against 17.9 MB; level 6 gives 13.7 MB).
 */
const sheetLevel = 1;

/** Cell style index per column format, matching the cellXfs in {@link stylesXml}. */
const styleOf = { header: 1, date: 2, percent: 3, integer: 4 } as const;

/** Escapes text for XML content and attributes, dropping characters XML cannot carry. */
export function xmlEscape(text: string): string {
  return text.replace(invalidXml, '').replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/** `A`, `B`, … `Z`, `AA`, … for a 0-based column index. */
export function columnLetters(index: number): string {
  let n = index + 1, out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function cellXml(ref: string, value: XlsxCell, style: number, date: boolean): string {
  if (value === null) return '';
  const s = style > 0 ? ` s="${style}"` : '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    return `<c r="${ref}"${s}><v>${date ? unixEpochSerial + value / msPerDay : value}</v></c>`;
  }
  if (typeof value === 'boolean') return `<c r="${ref}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
  const space = /^\s|\s$|\n/.test(value) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${s} t="inlineStr"><is><t${space}>${xmlEscape(value)}</t></is></c>`;
}

interface OpenSheet { file: ZipDeflate; rowNumber: number; buffer: string[]; chars: number }
interface Table { base: string; columns: SheetColumn[]; splitter: RowSplitter; styles: number[]; dates: boolean[]; letters: string[]; sheet: number; open: OpenSheet | null }

/**
 * Writes tables as sheets straight into a deflated zip: `table(name, columns)` starts one,
 * `rows(...)` appends (splitting into `name (2)`, … at `limit` rows with the header repeated, as
 * ExcelJS's TableWriter does), `finish()` adds the workbook parts and returns the file's bytes.
 */
export class ZipTableWriter {
  private readonly chunks: Uint8Array[] = [];
  private readonly zip: Zip;
  private readonly sheets: { name: string; columns: number }[] = [];
  private current: Table | null = null;
  private failure: Error | null = null;

  constructor(private readonly limit = excelMaxRows) {
    this.zip = new Zip((error, data) => {
      if (error) this.failure = error;
      else this.chunks.push(data);
    });
  }

  /** Starts a table; the previous one is finished. Throws on a duplicate sheet name (a caller bug). */
  table(name: string, columns: SheetColumn[]): void {
    this.endTable();
    this.current = {
      base: name, columns, splitter: new RowSplitter(this.limit), sheet: -1, open: null,
      styles: columns.map((c) => (c.format ? styleOf[c.format] : 0)),
      dates: columns.map((c) => c.format === 'date'),
      letters: columns.map((_, i) => columnLetters(i)),
    };
    this.openSheet(0);
  }

  /** Appends rows to the current table. */
  rows(rows: readonly XlsxCell[][]): void {
    const t = this.current;
    if (!t) throw new Error('No table is open.');
    for (const run of t.splitter.place(rows.length)) {
      if (run.sheet !== t.sheet) this.openSheet(run.sheet);
      const open = t.open!;
      for (let i = run.start; i < run.start + run.count; i++) {
        const r = ++open.rowNumber;
        const cells = rows[i]!;
        let xml = `<row r="${r}">`;
        for (let c = 0; c < cells.length && c < t.columns.length; c++) xml += cellXml(`${t.letters[c]}${r}`, cells[c] ?? null, t.styles[c]!, t.dates[c]!);
        this.write(open, `${xml}</row>`);
      }
    }
  }

  /** Finishes the current table's last sheet. */
  endTable(): void {
    const t = this.current;
    this.current = null;
    if (t) this.closeSheet(t);
  }

  /** Adds the workbook parts and returns the whole file. */
  finish(meta: { title: string; creator: string }): Uint8Array {
    this.endTable();
    const add = (path: string, text: string) => {
      const file = new ZipDeflate(path, { level: 6 });
      this.zip.add(file);
      file.push(strToU8(text), true);
    };
    const n = this.sheets.length;
    add('[Content_Types].xml', `${xmlHead}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${this.sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`);
    add('_rels/.rels', `${xmlHead}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${relNs}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="${relNs}/extended-properties" Target="docProps/app.xml"/></Relationships>`);
    add('docProps/app.xml', `${xmlHead}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>CX Studio</Application></Properties>`);
    add('docProps/core.xml', `${xmlHead}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${xmlEscape(meta.title)}</dc:title><dc:creator>${xmlEscape(meta.creator)}</dc:creator></cp:coreProperties>`);
    add('xl/_rels/workbook.xml.rels', `${xmlHead}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${this.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${relNs}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rId${n + 1}" Type="${relNs}/styles" Target="styles.xml"/></Relationships>`);
    // The filter ranges as Excel records them: a hidden defined name per filtered sheet.
    const filters = this.sheets.map((s, i) => (s.columns > 0 ? `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">'${xmlEscape(s.name.replace(/'/g, "''"))}'!$A$1:$${columnLetters(s.columns - 1)}$1</definedName>` : '')).join('');
    add('xl/workbook.xml', `${xmlHead}<workbook xmlns="${mainNs}" xmlns:r="${relNs}"><bookViews><workbookView/></bookViews><sheets>${this.sheets.map((s, i) => `<sheet name="${xmlEscape(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets>${filters ? `<definedNames>${filters}</definedNames>` : ''}</workbook>`);
    add('xl/styles.xml', stylesXml());
    this.zip.end();
    if (this.failure) throw this.failure;
    const out = new Uint8Array(this.chunks.reduce((t, c) => t + c.length, 0));
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    this.chunks.length = 0;
    return out;
  }

  private openSheet(index: number): void {
    const t = this.current!;
    this.closeSheet(t);
    const name = splitSheetName(t.base, index);
    if (this.sheets.some((s) => s.name === name)) throw new Error(`The workbook already has a sheet named "${name}".`);
    this.sheets.push({ name, columns: t.columns.length });
    const file = new ZipDeflate(`xl/worksheets/sheet${this.sheets.length}.xml`, { level: sheetLevel });
    this.zip.add(file);
    t.sheet = index;
    t.open = { file, rowNumber: 1, buffer: [], chars: 0 };
    const cols = t.columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width ?? Math.min(50, Math.max(10, c.header.length + 2))}" customWidth="1"/>`).join('');
    const header = t.columns.map((c, i) => cellXml(`${t.letters[i]}1`, c.header, styleOf.header, false)).join('');
    this.write(t.open, `${xmlHead}<worksheet xmlns="${mainNs}" xmlns:r="${relNs}"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>${cols ? `<cols>${cols}</cols>` : ''}<sheetData><row r="1">${header}</row>`);
  }

  private closeSheet(t: Table): void {
    const open = t.open;
    if (!open) return;
    t.open = null;
    const filter = t.columns.length > 0 ? `<autoFilter ref="A1:${columnLetters(t.columns.length - 1)}1"/>` : '';
    this.write(open, `</sheetData>${filter}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`);
    open.file.push(strToU8(open.buffer.join('')), true);
    open.buffer = [];
    if (this.failure) throw this.failure;
  }

  private write(open: OpenSheet, xml: string): void {
    open.buffer.push(xml);
    open.chars += xml.length;
    if (open.chars < flushChars) return;
    open.file.push(strToU8(open.buffer.join('')), false);
    open.buffer = [];
    open.chars = 0;
    if (this.failure) throw this.failure;
  }
}

/** Fonts, fills and the five cell formats: default, header (bold on indigo-50), date, percent, integer. */
function stylesXml(): string {
  return `${xmlHead}<styleSheet xmlns="${mainNs}"><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm"/><numFmt numFmtId="165" formatCode="0.0"/></numFmts>`
    + '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
    + '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFE0E7FF"/></patternFill></fill></fills>'
    + '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    + '<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/>'
    + '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    + '<xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
    + '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';
}
