import { expect, test } from '@playwright/test';

test('the flow view opens readable, laid out top to bottom, with a minimap', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/#/journeys');
  await page.getByRole('button', { name: 'New journey' }).click();
  await page.getByRole('button', { name: 'Use template Customer onboarding' }).click();
  await expect(page.getByRole('textbox', { name: 'Journey name' })).toHaveValue('Customer onboarding');
  await page.getByRole('link', { name: 'Flow' }).click();
  await expect(page.locator('.react-flow__node').first()).toBeVisible();

  // Opening zoom: no fit-to-view that shrinks labels below 75 %.
  const zoom = await page.locator('.react-flow__viewport').evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a);
  expect(zoom).toBeGreaterThanOrEqual(0.75);
  const fontPx = await page.locator('.flow-node-head strong').first().evaluate((el) => el.getBoundingClientRect().height);
  expect(fontPx).toBeGreaterThanOrEqual(10); // a 13 px label at 75 % or more
  await expect(page.locator('.react-flow__minimap')).toBeVisible();

  // Auto layout runs top to bottom: every connection leaves a step's bottom for a step below it.
  await page.getByRole('button', { name: 'Auto layout' }).click();
  const downwards = await page.evaluate(() => {
    const box = (id: string) => document.querySelector(`.react-flow__node[data-id="${id}"]`)?.getBoundingClientRect();
    const out: boolean[] = [];
    for (const edge of document.querySelectorAll('.react-flow__edge')) {
      const [, source = '', target = ''] = /^Edge from (\S+) to (\S+)$/.exec(edge.getAttribute('aria-label') ?? '') ?? [];
      const a = box(source);
      const b = box(target);
      if (a && b) out.push(b.top >= a.bottom - 1);
    }
    return out;
  });
  expect(downwards.length).toBeGreaterThan(2);
  expect(downwards.every(Boolean)).toBe(true);
  await expect(page.locator('.react-flow__handle-top[data-handleid="in"]').first()).toBeAttached();
});

test('steps added from the palette land in view, on no other step and clear of the minimap', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/#/journeys');
  await page.getByRole('button', { name: 'New journey' }).click();
  await page.getByRole('button', { name: 'Use template Win-back' }).click();
  await page.getByRole('link', { name: 'Flow' }).click();
  const nodes = page.locator('.react-flow__node');
  await expect(nodes).toHaveCount(8);
  for (let i = 1; i <= 4; i++) {
    await page.getByRole('button', { name: 'Add Send email' }).click();
    await expect(nodes).toHaveCount(8 + i);
    // Let the pan to the new step finish (200 ms) before measuring.
    await page.waitForTimeout(400);
    const found = await page.evaluate(() => {
      const rect = (el: Element | null) => el?.getBoundingClientRect();
      const pane = rect(document.querySelector('.react-flow'))!;
      const minimap = rect(document.querySelector('.react-flow__minimap'))!;
      const all = [...document.querySelectorAll('.react-flow__node')];
      const added = document.querySelector('.react-flow__node.selected');
      const box = rect(added)!;
      const hit = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      return {
        inView: box.left >= pane.left && box.right <= pane.right && box.top >= pane.top && box.bottom <= pane.bottom,
        underMinimap: hit(box, minimap),
        onAnother: all.some((n) => n !== added && hit(box, n.getBoundingClientRect())),
      };
    });
    expect(found, `email ${i}`).toEqual({ inView: true, underMinimap: false, onAnother: false });
  }
});
