import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { colourRegions, readingOrder } from './sectionMarks';

interface Spot { title: string; x: number; y: number; right: number; bottom: number }

/** Lines of a PDF page as poppler lays them out: text and top-left corner, in points. */
function pdfLines(file: string): Spot[] {
  const xml = execFileSync('pdftotext', ['-bbox-layout', '-f', '1', '-l', '1', file, '-']).toString('utf8');
  const unescape = (t: string) => t.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'");
  return [...xml.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"[^>]*>([\s\S]*?)<\/line>/g)].map((m) => ({
    x: Number(m[1]), y: Number(m[2]), right: Number(m[3]), bottom: Number(m[4]),
    title: [...(m[5] ?? '').matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => unescape(w[1] ?? '')).join(' '),
  }));
}

/** Least-squares line `to ≈ a·from + b`, and the largest distance of a point from it. */
function fit(from: number[], to: number[]): { a: number; b: number; worst: number; at: number } {
  const n = from.length;
  const mf = from.reduce((s, v) => s + v, 0) / n;
  const mt = to.reduce((s, v) => s + v, 0) / n;
  const cov = from.reduce((s, v, i) => s + (v - mf) * ((to[i] ?? 0) - mt), 0);
  const varf = from.reduce((s, v) => s + (v - mf) ** 2, 0);
  const a = cov / varf;
  const b = mt - a * mf;
  const errors = from.map((v, i) => Math.abs(a * v + b - (to[i] ?? 0)));
  const worst = Math.max(...errors);
  return { a, b, worst, at: errors.indexOf(worst) };
}

