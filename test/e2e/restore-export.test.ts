/**
 * Restore, export and verify in Chromium against `chat-vault serve`, and the exported HTML opened
 * straight from disk (file://), the way someone would double-click it.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blobPath } from '../../src/main/engine/vault/blob-store';
import { makeZip } from '../support/make-zip';
import { tinyPng } from '../support/tiny-png';
import { launchChromium, screenshot, watchForErrors } from './support/browser';
import { startServe, type ServeProcess } from './support/serve';

let browser: Browser;
let serve: ServeProcess;
let vaultDir: string;
let inputDir: string;
let zip: string;

const sha256 = async (file: string) =>
  createHash('sha256')
    .update(await readFile(file))
    .digest('hex');

const CHAT =
  '5/13/22, 8:00 AM - Ana: Morning! Photo from the hike\n' +
  '5/13/22, 8:00 AM - Ana: IMG-20220513-WA0001.png (file attached)\n' +
  '5/13/22, 8:02 AM - Bo: Wow 😍 <script>alert(1)</script>\n' +
  '5/14/22, 9:15 AM - Bo: See https://example.com/trail for the map\n' +
  '5/14/22, 9:16 AM - Ana: 明天见！\n';

beforeAll(async () => {
  browser = await launchChromium();
  vaultDir = await mkdtemp(path.join(os.tmpdir(), 'chat-vault-e2e-tasks-'));
  serve = await startServe(vaultDir);
  inputDir = await mkdtemp(path.join(os.tmpdir(), 'chat-vault-e2e-tasks-input-'));
  zip = path.join(inputDir, 'WhatsApp Chat with Ana.zip');
  await writeFile(
    zip,
    makeZip([
      { name: '_chat.txt', data: CHAT },
      { name: 'IMG-20220513-WA0001.png', data: tinyPng(96, [40, 140, 220]) },
    ]),
  );
});

afterAll(async () => {
  await serve.stop();
  await browser.close();
});

async function openApp() {
  const context = await browser.newContext({
    locale: 'en-US',
    viewport: { width: 1100, height: 760 },
  });
  const page = await context.newPage();
  const errors = watchForErrors(page);
  await page.goto(serve.url);
  return { context, page, errors };
}

describe('restore, export and verify in Chromium', () => {
  it('exports a conversation to offline HTML that opens from disk with its photo', async () => {
    const { context, page, errors } = await openApp();
    await page.getByRole('heading', { name: 'Your vault is empty' }).waitFor();
    await page.getByTestId('import-file-input').setInputFiles(zip);
    const option = page.getByRole('option', { name: /Ana/ });
    await option.waitFor();
    await page.getByRole('region', { name: 'Imports' }).getByText('Imported').waitFor();
    await option.click();

    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export “Ana”' });
    await dialog.waitFor();
    // In a browser the folder is one on the server, and the dialog says so.
    await dialog.getByText('on the computer running Chat Vault').waitFor();
    const destination = await mkdtemp(path.join(os.tmpdir(), 'chat-vault-e2e-export-'));
    await dialog.getByTestId('destination-input').fill(destination);
    await dialog.getByRole('radio', { name: /Web page \(HTML\)/ }).check();
    await screenshot(page, 'export-dialog');
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();

    const panel = page.getByRole('region', { name: 'Restores and exports' });
    const row = panel.getByRole('listitem').filter({ hasText: 'Export · Ana' });
    await row.getByText('Done').waitFor();
    const folder = path.join(destination, 'Ana');
    await row.getByText(`Saved to ${folder}`).waitFor();
    await screenshot(page, 'export-done');
    expect((await readdir(folder)).sort()).toEqual([
      'index.html',
      'media',
      'page-00001.html',
      'style.css',
    ]);
    expect(errors).toEqual([]);

    // The export, opened from disk with no server.
    const offline = await context.newPage();
    const offlineErrors = watchForErrors(offline);
    await offline.goto(pathToFileURL(path.join(folder, 'index.html')).href);
    await offline.getByRole('heading', { name: 'Ana' }).waitFor();
    await offline.getByText('5 messages').first().waitFor();
    await offline.getByRole('link', { name: 'Page 1' }).click();
    await offline.getByText('Morning! Photo from the hike').waitFor();
    await offline.getByText('<script>alert(1)</script>', { exact: false }).waitFor();
    expect(await offline.locator('script').count()).toBe(0);
    const image = offline.getByRole('img', { name: 'IMG-20220513-WA0001.png' });
    await image.waitFor();
    await expect
      .poll(() => image.evaluate((element) => (element as HTMLImageElement).naturalWidth))
      .toBe(96);
    expect(
      await offline.getByRole('link', { name: 'https://example.com/trail' }).getAttribute('href'),
    ).toBe('https://example.com/trail');
    await offline.getByText('明天见！').waitFor();
    await screenshot(offline, 'export-html-offline');
    // On a phone the page fits the screen: nothing overflows sideways.
    await offline.setViewportSize({ width: 375, height: 740 });
    expect(await offline.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      375,
    );
    await screenshot(offline, 'export-html-phone');
    expect(offlineErrors).toEqual([]);
    await context.close();
  });

  it('restores an archive byte for byte, twice without overwriting, and verifies the vault', async () => {
    const { context, page, errors } = await openApp();
    await page.getByRole('option', { name: /Ana/ }).waitFor();
    await page.getByRole('button', { name: 'Archives and verify' }).click();
    const dialog = page.getByRole('dialog', { name: 'Archives and verify' });
    const archive = dialog.getByRole('listitem').filter({ hasText: 'WhatsApp Chat with Ana.zip' });
    await archive.waitFor();
    const destination = await mkdtemp(path.join(os.tmpdir(), 'chat-vault-e2e-restore-'));
    for (const expected of ['WhatsApp Chat with Ana.zip', 'WhatsApp Chat with Ana (2).zip']) {
      await archive.getByRole('button', { name: 'Restore…' }).click();
      await archive.getByTestId('destination-input').fill(destination);
      await archive.getByRole('button', { name: 'Restore', exact: true }).click();
      const row = page
        .getByRole('region', { name: 'Restores and exports' })
        .getByRole('listitem')
        .filter({ hasText: `Saved to ${path.join(destination, expected)}` });
      await row.waitFor();
    }
    expect((await readdir(destination)).sort()).toEqual([
      'WhatsApp Chat with Ana (2).zip',
      'WhatsApp Chat with Ana.zip',
    ]);
    for (const name of await readdir(destination)) {
      expect(await sha256(path.join(destination, name))).toBe(await sha256(zip));
    }

    await dialog.getByRole('button', { name: 'Verify now' }).click();
    await dialog.getByText(/All \d+ stored files are intact\./u).waitFor();

    // Damage the stored photo: verify names it and the conversation it belongs to.
    const photo = await sha256FromBytes(tinyPng(96, [40, 140, 220]));
    await writeFile(blobPath(vaultDir, photo), 'not a photo any more');
    await dialog.getByRole('button', { name: 'Verify now' }).click();
    await dialog.getByText('1 problem found.').waitFor();
    const damage = dialog.getByRole('listitem').filter({ hasText: photo });
    await damage.getByText('Affects: Ana').waitFor();
    await screenshot(page, 'verify-damaged');
    expect(errors).toEqual([]);
    await context.close();
  });
});

function sha256FromBytes(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
