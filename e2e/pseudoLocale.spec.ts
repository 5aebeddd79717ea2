import { expect, test, type Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importSurvey } from './surveyImport';

// A sweep of the app in the pseudo-locale (every letter of every message accented): any text on
// screen that still has plain ASCII words was never translated. It reads text nodes and the
// attributes people hear or see (placeholder, title, aria-label, alt) on every main screen, with
// data loaded so that tables, charts, notices and panels are drawn, not only empty states.

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = path.join(here, 'fixtures');

/** Content that is data, not interface: the built-in templates' texts and the fixtures' values. */
function dataTexts(): string[] {
  const templates = Object.keys(JSON.parse(readFileSync(path.join(here, '../renderer/src/i18n/templates/fr.json'), 'utf8')) as Record<string, string>);
  const cells = ['survey-small.csv', 'onboarding-events.csv'].flatMap((f) =>
    readFileSync(path.join(fixtures, f), 'utf8').split(/\r?\n/).flatMap((line) => line.split(',')),
  );
  // File and dataset names the app shows as they are; the template's tags (labels a user filters
  // by); the note stored with the persona's first version in the language it was made in (English
  // here); language names in their own language.
  const stored = ['survey-small', 'onboarding-events', 'survey-small.csv', 'onboarding-events.csv', 'e-commerce', 'example', 'Created from template “E-commerce shopper”'];
  // Names of formats and encodings are the same in every language.
  return [...templates, ...cells, ...stored, 'CSV', 'UTF-8', 'English', 'Français', 'Español', 'Deutsch', 'Português (Brasil)'];
}

/**
 * Visible texts (and spoken attributes) with plain ASCII words that are not data. A text node that
 * is data is data whole (or a cut part of a long data text); a translated message or a view of a
 * section keeps its data (a stage name, a file, chart labels, a date the pseudo-locale writes in
 * English), so that is taken out before its words are read.
 */
async function plainTexts(page: Page, data: string[]): Promise<{ plain: string[]; translated: number }> {
  return page.evaluate((data) => {
    const known = new Set(data.map((d) => d.trim()).filter(Boolean));
    const inserts = [...known].filter((d) => d.length >= 3).sort((a, b) => b.length - a.length);
    const isData = (text: string) => known.has(text) || inserts.some((d) => d.length > 12 && d.includes(text));
    // Intl writes dates in English for the pseudo-locale (it has no calendar data of its own).
    const dateWords = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|AM|PM|UTC)\b/g;
    const words = /[A-Za-z]{3,}/;
    const plain = (text: string) => {
      if (!words.test(text) || isData(text)) return false;
      let rest = text.replace(dateWords, ' ');
      for (const d of inserts) if (rest.includes(d)) rest = rest.split(d).join(' ');
      return words.test(rest);
    };
    const visible = (el: Element) => {
      const box = el.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    const found = new Set<string>();
    let translated = 0;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      const text = node.textContent?.trim() ?? '';
      if (!el || !text || el.closest('script, style, [data-testid="language-picker"], textarea')) continue;
      if (!visible(el)) continue;
      if (plain(text)) found.add(text.slice(0, 80));
      else if (/\]$/.test(text)) translated += 1;
    }
    for (const el of document.querySelectorAll('[placeholder], [title], [aria-label], img[alt]')) {
      // Inside a picture (role img) nothing is read out but the picture's own label.
      if (!visible(el) || el.closest('[data-testid="language-picker"]') || el.parentElement?.closest('[role="img"]')) continue;
      for (const attr of ['placeholder', 'title', 'aria-label', 'alt']) {
        const value = el.getAttribute(attr)?.trim();
        if (value && plain(value)) found.add(`${attr}="${value.slice(0, 80)}"`);
      }
    }
    return { plain: [...found], translated };
  }, data);
}

