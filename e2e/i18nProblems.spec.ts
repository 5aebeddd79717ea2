import { expect, test, type Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { plantedCsv, plantedSurvey } from '../common/clustering/generate';
import { importSurvey, personaWithRules } from './surveyImport';

// Texts that common/ and the sync layer hand the screens as codes with parts, worded in German and
// Arabic: import problems, a persona rule problem, the sync status, and the find-personas screen.

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** A full-page screenshot kept with the test's output, for a person to look at. */
async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
}

test.use({ timezoneId: 'UTC' });

test('import problems, a rule problem and the sync status in German', async ({ page }) => {
  test.slow();
  await page.goto('/#/data');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import survey file…' }).click();
  await (await chooser).setFiles(path.join(fixtures, 'survey-bad-rows.csv'));
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('heading', { name: '1 row was rejected' })).toBeVisible();

  await page.getByTestId('language-picker').selectOption('de');
  // A rejected row: its respondent id (a value problem inside its column), worded in German.
  const rejected = page.getByRole('table', { name: 'Abgelehnte Zeilen' });
  await expect(rejected.getByRole('row', { name: /^4 .*: die Befragten-ID ist leer$/ })).toBeVisible();
  // Unreadable values: out of range (with its bounds as numbers) and not a number.
  const unreadable = page.getByRole('table', { name: 'Unlesbare Werte' });
  await expect(unreadable.getByRole('row', { name: /^3 nps 15 15 liegt außerhalb von 0–10$/ })).toBeVisible();
  await expect(unreadable.getByRole('row', { name: /^5 age thirty keine Zahl$/ })).toBeVisible();
  await shot(page, 'de-import-review');

  // The badge in the sidebar: a workspace without a server.
  await expect(page.locator('.sync-badge')).toHaveText('Nur lokal');

  // A rule problem from common/analytics/rules, under the rule it belongs to.
  await page.getByTestId('language-picker').selectOption('en');
  await personaWithRules(page, 'Ana', []);
  await page.getByRole('button', { name: 'Add rule' }).click();
  await page.getByLabel('Rule 1 kind').selectOption({ label: 'One of' });
  await page.getByTestId('language-picker').selectOption('de');
  await expect(page.locator('.rule-problems')).toContainText('Geben Sie mindestens einen Wert an.');
  await shot(page, 'de-rule-problem');

  // A workspace with a server but no stored credential: the status is the "sign in" problem.
  await page.evaluate(() => {
    // The default registry (not stored until a workspace changes) when none is stored yet.
    const registry = (JSON.parse(localStorage.getItem('cx.workspaces.v1') ?? 'null') ?? { workspaces: [{ id: 'local', name: 'My workspace', dbName: 'cxstudio' }], active: 'local' }) as { workspaces: { id: string; sync?: object }[]; active: string };
    registry.workspaces.find((w) => w.id === registry.active)!.sync = { serverUrl: 'http://127.0.0.1:9', tenant: 'acme', user: 'ed' };
    localStorage.setItem('cx.workspaces.v1', JSON.stringify(registry));
  });
  await page.goto('/#/sync');
  await page.reload();
  const badge = page.locator('.sync-badge');
  await expect(badge).toHaveText('Sync-Problem');
  await expect(badge).toHaveAttribute('title', 'Melden Sie sich an, um diesen Arbeitsbereich zu synchronisieren.');
  await expect(page.getByRole('alert').filter({ hasText: 'Melden Sie sich an, um diesen Arbeitsbereich zu synchronisieren.' })).toBeVisible();
  await shot(page, 'de-sync-sign-in');
});

test('find personas from data in Arabic, right to left', async ({ page }, info) => {
  test.slow();
  await page.setViewportSize({ width: 1440, height: 900 });
  const file = info.outputPath('planted.csv');
  writeFileSync(file, plantedCsv(plantedSurvey({ rows: 300, personas: 3, seed: 5, text: true }).table));
  await importSurvey(page, file, async () => {
    for (let i = 1; i <= 2; i++) {
      await page.getByLabel(`Attribute for score${i}`).selectOption({ label: `Other (q_score${i})` });
      await page.getByLabel(`Type for score${i}`).selectOption('number');
      await page.getByLabel(`Attribute for choice${i}`).selectOption({ label: `Other (q_choice${i})` });
      await page.getByLabel(`Type for choice${i}`).selectOption('category');
    }
  });
  await page.getByRole('link', { name: /^Find personas in / }).click();
  await page.getByTestId('language-picker').selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { level: 1, name: /^اكتشاف الشخصيات في / })).toBeVisible();
  await page.getByLabel('عدد المجموعات').selectOption('3');
  await page.getByRole('button', { name: 'اكتشف الشخصيات' }).click();
  // Arabic's plural forms: "3 مجموعات" (few), and 300 respondents take the "other" form.
  await expect(page.getByRole('heading', { level: 2, name: /^[3٣] مجموعات من [3٣][0٠][0٠] مستجيب$/ })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('article', { name: 'المجموعة 1' })).toContainText('الأقرب إلى مركز المجموعة');
  await expect(page.locator('.sync-badge')).toHaveText('محلي فقط');
  await shot(page, 'ar-find-personas');
});
