import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { connect as connectTo, startSyncServer } from './syncServer';
import type { SyncServerProcess } from './syncServer';

// Two laptops (two browser contexts) with the same persona open, synced through a real sync server
// process: each edits a different section at nearly the same time, and neither edit is lost.
const password = 'merge-pass-123';
let server: SyncServerProcess | undefined;

test.beforeAll(async () => {
  server = await startSyncServer({ password, users: [['ana', 'editor'], ['ben', 'editor']] });
});

test.afterAll(() => {
  server?.stop();
});

const connect = (page: Page, user: string) => connectTo(page, server!, user);

test('two laptops edit different sections of one persona at once and both keep both edits', async ({ browser }) => {
  test.setTimeout(120_000);
  const a = await (await browser.newContext()).newPage();
  const b = await (await browser.newContext()).newPage();
  await connect(a, 'ana');
  await connect(b, 'ben');

  // Signed in and unnamed, work is signed with the sync user; a chosen name replaces it.
  await expect(a.getByTestId('author-name')).toHaveText('ana');
  await a.getByRole('textbox', { name: 'Your name' }).fill('   ');
  await a.getByRole('button', { name: 'Save name' }).click();
  await expect(a.getByRole('alert').filter({ hasText: 'Type a name' })).toBeVisible();
  await a.getByRole('textbox', { name: 'Your name' }).fill('  Ana Lima ');
  await a.getByRole('button', { name: 'Save name' }).click();
  await expect(a.getByTestId('author-name')).toHaveText('Ana Lima');

  await a.goto('/#/personas/new');
  await a.getByRole('button', { name: 'Use template E-commerce shopper' }).click();
  await expect(a.getByTestId('save-state')).toHaveText('Saved');
  const url = a.url();
  // Opened on B even before sync has brought it there: it shows as soon as it arrives.
  await b.goto(url.slice(url.indexOf('#')));
  await expect(b.getByLabel('Goals item 1', { exact: true })).toBeVisible({ timeout: 20_000 });

  // At the same time, different sections, typed key by key: each laptop keeps writing while the
  // other's edits arrive, which is when a last-writer-wins editor dropped the teammate's work.
  const goals = a.getByLabel('Goals item 1', { exact: true });
  const shops = b.getByLabel('Where she shops label 2');
  await goals.fill('');
  await shops.fill('');
  await Promise.all([
    goals.pressSequentially('Find sizes that fit the first time', { delay: 25 }),
    shops.pressSequentially('Tablet at night', { delay: 60 }),
  ]);
  for (const page of [a, b]) {
    await expect(page.getByLabel('Goals item 1', { exact: true })).toHaveValue('Find sizes that fit the first time', { timeout: 20_000 });
    await expect(page.getByLabel('Where she shops label 2')).toHaveValue('Tablet at night', { timeout: 20_000 });
  }
  // A has an edit it cannot write yet (an empty name is refused) when B's edit of another section
  // arrives: A's editor shows it at once, and A's save, once the name is valid, keeps it.
  await a.getByLabel('Persona name').fill('');
  await expect(a.getByTestId('save-state')).not.toHaveText('Saved');
  await shops.fill('Phone on the train');
  await expect(a.getByLabel('Where she shops label 2')).toHaveValue('Phone on the train', { timeout: 20_000 });
  await a.getByLabel('Persona name').fill('Maya the shopper');
  await expect(a.getByTestId('save-state')).toHaveText('Saved');
  for (const page of [a, b]) {
    await expect(page.getByLabel('Persona name')).toHaveValue('Maya the shopper', { timeout: 20_000 });
    await expect(page.getByLabel('Where she shops label 2')).toHaveValue('Phone on the train', { timeout: 20_000 });
  }

  // What each laptop stored (not only what its editor shows) holds both edits.
  for (const page of [a, b]) {
    await page.reload();
    await expect(page.getByLabel('Goals item 1', { exact: true })).toHaveValue('Find sizes that fit the first time', { timeout: 20_000 });
    await expect(page.getByLabel('Where she shops label 2')).toHaveValue('Phone on the train');
    await expect(page.getByLabel('Persona name')).toHaveValue('Maya the shopper');
  }
});

test('two laptops rename different stages of one journey at once and both keep both names', async ({ browser }) => {
  test.setTimeout(120_000);
  const a = await (await browser.newContext()).newPage();
  const b = await (await browser.newContext()).newPage();
  await connect(a, 'ana');
  await connect(b, 'ben');
  await a.goto('/#/journeys');
  await a.getByRole('button', { name: 'New journey' }).click();
  await a.getByRole('button', { name: 'Use template Customer onboarding' }).click();
  await expect(a.getByRole('textbox', { name: 'Journey name' })).toHaveValue('Customer onboarding');
  const url = a.url();
  await b.goto(url.slice(url.indexOf('#')));
  await expect(b.getByRole('textbox', { name: 'Stage 2 name' })).toBeVisible({ timeout: 20_000 });

  const rename = async (page: Page, stage: number, name: string) => {
    const field = page.getByRole('textbox', { name: `Stage ${stage} name` });
    await field.fill(name);
    await field.press('Enter');
  };
  await Promise.all([rename(a, 1, 'Sign-up by Ana'), rename(b, 2, 'Setup by Ben')]);
  for (const page of [a, b]) {
    await expect(page.getByRole('textbox', { name: 'Stage 1 name' })).toHaveValue('Sign-up by Ana', { timeout: 20_000 });
    await expect(page.getByRole('textbox', { name: 'Stage 2 name' })).toHaveValue('Setup by Ben', { timeout: 20_000 });
  }
  for (const page of [a, b]) {
    await page.reload();
    await expect(page.getByRole('textbox', { name: 'Stage 1 name' })).toHaveValue('Sign-up by Ana', { timeout: 20_000 });
    await expect(page.getByRole('textbox', { name: 'Stage 2 name' })).toHaveValue('Setup by Ben');
  }
});
