import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeZip } from '../support/make-zip';
import { tinyPng } from '../support/tiny-png';
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

function chat(count: number): string {
  let text = '';
  for (let i = 0; i < count; i += 1) {
    const day = 1 + Math.floor(i / 100);
    const minute = i % 60;
    const hour = Math.floor((i % 100) / 60) + 9;
    text += `3/${day}/21, ${hour}:${String(minute).padStart(2, '0')} - ${i % 2 === 0 ? 'Ana' : 'Bo'}: message ${i}\n`;
  }
  return text;
}

/**
 * A fresh browser context on the app, in English, collecting page errors; `beforeLoad` sees the
 * page before the app starts.
 */
async function openApp(beforeLoad: (page: Page) => Promise<unknown> = () => Promise.resolve()) {
  const context = await browser.newContext({
    locale: 'en-US',
    viewport: { width: 1100, height: 720 },
  });
  const page = await context.newPage();
  const errors = watchForErrors(page);
  await beforeLoad(page);
  await page.goto(serve.url);
  return { context, page, errors };
}

describe('importing in Chromium', () => {
  it('imports a WhatsApp export chosen with “Import files…” and lists its conversation', async () => {
    const { context, page, errors } = await openApp();
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
    // The list previews the newest message, as text.
    expect(await list.getByRole('option').first().textContent()).toContain(
      'Bo: <img src=x onerror=alert(1)>',
    );
    await list.getByRole('option', { name: /Ana/ }).click();
    await page.getByRole('heading', { name: 'Ana' }).waitFor();
    expect(await page.getByText('Ana, Bo').isVisible()).toBe(true);
    const log = page.getByRole('log', { name: 'Messages' });
    await log.getByText('Happy new year!').waitFor();
    // Message text is text: the markup shows as written and never becomes an element.
    expect(await log.getByText('<img src=x onerror=alert(1)>').isVisible()).toBe(true);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await log.getByRole('heading', { name: /December 31, 2020/ }).count()).toBe(1);
    await screenshot(page, 'imported-whatsapp');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens a long conversation at its newest message and pages older ones in while scrolling up', async () => {
    const { context, page, errors } = await openApp();
    const file = path.join(inputDir, 'WhatsApp Chat with Long.txt');
    await writeFile(file, chat(1200));
    await page.getByRole('listbox', { name: 'Conversations' }).waitFor();
    await page.getByTestId('import-file-input').setInputFiles(file);
    const option = page.getByRole('option', { name: /Long/ });
    await option.waitFor();
    await page
      .getByRole('region', { name: 'Imports' })
      .getByText('1,200 new, 0 already in the vault')
      .waitFor();
    await option.click();
    const log = page.getByRole('log', { name: 'Messages' });
    await log.getByText('message 1199', { exact: true }).waitFor();
    expect(await log.getByText('message 0', { exact: true }).count()).toBe(0);
    await screenshot(page, 'timeline-newest');
    for (let attempt = 0; attempt < 40; attempt += 1) {
      if ((await log.getByText('message 0', { exact: true }).count()) > 0) break;
      await log.evaluate((element) => element.scrollTo({ top: 0 }));
      await page.waitForTimeout(150);
    }
    await log.getByText('message 0', { exact: true }).waitFor();
    await screenshot(page, 'timeline-oldest');
    // End and Home jump to the conversation's real last and first messages.
    await log.focus();
    await page.keyboard.press('End');
    await log.getByText('message 1199', { exact: true }).waitFor();
    await page.keyboard.press('Home');
    await log.getByText('message 0', { exact: true }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows what a newer export adds to the open conversation, which opened with one page request', async () => {
    // Every page of messages the app asks the vault for.
    const { context, page, errors } = await openApp((page) =>
      page.addInitScript(() => {
        const sent: string[] = [];
        Object.assign(window, { pageRequests: sent });
        const send = WebSocket.prototype.send;
        WebSocket.prototype.send = function (this: WebSocket, data) {
          if (String(data).includes('"method":"messages.page"')) sent.push(String(data));
          send.call(this, data);
        };
      }),
    );
    const pageRequests = () =>
      page.evaluate(() => (window as unknown as { pageRequests: string[] }).pageRequests.length);
    const file = path.join(inputDir, 'WhatsApp Chat with Grows.txt');
    await writeFile(file, chat(50));
    await page.getByTestId('import-file-input').waitFor({ state: 'attached' });
    await page.getByTestId('import-file-input').setInputFiles(file);
    const imports = page.getByRole('region', { name: 'Imports' });
    await imports.getByText('50 new, 0 already in the vault').waitFor();
    await page.getByRole('option', { name: /Grows/ }).click();
    const log = page.getByRole('log', { name: 'Messages' });
    await log.getByText('message 49', { exact: true }).waitFor();
    // The first page is the conversation's end: nothing newer is asked for until the vault changes.
    await page.waitForTimeout(300);
    expect(await pageRequests()).toBe(1);

    await writeFile(file, chat(60));
    await page.getByTestId('import-file-input').setInputFiles(file);
    await imports.getByText('10 new, 50 already in the vault').waitFor();
    await log.getByText('message 59', { exact: true }).waitFor();
    // Added once, after what was there: the conversation follows its new end.
    expect(await log.getByText('message 59', { exact: true }).count()).toBe(1);
    expect(await log.getByText('message 58', { exact: true }).count()).toBe(1);
    expect(await pageRequests()).toBeGreaterThan(1);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows a photo from a WhatsApp zip in the timeline, served from the vault', async () => {
    const { context, page, errors } = await openApp();
    const zip = path.join(inputDir, 'WhatsApp Chat with Photos.zip');
    await writeFile(
      zip,
      makeZip([
        {
          name: '_chat.txt',
          data: '5/1/22, 8:00 AM - Ana: IMG-20220501-WA0001.png (file attached)\n5/1/22, 8:01 AM - Bo: VID-20220501-WA0002.mp4 (file attached)\n',
        },
        { name: 'IMG-20220501-WA0001.png', data: tinyPng(64, [220, 40, 40]) },
      ]),
    );
    await page.getByRole('listbox', { name: 'Conversations' }).waitFor();
    await page.getByTestId('import-file-input').setInputFiles(zip);
    const option = page.getByRole('option', { name: /Photos/ });
    await option.waitFor();
    await option.click();
    const log = page.getByRole('log', { name: 'Messages' });
    const image = log.getByRole('img', { name: 'IMG-20220501-WA0001.png' });
    await image.waitFor();
    await expect
      .poll(() => image.evaluate((element) => (element as HTMLImageElement).naturalWidth))
      .toBe(64);
    await log.getByText('not in the export').waitFor();
    await screenshot(page, 'timeline-photo');
    expect(errors).toEqual([]);
    await context.close();
  });
});
