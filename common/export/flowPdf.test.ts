import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { builtInTemplates } from '../journey/templates/index';
import { buildFlowPdf } from './flowPdf';

const fonts = { regular: readFileSync('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf') };
const dir = mkdtempSync(join(tmpdir(), 'cx-flow-'));

describe('flow PDF', () => {
  test('every built-in flow prints on one page with each node label as text', () => {
    for (const [i, t] of builtInTemplates().entries()) {
      const file = join(dir, `flow${i}.pdf`);
      writeFileSync(file, buildFlowPdf({ name: t.name, flow: t.body.flow }, { paper: 'a4', fonts }));
      expect(execFileSync('pdfinfo', [file]).toString('utf8')).toMatch(/Pages:\s+1/);
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8').replace(/\s+/g, ' ');
      for (const n of t.body.flow.nodes) expect(text).toContain((n.label || n.kind).split(' ')[0]);
    }
  });

  test('an empty flow says so instead of printing a blank page', () => {
    const file = join(dir, 'empty.pdf');
    writeFileSync(file, buildFlowPdf({ name: 'Empty', flow: { nodes: [], edges: [] } }, { paper: 'a4', fonts }));
    expect(execFileSync('pdftotext', [file, '-']).toString('utf8')).toContain('no flow yet');
  });
});
