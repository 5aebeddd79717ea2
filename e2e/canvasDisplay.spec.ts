import { expect, test, type Page } from '@playwright/test';

/**
 * The persona canvas reads like a deliverable at common laptop sizes: no value is cut (fields wrap
 * and cards grow), no card hides content behind an inner scroll, pie labels stay inside the chart,
 * and text fields follow the direction of what is typed.
 */
async function problems(page: Page): Promise<string[]> {
  return page.getByTestId('persona-canvas').evaluate((canvas) => {
    const found: string[] = [];
    for (const field of canvas.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input:not([type]), input[type="text"], textarea')) {
      const name = field.getAttribute('aria-label') ?? field.className;
      if (!field.checkVisibility()) continue; // e.g. an evidence source inside a closed disclosure
      if (field.getAttribute('dir') !== 'auto') found.push(`${name}: no dir="auto"`);
      // Free-text boxes scroll by design; every other field shows all of its value.
      if (field.classList.contains('text-editor')) continue;
      if (field.scrollWidth > field.clientWidth + 1 || field.scrollHeight > field.clientHeight + 1) found.push(`${name}: value cut ("${field.value.slice(0, 30)}")`);
    }
    for (const content of canvas.querySelectorAll<HTMLElement>('.section-content')) {
      if (content.scrollHeight > content.clientHeight + 1) found.push(`${content.closest('article')?.getAttribute('aria-label')}: inner scroll`);
    }
    for (const svg of canvas.querySelectorAll<SVGSVGElement>('.chart svg.recharts-surface')) {
      const box = svg.getBoundingClientRect();
      for (const label of svg.querySelectorAll<SVGTextElement>('text')) {
        const r = label.getBoundingClientRect();
        if (r.width === 0) continue;
        if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1) found.push(`chart label "${label.textContent}" clipped`);
      }
    }
    return found;
  });
}

for (const viewport of [{ width: 1280, height: 720 }, { width: 1440, height: 900 }]) {
  test(`at ${viewport.width}×${viewport.height} persona fields wrap, cards grow and nothing is cut`, async ({ page }, testInfo) => {
    await page.setViewportSize(viewport);
    await page.goto('/#/personas/new');
    await page.getByRole('button', { name: 'Use template E-commerce shopper' }).click();
    await expect(page.getByTestId('save-state')).toHaveText('Saved');
    // Long values where the template had short ones, and a whole pie of long labels.
    await page.getByLabel('Goals item 1', { exact: true }).fill('Find sizes that fit the first time without returning half of the order every week');
    await page.getByLabel('Occupation', { exact: true }).fill('Marketing coordinator at a regional furniture retailer');
    await page.getByLabel('Where she shops label 1').fill('Marketplace apps on her phone');
    const channels = page.getByRole('combobox', { name: 'Add channel' });
    while (await channels.count() > 0) await channels.selectOption({ index: 1 });
    const arabic = page.getByLabel('Goals item 2', { exact: true });
    await arabic.fill('أن تعرف متى يصل الطرد');
    await expect(page.getByTestId('save-state')).toHaveText('Saved');
    expect(await arabic.evaluate((el) => el.matches(':dir(rtl)'))).toBe(true);
    // Cards grow after their content is measured.
    await expect.poll(() => problems(page)).toEqual([]);
    await testInfo.attach('canvas', { body: await page.screenshot(), contentType: 'image/png' });
  });
}
