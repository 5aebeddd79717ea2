import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { stepDetails, stepKindName } from '../journey/describeStep';
import type { FlowEdge, FlowNode, JourneyFlow } from '../journey/flowModel';
import { builtInTemplates } from '../journey/templates/index';
import { exportText, type ExportText } from '../i18n/exportText';
import { buildFlowPdf } from './flowPdf';
import { pageSize } from './paper';

const fonts = {
  regular: readFileSync('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: readFileSync('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
};
const dir = mkdtempSync(join(tmpdir(), 'cx-flow-'));
const flat = (s: string) => s.replace(/\s+/g, ' ');

function print(name: string, flow: JourneyFlow, orientation: 'portrait' | 'landscape' = 'landscape', text?: ExportText): string {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, buildFlowPdf({ name, flow }, { paper: 'a4', orientation, fonts, text }));
  return file;
}
const pagesOf = (file: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file]).toString('utf8'))?.[1]);
const textOf = (file: string, page?: number) =>
  flat(execFileSync('pdftotext', ['-enc', 'UTF-8', ...(page ? ['-f', String(page), '-l', String(page)] : []), file, '-']).toString('utf8'));
/** Every word's box (points, from the top) on every page, read back by pdftotext. */
function words(file: string): Array<{ page: number; text: string; xMin: number; yMin: number; xMax: number; yMax: number }> {
  const html = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-']).toString('utf8');
  const out: ReturnType<typeof words> = [];
  let page = 0;
  for (const line of html.split('\n')) {
    if (line.includes('<page ')) page++;
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/.exec(line);
    if (m) out.push({ page, xMin: +m[1]!, yMin: +m[2]!, xMax: +m[3]!, yMax: +m[4]!, text: m[5]! });
  }
  return out;
}

const action = (id: string, label: string, subject: string): FlowNode => ({ id, kind: 'action', label, position: { x: 0, y: 0 }, config: { type: 'email', subject, body: `Body of ${label}` } });
const edge = (source: string, target: string, sourceHandle = 'out'): FlowEdge => ({ id: `e-${source}-${target}-${sourceHandle}`, source, target, sourceHandle });