// The PDF page is the canvas scaled to the paper, so where each section's title sits on the page must
// be one scale-and-shift of where its card sits on screen, per axis. A section printed in another
// place than the canvas shows it (another column, another row) lands far from that line.
test('the persona PDF page has the canvas’s sections in the same places as the screen', async ({ page }, testInfo) => {
  // Both grow a card whose content needs more than its stored rows (the screen by measuring its
  // cards, the PDF with its own font metrics, common/export/personaGrowth.ts), so their layouts agree
  // when they wrap alike; at this width no card of the template needs to grow on either.
  // Tall enough to hold the whole canvas: a screenshot of an element taller than the viewport is taken
  // by resizing the viewport, which lays the canvas out again while it is captured.
  await page.setViewportSize({ width: 2200, height: 2000 });
  await page.goto('/#/personas/new');
  await page.getByRole('button', { name: 'Use template E-commerce shopper' }).click();
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  const canvas = page.getByTestId('persona-canvas');
  await expect(canvas.locator('.section-card').first()).toBeVisible();

  const measure = () => canvas.evaluate((el) => {
    const c = el.getBoundingClientRect();
    const cards = [...el.querySelectorAll<HTMLElement>('.section-card')];
    const header = cards.find((a) => a.dataset.sectionType === 'header')?.getBoundingClientRect();
    return {
      w: c.width, h: el.scrollHeight,
      accent: cards[0] ? getComputedStyle(cards[0]).borderTopColor : '',
      header: header ? { x: header.left - c.left, y: header.top - c.top } : null,
      sections: cards.filter((a) => a.dataset.sectionType !== 'header').map((a) => {
        const r = a.getBoundingClientRect();
        return { title: a.querySelector<HTMLTextAreaElement>('.section-title')?.value ?? '', x: r.left - c.left, y: r.top - c.top };
      }),
    };
  });
  // react-grid-layout lays the grid out at a default width first and then slides the cards to the
  // measured one (a CSS transition): read the places once two readings a moment apart agree.
  let screen = await measure();
  await expect.poll(async () => {
    const before = JSON.stringify(screen);
    await page.waitForTimeout(300);
    screen = await measure();
    return JSON.stringify(screen) === before;
  }, { timeout: 10_000 }).toBe(true);
  expect(screen.sections.length).toBeGreaterThanOrEqual(8);
  const shot = await canvas.screenshot();
  await testInfo.attach('canvas.png', { body: shot, contentType: 'image/png' });

  await page.locator('details.export-menu > summary').click();
  // A3, where the template fits one page at 7 pt body text or more; on A4 it continues on a second
  // page (common/export/personaPaging.test.ts), and this comparison reads one page.
  await page.getByRole('combobox', { name: 'Paper' }).selectOption('a3');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'PDF', exact: true }).click();
  const pdf = testInfo.outputPath('persona.pdf');
  await (await download).saveAs(pdf);
  const dpi = 200;
  execFileSync('pdftoppm', ['-r', String(dpi), '-png', '-f', '1', '-l', '1', '-singlefile', pdf, testInfo.outputPath('page')]);
  const raster = readFileSync(testInfo.outputPath('page.png'));
  await testInfo.attach('pdf-page.png', { body: raster, contentType: 'image/png' });

  // Down the page 4 %: a pie chart's legend wraps on screen and grows its card by about a row where
  // the PDF's one-line legend does not.
  const tolerance = { x: 0.02, y: 0.04 };
  const lines = pdfLines(pdf);
  const pairs = screen.sections.map((s) => {
    const found = lines.filter((l) => l.title === s.title);
    expect(found, `the title “${s.title}” once on the PDF page`).toHaveLength(1);
    return { screen: s, pdf: found[0] as Spot };
  });
  const size = execFileSync('pdfinfo', [pdf]).toString('utf8').match(/Page size:\s+([\d.]+) x ([\d.]+)/);
  const paper = { x: Number(size?.[1]), y: Number(size?.[2]) };

  for (const axis of ['x', 'y'] as const) {
    const line = fit(pairs.map((p) => p.screen[axis]), pairs.map((p) => p.pdf[axis]));
    const extent = line.a * (axis === 'x' ? screen.w : screen.h); // about the canvas's size on the page
    expect(line.a, `the page is the canvas scaled (${axis})`).toBeGreaterThan(0);
    // 2% of the canvas: text metrics differ a little between the page and the screen; a section
    // one grid column or row away from its place is 5–8% off.
    expect.soft(line.worst / extent, `“${pairs[line.at]?.screen.title}” is where the canvas has it (${axis})`).toBeLessThan(tolerance[axis]);
  }
  // The print fills the paper across and down (the card grid stretched up to 1.5–1.6 times its
  // proportions, common/export/personaPaging.ts), so a canvas bound by one side does not leave the
  // other blank; and nothing runs off it. Read from the page's text: the right-aligned channel
  // labels end at the cards' right edge, the last card's lines near the bottom (the footer aside).
  const footer = Math.max(...lines.map((l) => l.y));
  const body = lines.filter((l) => l.y < footer);
  const reach = { x: Math.max(...body.map((l) => l.right)), y: Math.max(...body.map((l) => l.bottom)) };
  for (const axis of ['x', 'y'] as const) {
    expect(reach[axis], `the page's text stays on the paper (${axis})`).toBeLessThan(paper[axis] - 20);
    expect(reach[axis] / paper[axis], `the print fills the page (${axis})`).toBeGreaterThan(0.8);
  }

  // The same comparison on the pictures alone: every section on screen has an accent rule along its
  // top, every section on the page an accent tick beside its title. Found by colour and shape in the
  // screenshot and in the rendered page, read in order, their places must agree the same way.
  const onScreen = readingOrder(colourRegions(shot, screen.accent).filter((m) => m.w >= 60 && m.h <= 8 && m.w / m.h >= 10)
    .filter((m) => !screen.header || Math.abs(m.x - screen.header.x) > 4 || Math.abs(m.y - screen.header.y) > 4));
  const onPage = readingOrder(colourRegions(raster, screen.accent).filter((m) => m.h >= 8 && m.h / m.w >= 2.5 && m.h / m.w <= 7));
  expect(onPage.length, 'as many sections on the page as on screen').toBe(onScreen.length);
  expect(onScreen.length).toBe(screen.sections.length);
  for (const axis of ['x', 'y'] as const) {
    const line = fit(onScreen.map((m) => m[axis]), onPage.map((m) => m[axis]));
    const extent = line.a * (axis === 'x' ? screen.w : screen.h);
    expect(line.a).toBeGreaterThan(0);
    expect.soft(line.worst / extent, `section ${line.at + 1} in reading order is in its place in the pictures (${axis})`).toBeLessThan(tolerance[axis]);
  }
});
