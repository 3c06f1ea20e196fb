import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshot, watchForErrors } from './support/browser';
import { startServe, type ServeProcess } from './support/serve';

let browser: Browser;
let serve: ServeProcess;
let vaultDir: string;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  const { mkdtemp } = await import('node:fs/promises');
  const os = await import('node:os');
  vaultDir = await mkdtemp(path.join(os.tmpdir(), 'chat-vault-e2e-'));
  serve = await startServe(vaultDir);
});

afterAll(async () => {
  await serve.stop();
  await browser.close();
});

afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close();
});

async function open(
  options: Readonly<{ locale?: string; colorScheme?: 'light' | 'dark' }> = {},
): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({
    locale: options.locale ?? 'en-US',
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: 1100, height: 720 },
  });
  contexts.push(context);
  const page = await context.newPage();
  const errors = watchForErrors(page);
  await page.goto(serve.url);
  await page.getByRole('heading', { level: 1 }).waitFor();
  return { page, errors };
}

const backgroundOf = (page: Page) =>
  page.evaluate(
    () => getComputedStyle(document.querySelector('.main-panel') as Element).backgroundColor,
  );

describe('the app shell in Chromium', () => {
  it('shows the English empty state in light mode, with where exports come from', async () => {
    const { page, errors } = await open();
    await expect
      .poll(() => page.getByRole('heading', { name: 'Your vault is empty' }).isVisible())
      .toBe(true);
    expect(await page.getByText('WhatsApp: open a chat').isVisible()).toBe(true);
    expect(await page.getByText(vaultDir).first().isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('light');
    expect(await backgroundOf(page)).toBe('rgb(255, 255, 255)');
    await screenshot(page, 'empty-en-light');
    expect(errors).toEqual([]);
  });

  it('follows a dark system theme', async () => {
    const { page, errors } = await open({ colorScheme: 'dark' });
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
    expect(await backgroundOf(page)).toBe('rgb(28, 32, 39)');
    await screenshot(page, 'empty-en-dark');
    expect(errors).toEqual([]);
  });

  it('speaks Simplified Chinese on a Chinese system', async () => {
    const { page, errors } = await open({ locale: 'zh-CN' });
    await expect
      .poll(() => page.getByRole('heading', { name: '保险库还是空的' }).isVisible())
      .toBe(true);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await screenshot(page, 'empty-zh-light');
    expect(errors).toEqual([]);
  });

  it('switches language and theme from settings and remembers them', async () => {
    const { page } = await open();
    await page.keyboard.press('Control+Comma');
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await dialog.waitFor();
    await dialog.getByLabel('Language').selectOption('zh-CN');
    await page.getByRole('dialog', { name: '设置' }).getByLabel('外观').selectOption('dark');
    await screenshot(page, 'settings-zh-dark');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await page.reload();
    await page.getByRole('heading', { name: '保险库还是空的' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
    await screenshot(page, 'empty-zh-dark');
  });

  it('takes a file dropped on the window and says what happened to it', async () => {
    const { page } = await open();
    await page.evaluate(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['just some notes\n'], 'notes.txt', { type: 'text/plain' }));
      window.dispatchEvent(new DragEvent('dragenter', { dataTransfer: transfer, bubbles: true }));
    });
    await page.getByRole('heading', { name: 'Drop to import' }).waitFor();
    await screenshot(page, 'drop-overlay');
    await page.evaluate(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['just some notes\n'], 'notes.txt', { type: 'text/plain' }));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true }));
    });
    const row = page
      .getByRole('region', { name: 'Imports' })
      .getByRole('listitem')
      .filter({ hasText: 'notes.txt' });
    await row.getByText('Not imported').waitFor();
    expect(await row.getByRole('alert').textContent()).toContain(
      'Chat Vault found no chat in notes.txt',
    );
    expect(await page.getByRole('heading', { name: 'Drop to import' }).count()).toBe(0);
    await screenshot(page, 'drop-result');
  });

  it('cannot be opened without the token', async () => {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    const response = await page.goto(`http://127.0.0.1:${serve.port}/`);
    expect(response?.status()).toBe(403);
  });
});