describe('flow PDF', () => {
  test('every built-in flow prints each step with its kind, name and content (subject, message, event, wait time)', () => {
    for (const [i, t] of builtInTemplates().entries()) {
      const file = print(`template${i}`, t.body.flow);
      const text = textOf(file);
      for (const n of t.body.flow.nodes) {
        expect(text, `${t.id}: ${n.label}`).toContain(flat(n.label));
        expect(text, `${t.id}: kind of ${n.label}`).toContain(stepKindName(n).toUpperCase());
        for (const d of stepDetails(n)) expect(text, `${t.id}: ${d}`).toContain(flat(d).slice(0, 24));
      }
    }
  });

  test('a small flow is enlarged to fill the page instead of printing at 1:1 in a corner', () => {
    const flow = { nodes: [action('a', 'Welcome', 'Hello'), action('b', 'Follow up', 'Still there?')], edges: [edge('a', 'b')] };
    const file = print('small', flow);
    const page = pageSize('a4', 'landscape');
    const body = words(file).filter((w) => !w.text.includes('flow') && w.yMin > 60);
    const height = Math.max(...body.map((w) => w.yMax)) - Math.min(...body.map((w) => w.yMin));
    expect(height / page.h).toBeGreaterThan(0.45);
  });

  test('a flow too big for one readable page goes over several, each step printed once, edges between pages named', () => {
    // 36 emails in a chain with a condition every 6 steps branching to an exit: tall, and wide in places.
    const nodes: FlowNode[] = [{ id: 't', kind: 'trigger', label: 'Start here', position: { x: 0, y: 0 }, config: { type: 'event', eventName: 'signed.up' } }];
    const edges: FlowEdge[] = [];
    let prev = 't';
    for (let i = 1; i <= 36; i++) {
      if (i % 6 === 0) {
        nodes.push({ id: `c${i}`, kind: 'condition', label: `Check ${i}`, position: { x: 0, y: 0 }, config: { match: 'all', rules: [{ source: 'response', field: 'nps', operator: 'atLeast', value: i }] } });
        nodes.push({ id: `x${i}`, kind: 'exit', label: `Leave ${i}`, position: { x: 0, y: 0 }, config: {} });
        edges.push(edge(prev, `c${i}`), edge(`c${i}`, `x${i}`, 'no'));
        prev = `c${i}`;
        nodes.push(action(`n${i}`, `Email ${i}`, `Subject ${i}`));
        edges.push(edge(prev, `n${i}`, 'yes'));
      } else {
        nodes.push(action(`n${i}`, `Email ${i}`, `Subject ${i}`));
        edges.push(edge(prev, `n${i}`));
      }
      prev = `n${i}`;
    }
    const file = print('big', { nodes, edges }, 'portrait');
    const pages = pagesOf(file);
    expect(pages).toBeGreaterThan(1);
    const all = textOf(file);
    expect(all).toContain(`Page 1 of ${pages}`);
    for (const n of nodes) expect(all.split(`${n.label} `).length - 1, n.label).toBeGreaterThanOrEqual(1);
    // Each step's box is on exactly one page: its subject line prints once.
    for (let i = 1; i <= 36; i++) expect(all.split(`Subject: Subject ${i} `).length - 1, `Subject ${i}`).toBe(1);
    expect(all).toMatch(/→ .+ \(page \d+\)/);
    expect(all).toMatch(/from .+, page \d+/);
    // Readable: no text under 7 pt (a pdftotext word box is about 0.99 × the font size tall).
    const smallest = Math.min(...words(file).map((w) => w.yMax - w.yMin));
    expect(smallest).toBeGreaterThanOrEqual(7);
  });

  test('an empty flow says so instead of printing a blank page', () => {
    expect(textOf(print('empty', { nodes: [], edges: [] }))).toContain('no flow yet');
  });

  // Trigger on an event, wait 2 days, check NPS, email or leave: each kind of wording once.
  const twoDays: JourneyFlow = {
    nodes: [
      { id: 't', kind: 'trigger', label: '', position: { x: 0, y: 0 }, config: { type: 'event', eventName: 'signed.up' } },
      { id: 'w', kind: 'wait', label: '', position: { x: 0, y: 0 }, config: { mode: 'duration', duration: { amount: 2, unit: 'days' } } },
      { id: 'c', kind: 'condition', label: '', position: { x: 0, y: 0 }, config: { match: 'all', rules: [{ source: 'response', field: 'nps', operator: 'atLeast', value: 9 }, { source: 'response', field: 'plan', operator: 'isSet' }] } },
      action('a', 'Thanks', 'Hello'),
      { id: 'x', kind: 'exit', label: '', position: { x: 0, y: 0 }, config: {} },
    ],
    edges: [edge('t', 'w'), edge('w', 'c'), edge('c', 'a', 'yes'), edge('c', 'x', 'no')],
  };

  test('in German, headings, step kinds and descriptions are German ("2 Tage warten")', () => {
    const text = textOf(print('de', twoDays, 'landscape', exportText('de')));
    for (const de of ['de — Ablauf', 'AUSLÖSER · EREIGNIS', 'Ereignis: signed.up', 'WARTEN', '2 Tage warten', 'BEDINGUNG', 'Wenn nps ≥ 9 und plan ist gesetzt', 'Betreff: Hello', 'AUSSTIEG', 'Verlässt die Journey', 'ja', 'nein'])
      expect(text, de).toContain(de);
    for (const en of ['Wait 2 days', 'flow', 'Subject', 'Leaves the journey', 'Trigger']) expect(text, en).not.toContain(en);
  });

  test('in Arabic, the step descriptions print shaped and right to left', () => {
    const file = print('ar', twoDays, 'landscape', exportText('ar'));
    // pdftotext -bbox gives an Arabic word's glyphs in visual order: reversed, it reads as written.
    const reading = (w: string) => (/[\u0600-\u06FF\uFE70-\uFEFF]/.test(w) ? Array.from(w).reverse().join('') : w);
    const ws = words(file).map((w) => ({ ...w, text: reading(w.text).normalize('NFKC') }));
    const at = (w: string) => ws.find((x) => x.text === w);
    for (const w of ['انتظار', 'يومان', 'الرحلة', 'يغادر']) expect(at(w), w).toBeDefined();
    expect(at('انتظار')!.xMin).toBeGreaterThan(at('يومان')!.xMin); // "wait" first, on the right
    expect(at('يغادر')!.xMin).toBeGreaterThan(at('الرحلة')!.xMin);
    expect(textOf(file)).not.toContain('Wait');
  });

  test('an empty flow says so in the export\'s language', () => {
    expect(textOf(print('empty-fr', { nodes: [], edges: [] }, 'landscape', exportText('fr')))).toContain('pas encore de flux');
  });
});
