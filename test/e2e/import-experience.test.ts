import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshot, watchForErrors } from './support/browser';
import { startServe, type ServeProcess } from './support/serve';

let browser: Browser;
let serve: ServeProcess;
let inputDir: string;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  serve = await startServe(await mkdtemp(path.join(os.tmpdir(), 'chat-vault-e2e-experience-')));
  inputDir = await mkdtemp(path.join(os.tmpdir(), 'chat-vault-e2e-experience-input-'));
});

afterAll(async () => {
  await serve.stop();
  await browser.close();
});

afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close();
});

async function open(locale = 'en-US'): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ locale, viewport: { width: 1200, height: 800 } });
  contexts.push(context);
  const page = await context.newPage();
  const errors = watchForErrors(page);
  await page.goto(serve.url);
  await page.getByRole('heading', { level: 1 }).waitFor();
  return { page, errors };
}

/** A WhatsApp export of `count` messages, one a minute from 1 March 2021 (about 45 bytes each). */
async function bigChat(name: string, count: number): Promise<string> {
  const lines: string[] = [];
  const start = Date.UTC(2021, 2, 1, 8);
  for (let i = 0; i < count; i += 1) {
    const date = new Date(start + i * 60_000);
    const stamp = `${date.getUTCMonth() + 1}/${date.getUTCDate()}/${String(date.getUTCFullYear()).slice(2)}, ${date.getUTCHours()}:${String(date.getUTCMinutes()).padStart(2, '0')}`;
    lines.push(`${stamp} - ${i % 2 === 0 ? 'Ana' : 'Bo'}: message number ${i}`);
  }
  const file = path.join(inputDir, `WhatsApp Chat with ${name}.txt`);
  await writeFile(file, `${lines.join('\n')}\n`);
  return file;
}

describe('the import experience in Chromium', () => {
  it('shows byte progress, rate, time left and messages so far, queues the next file, and cancels', async () => {
    const { page, errors } = await open();
    const big = await bigChat('Big', 600_000);
    const small = await bigChat('Small', 50);
    await page.getByTestId('import-file-input').setInputFiles([big, small]);
    const panel = page.getByRole('region', { name: 'Imports' });
    const bigRow = panel.getByRole('listitem').filter({ hasText: 'WhatsApp Chat with Big.txt' });
    const bar = bigRow.getByRole('progressbar', { name: 'Progress of WhatsApp Chat with Big.txt' });
    await expect
      .poll(async () => Number((await bar.getAttribute('value')) ?? 0), { timeout: 30_000 })
      .toBeGreaterThan(0);
    expect(Number(await bar.getAttribute('max'))).toBeGreaterThan(20_000_000);
    await expect
      .poll(() => bigRow.textContent(), { timeout: 10_000 })
      .toMatch(/of 2\d(\.\d)? MB \(\d+%\)/u);
    await expect.poll(() => bigRow.textContent(), { timeout: 10_000 }).toMatch(/messages so far/u);
    const smallRow = panel
      .getByRole('listitem')
      .filter({ hasText: 'WhatsApp Chat with Small.txt' });
    await smallRow.getByText('Waiting for the imports before it').waitFor({ timeout: 30_000 });
    await screenshot(page, 'import-progress');

    await bigRow.getByRole('button', { name: 'Cancel' }).click();
    await bigRow.getByText('Partly imported').waitFor({ timeout: 30_000 });
    expect(await bigRow.getByRole('alert').textContent()).toContain(
      'What to do: drop the file again to continue',
    );
    await smallRow.getByText('Imported').waitFor({ timeout: 30_000 });
    expect(await smallRow.textContent()).toContain('50 new, 0 already in the vault');
    await screenshot(page, 'import-cancelled');
    expect(errors).toEqual([]);
  });

  it('shows the vault, the import folder and the time zone in settings, and keeps a chosen zone', async () => {
    const { page, errors } = await open();
    await page.getByRole('button', { name: 'Settings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    await dialog.waitFor();
    const zone = dialog.getByLabel('Time zone of exports without one');
    expect(await zone.locator('option:checked').textContent()).toBe('This computer’s (UTC)');
    expect(await dialog.textContent()).toContain('No import folder is watched here');
    expect(await dialog.textContent()).toContain('A browser cannot choose folders');
    await zone.selectOption('Asia/Shanghai');
    await screenshot(page, 'settings-en-light');
    await page.keyboard.press('Escape');
    await page.reload();
    await page.getByRole('button', { name: 'Settings' }).click();
    await expect
      .poll(() => page.getByLabel('Time zone of exports without one').inputValue())
      .toBe('Asia/Shanghai');
    // Back to the machine's zone, for the other tests.
    await page.getByLabel('Time zone of exports without one').selectOption('');
    expect(errors).toEqual([]);
  });

  it('explains an import that failed, in Chinese, with what to do', async () => {
    const { page, errors } = await open('zh-CN');
    const notes = path.join(inputDir, 'notes.txt');
    await writeFile(notes, 'just some notes\n');
    await page.getByTestId('import-file-input').setInputFiles(notes);
    const row = page
      .getByRole('region', { name: '导入' })
      .getByRole('listitem')
      .filter({ hasText: 'notes.txt' });
    await row.getByText('未导入').waitFor();
    expect(await row.getByRole('alert').textContent()).toContain('怎么办：请在聊天应用中重新导出');
    await screenshot(page, 'import-failed-zh');
    expect(errors).toEqual([]);
  });
});
