/**
 * Messenger, Instagram, LINE and Signal exports, imported with the real command line and shown by
 * the real `serve` host in Chromium: each conversation carries its platform's icon and name, and a
 * conversation's messages come out of the vault in place.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliPath } from '../support/paths';
import { lineExport, say } from '../unit/readers/line/make-export';
import { facebookJson, fbMessage, fbThread } from '../unit/readers/messenger/make-export';
import { chatMarkdown } from '../unit/readers/signal/make-export';
import { launchChromium, screenshot, watchForErrors } from './support/browser';
import { startServe, type ServeProcess } from './support/serve';

let browser: Browser;
let serve: ServeProcess;

async function write(file: string, content: string): Promise<string> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, content);
  return file;
}

/** A vault holding one chat of each platform, imported through `chat-vault import`. */
async function importedVault(): Promise<string> {
  const inputs = await mkdtemp(path.join(os.tmpdir(), 'chat-vault-e2e-platforms-in-'));
  const thread = (title: string, folder: string, text: string) =>
    facebookJson(
      fbThread([fbMessage(title, 1, { content: text })], {
        title,
        participants: [title, 'Me'],
        threadPath: `inbox/${folder}`,
      }),
    );
  const messenger = path.join(inputs, 'facebook-me');
  await write(
    path.join(messenger, 'your_facebook_activity/messages/inbox/zoe_1/message_1.json'),
    thread('Zoë', 'zoe_1', 'Ça va? 😀'),
  );
  const instagram = path.join(inputs, 'instagram-me-2024');
  await write(
    path.join(instagram, 'your_instagram_activity/messages/inbox/kai_2/message_1.json'),
    thread('Kai', 'kai_2', 'nice pic'),
  );
  const line = await write(
    path.join(inputs, '[LINE] 花子とのトーク.txt'),
    lineExport('ja', {
      name: '花子',
      days: [{ year: 2024, month: 2, day: 1, messages: [say(9, 0, '花子', 'おはよう')] }],
    }),
  );
  const signal = path.join(inputs, 'signal-export');
  await write(
    path.join(signal, 'Aya/chat.md'),
    chatMarkdown([{ at: [2024, 2, 2, 10, 0, 0], sender: 'Aya', body: 'hi from Signal' }]),
  );
  const vault = await mkdtemp(path.join(os.tmpdir(), 'chat-vault-e2e-platforms-'));
  const output = execFileSync(
    process.execPath,
    [cliPath, '--vault', vault, 'import', messenger, instagram, line, signal, '--json'],
    { env: { ...process.env, TZ: 'UTC' }, encoding: 'utf8' },
  );
  const report = JSON.parse(output) as { imports: { status: string; format: string }[] };
  expect(report.imports.map((item) => [item.format, item.status])).toEqual([
    ['messenger-json', 'imported'],
    ['instagram-json', 'imported'],
    ['line-txt', 'imported'],
    ['signal-txt', 'imported'],
  ]);
  return vault;
}

beforeAll(async () => {
  browser = await launchChromium();
  serve = await startServe(await importedVault());
});

afterAll(async () => {
  await serve.stop();
  await browser.close();
});

describe('Messenger, Instagram, LINE and Signal in Chromium', () => {
  it('shows each conversation with its platform icon and opens its messages', async () => {
    const context = await browser.newContext({
      locale: 'en-US',
      viewport: { width: 1100, height: 720 },
    });
    const page = await context.newPage();
    const errors = watchForErrors(page);
    await page.goto(serve.url);
    const list = page.getByRole('listbox', { name: 'Conversations' });
    await list.waitFor();
    const options = list.getByRole('option');
    expect(await options.count()).toBe(4);
    const byTitle = async (title: string) => {
      const option = options.filter({ hasText: title });
      const icon = option.getByRole('img');
      return [await icon.getAttribute('aria-label'), await icon.locator('text').textContent()];
    };
    expect(await byTitle('Zoë')).toEqual(['Messenger', 'M']);
    expect(await byTitle('Kai')).toEqual(['Instagram', 'I']);
    expect(await byTitle('花子')).toEqual(['LINE', 'L']);
    expect(await byTitle('Aya')).toEqual(['Signal', 'S']);
    const platforms = page.getByRole('combobox', { name: 'Show conversations from' });
    expect(await platforms.locator('option').allTextContents()).toEqual([
      'All apps',
      'Messenger',
      'Instagram',
      'LINE',
      'Signal',
    ]);

    const timeline = page.getByRole('log', { name: 'Messages' });
    await options.filter({ hasText: 'Zoë' }).click();
    await page.getByRole('heading', { name: 'Zoë' }).waitFor();
    await timeline.getByText('Ça va? 😀').waitFor();
    await options.filter({ hasText: '花子' }).click();
    await timeline.getByText('おはよう').waitFor();
    await screenshot(page, 'more-platforms-en-light');
    expect(errors).toEqual([]);
    await context.close();
  });
});
