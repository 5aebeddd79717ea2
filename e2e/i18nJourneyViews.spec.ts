import { expect, test, type Page } from '@playwright/test';
import { clippedText, overlappingText } from './i18nLayout';

// The journey map and flow views in other languages: translated labels, validation messages and
// new steps in the user's language, the map reading right to left in Arabic, and no clipped or
// overlapping text in Arabic (1440×900), German and Japanese (1280×720).

/** Opens a new journey from the onboarding template with the app in `locale`. */
async function onboardingIn(page: Page, locale: string): Promise<void> {
  await page.addInitScript((l) => localStorage.setItem('cx.locale.v1', l), locale);
  await page.goto('/#/journeys/templates');
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
  // The template cards are in template order; the onboarding one is the first.
  await page.locator('.template-card button.primary').first().click();
  await expect(page.locator('.journey-map')).toBeVisible();
}

test('in French the map, the flow, a new step and its problems read in French', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await onboardingIn(page, 'fr');
  await expect(page.locator('.map-corner')).toHaveText('Étapes');
  await expect(page.getByRole('button', { name: '+ Étape' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Type de couloir' }).selectOption('goals');
  await page.getByRole('button', { name: '+ Couloir' }).click();
  // A new lane is named in the workspace's language.
  await expect(page.locator('.lane-header input.lane-name').last()).toHaveValue('Objectifs');

  await page.locator('nav.tabs a').nth(1).click();
  await expect(page.getByRole('navigation', { name: 'Palette des étapes' })).toContainText('Déclencheurs');
  await page.getByRole('button', { name: 'Ajouter Envoyer un e-mail' }).click();
  const inspector = page.getByRole('region', { name: 'Inspecteur d’étape' });
  await expect(inspector.getByRole('textbox', { name: 'Libellé de l’étape' })).toHaveValue('Envoyer un e-mail');
  const problems = page.getByRole('region', { name: 'Problèmes du flux' });
  await expect(problems).toContainText('Donnez un objet à l’e-mail.');
  await expect(problems).toContainText('Aucun déclencheur ne mène ici : reliez cette étape ou supprimez-la.');
  await expect(problems.locator('h3')).toHaveText(/^\d+ erreurs?, \d+ avertissements?$/);
  // The step card says what it does in French too.
  await expect(page.locator('.react-flow__node.selected .flow-node-summary')).toHaveText('E-mail : sans objet');
});

test('in French, built-in templates make journeys and personas with French content', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.addInitScript(() => localStorage.setItem('cx.locale.v1', 'fr'));
  await page.goto('/#/journeys/templates');
  await expect(page.locator('.template-card h3').first()).toHaveText('Intégration client');
  await page.getByRole('button', { name: /Intégration client$/ }).click();
  await expect(page.locator('.journey-map')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Nom de l’étape 1' })).toHaveValue('Inscription');
  await expect(page.locator('.lane-header input.lane-name').first()).toHaveValue('Objectifs du client');
  await expect(page.locator('.map-card').first()).toContainText('Démarrer vite');
  await page.locator('nav.tabs a').nth(1).click();
  await expect(page.locator('.flow-node-head strong').first()).toHaveText('Compte créé');

  await page.goto('/#/personas/new');
  await page.getByRole('button', { name: 'Utiliser le modèle Administratrice SaaS' }).click();
  await expect(page.locator('.section-goals .section-title')).toHaveValue('Objectifs');
  await expect(page.locator('.section-goals')).toContainText('Intégrer les nouveaux arrivants en une journée');
});

for (const [locale, width, height] of [['ar', 1440, 900], ['de', 1280, 720], ['ja', 1280, 720]] as const) {
  test.describe(`${locale} at ${width}×${height}, journey map and flow`, () => {
    test.use({ viewport: { width, height } });
    test('the map and the flow show every label whole, nothing on top of anything', async ({ page }) => {
      await onboardingIn(page, locale);
      await expect(page.locator('.map-corner')).not.toHaveText('Stages');
      await page.screenshot({ path: test.info().outputPath(`${locale}-journey-map.png`) });
      const map = ['.map-corner', '.stage-header', '.lane-header', '.curve-key', '.curve-legend', '.add-lane', '.metric-cell'];
      expect(await clippedText(page, map)).toEqual([]);
      expect(await overlappingText(page, ['.map-grid > .stage-header', '.lane-header', '.curve-legend', '.add-lane'])).toEqual([]);

      await page.locator('.emotion-lane').first().scrollIntoViewIfNeeded();
      await page.screenshot({ path: test.info().outputPath(`${locale}-journey-emotion.png`) });
      if (locale === 'ar') {
        // Right to left: the first stage is the rightmost column, and the emotion curve runs the
        // same way (its first stage's marker right of its second's).
        const stages = page.locator('.map-grid > .stage-header');
        const first = (await stages.nth(0).boundingBox())!;
        const second = (await stages.nth(1).boundingBox())!;
        expect(first.x).toBeGreaterThan(second.x);
        const markers = page.locator('.emotion-lane').first().locator('circle.curve-marker');
        const ids = await page.locator('.map-grid > .stage-header').evaluateAll((els) => els.map((e) => e.getAttribute('data-stage-id')));
        const a = (await markers.and(page.locator(`[data-stage="${ids[0]}"]`)).first().boundingBox())!;
        const b = (await markers.and(page.locator(`[data-stage="${ids[1]}"]`)).first().boundingBox())!;
        expect(a.x).toBeGreaterThan(b.x);
        // Each marker sits over its own stage's column.
        expect(a.x + a.width / 2).toBeGreaterThan(first.x);
        expect(a.x + a.width / 2).toBeLessThan(first.x + first.width);
        // The scale's values are whole inside their strip (right to left they once spilled off it).
        const axis = (await page.locator('svg.emotion-axis').first().boundingBox())!;
        const labels = page.locator('svg.emotion-axis').first().locator('text');
        await expect(labels.first()).toHaveText('+2');
        for (const label of await labels.all()) {
          const box = (await label.boundingBox())!;
          expect(box.x).toBeGreaterThanOrEqual(axis.x - 1);
          expect(box.x + box.width).toBeLessThanOrEqual(axis.x + axis.width + 1);
        }
      }

      await page.locator('nav.tabs a').nth(1).click();
      await expect(page.locator('.react-flow__node').first()).toBeVisible();
      // A step selected, so the inspector shows next to the problems.
      await page.locator('.react-flow__node').first().click();
      await expect(page.locator('.inspector')).toBeVisible();
      await page.screenshot({ path: test.info().outputPath(`${locale}-journey-flow.png`) });
      const flow = ['.flow-palette', '.flow-toolbar', '.inspector', '.problems-panel'];
      expect(await clippedText(page, flow)).toEqual([]);
      expect(await overlappingText(page, flow)).toEqual([]);
      expect(await clippedText(page, ['.flow-node'])).toEqual([]);
    });
  });
}
