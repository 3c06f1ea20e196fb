import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshot, watchForErrors } from './support/browser';
import { startServe, type ServeProcess } from './support/serve';

let browser: Browser;
let serve: ServeProcess;
let inputDir: string;

beforeAll(async () => {
  browser = await launchChromium();
  serve = await startServe(await mkdtemp(path.join(os.tmpdir(), 'chat-vault-e2e-import-')));
  inputDir = await mkdtemp(path.join(os.tmpdir(), 'chat-vault-e2e-input-'));
});

afterAll(async () => {
  await serve.stop();
  await browser.close();
});

describe('importing in Chromium', () => {
  it('imports a WhatsApp export chosen with “Import files…” and lists its conversation', async () => {
    const context = await browser.newContext({
      locale: 'en-US',
      viewport: { width: 1100, height: 720 },
    });
    const page = await context.newPage();
    const errors = watchForErrors(page);
    await page.goto(serve.url);
    await page.getByRole('heading', { name: 'Your vault is empty' }).waitFor();

    const file = path.join(inputDir, 'WhatsApp Chat with Ana.txt');
    await writeFile(
      file,
      '12/31/20, 9:41 PM - Ana: Happy new year!\n12/31/20, 9:42 PM - Bo: You too\n12/31/20, 9:42 PM - Bo: <img src=x onerror=alert(1)>\n',
    );
    await page.getByTestId('import-file-input').setInputFiles(file);
    const row = page
      .getByRole('region', { name: 'Imports' })
      .getByRole('listitem')
      .filter({ hasText: 'WhatsApp Chat with Ana.txt' });
    await row.getByText('Imported').waitFor();
    expect(await row.textContent()).toContain('3 new, 0 already in the vault');

    const list = page.getByRole('listbox', { name: 'Conversations' });
    await list.getByRole('option', { name: /Ana/ }).waitFor();
    expect(await list.getByRole('option').first().textContent()).toContain('3 messages');
    await list.getByRole('option', { name: /Ana/ }).click();
    await page.getByRole('heading', { name: 'Ana' }).waitFor();
    expect(await page.getByText('Ana, Bo').isVisible()).toBe(true);
    await screenshot(page, 'imported-whatsapp');
    expect(errors).toEqual([]);
    await context.close();
  });
});