test('in the pseudo-locale no main screen shows untranslated text', async ({ page }) => {
  test.slow();
  // Data first, in English (the steps name English buttons), then the whole app in the pseudo-locale.
  await importSurvey(page, path.join(fixtures, 'survey-small.csv'));
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import event log…' }).click();
  await (await chooser).setFiles(path.join(fixtures, 'onboarding-events.csv'));
  await expect(page.locator('.event-import-report')).toContainText('Imported 16 events');
  await page.goto('/#/personas/new');
  await page.getByRole('button', { name: 'Use template E-commerce shopper' }).click();
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  const personaHash = new URL(page.url()).hash;
  await page.goto('/#/journeys');
  await page.getByRole('button', { name: 'New journey' }).click();
  await page.getByRole('button', { name: 'Use template Customer onboarding' }).click();
  await page.getByRole('combobox', { name: 'Event data' }).selectOption({ label: 'onboarding-events (16 events)' });
  const journeyHash = new URL(page.url()).hash;

  await page.goto('/#/data');
  const findPersonasHash = new URL((await page.locator('a[href$="/personas"]').first().getAttribute('href'))!, 'http://x').hash;
  const personaId = personaHash.split('/').pop()!;

  await page.evaluate(() => localStorage.setItem('cx.locale.v1', 'en-XA'));
  const data = dataTexts();
  const found = new Map<string, string[]>();
  const sweep = async (screen: string, hash: string, open?: () => Promise<void>) => {
    await page.goto(`/${hash}`);
    await page.reload();
    await expect(page.locator('main').first()).toBeVisible();
    if (open) await open();
    // Panels that compute in a worker draw a moment later.
    await page.waitForTimeout(1_000);
    const { plain, translated } = await plainTexts(page, data);
    if (plain.length > 0) found.set(screen, plain);
    // The screen was drawn, in the pseudo-locale: a sweep of an empty or failed page proves nothing.
    expect(translated, `${screen}: pseudo-locale messages on screen`).toBeGreaterThan(5);
  };
  await sweep('personas', '#/personas');
  await sweep('persona editor', personaHash);
  await sweep('persona history', `${personaHash}/history`);
  await sweep('journeys', '#/journeys');
  await sweep('journey map', journeyHash);
  await sweep('journey flow', `${journeyHash}/flow`);
  await sweep('journey versions', `${journeyHash}/versions`);
  await sweep('data', '#/data');
  await sweep('import review', '#/data', async () => {
    const picked = page.waitForEvent('filechooser');
    // "Import survey file…" in the pseudo-locale.
    await page.locator('button').filter({ hasText: /šûŕṽéý ƒîļé/ }).click();
    await (await picked).setFiles(path.join(fixtures, 'survey-small.csv'));
    await expect(page.getByRole('heading', { name: /survey-small\.csv/ })).toBeVisible();
  });
  await sweep('find personas', findPersonasHash);
  await sweep('analytics', '#/analytics');
  await sweep('persona dashboard', `#/analytics/persona/${personaId}`);
  await sweep('persona rules', `#/analytics/persona/${personaId}/rules`);
  await sweep('segments', '#/analytics/segments');
  await sweep('experiments', '#/experiments');
  await sweep('sync', '#/sync');
  const openExports = () => page.locator('details.export-menu > summary').first().click();
  await sweep('persona export menu', personaHash, openExports);
  await sweep('journey export menu', journeyHash, openExports);

  if (process.env.PSEUDO_SWEEP_OUT) writeFileSync(process.env.PSEUDO_SWEEP_OUT, JSON.stringify(Object.fromEntries(found), null, 1));
  expect(Object.fromEntries(found)).toEqual({});
});

test('a version made from an edit is summarised in the app\'s language, its fields too', async ({ page }) => {
  await page.goto('/#/personas/new');
  await page.getByRole('button', { name: 'Use template E-commerce shopper' }).click();
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  await page.getByLabel('Persona name').fill('Maya B');
  await expect(page.getByTestId('save-state')).toHaveText('Saved');
  await page.getByRole('button', { name: 'History' }).click();
  // Stored in English (teammates share the document), worded by each reader's app.
  await expect(page.locator('.version-summary').first()).toHaveText('Renamed “Maya, the mobile bargain hunter” to “Maya B”');
  await page.getByTestId('language-picker').selectOption('de');
  await expect(page.locator('.version-summary').first()).toHaveText('Umbenannt von „Maya, the mobile bargain hunter“ in „Maya B“');
  await expect(page.locator('table.diff-fields')).toContainText('Maya B');
  await page.getByTestId('language-picker').selectOption('ja');
  await expect(page.locator('.version-summary').first()).toHaveText('名前を「Maya, the mobile bargain hunter」から「Maya B」に変更');
});
