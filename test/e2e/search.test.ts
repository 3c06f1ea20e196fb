import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fixturesDir } from '../support/paths';
import { launchChromium, screenshot, watchForErrors } from './support/browser';
import { cliImport } from './support/cli-import';
import { startServe, type ServeProcess } from './support/serve';

let browser: Browser;
let serve: ServeProcess;
const contexts: BrowserContext[] = [];

/** A long chat whose one early message holds a rare Chinese phrase, far from the newest. */
async function writeLongChat(dir: string): Promise<string> {
  const lines: string[] = [];
  for (let i = 0; i < 1500; i += 1) {
    const day = new Date(Date.UTC(2023, 0, 1) + i * 3_600_000);
    const stamp = `${String(day.getUTCDate()).padStart(2, '0')}/${String(day.getUTCMonth() + 1).padStart(2, '0')}/${String(day.getUTCFullYear()).slice(2)}, ${String(day.getUTCHours()).padStart(2, '0')}:00`;
    const text = i === 40 ? '周六我们在老地方见面吧' : `今天第${i}条消息，天气不错`;
    lines.push(`${stamp} - ${i % 2 === 0 ? '小明' : '李雷'}: ${text}`);
  }
  const file = path.join(dir, 'WhatsApp Chat with 小明.txt');
  await writeFile(file, `${lines.join('\n')}\n`);
  return file;
}

beforeAll(async () => {
  browser = await launchChromium();
  const vault = await mkdtemp(path.join(os.tmpdir(), 'chat-vault-e2e-search-'));
  const long = await writeLongChat(await mkdtemp(path.join(os.tmpdir(), 'chat-vault-e2e-long-')));
  cliImport(
    vault,
    path.join(fixturesDir, 'whatsapp/whats-reader-example-chats/android-private'),
    long,
  );
  serve = await startServe(vault);
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
    timezoneId: 'UTC',
    viewport: { width: 1280, height: 800 },
  });
  contexts.push(context);
  const page = await context.newPage();
  const errors = watchForErrors(page);
  await page.goto(serve.url);
  await page.getByRole('listbox', { name: /Conversations|会话/u }).waitFor();
  return { page, errors };
}

describe('search in Chromium', () => {
  it('finds as you type with highlights, and a click lands on the message in its conversation', async () => {
    const { page, errors } = await open();
    await page.keyboard.press('Control+f');
    const box = page.getByRole('searchbox', { name: 'Search messages' });
    await expect.poll(() => box.evaluate((input) => input === document.activeElement)).toBe(true);
    await box.fill('老地方');
    const status = page.locator('.search-status');
    await expect.poll(() => status.textContent()).toBe('1 message');
    const hit = page.locator('.search-hit').first();
    expect(await hit.locator('mark').allTextContents()).toEqual(['老地方']);
    expect(await hit.locator('.search-hit-conversation').textContent()).toBe('小明');
    await hit.click();
    const highlighted = page.locator('.message-highlighted');
    await highlighted.waitFor();
    expect(await highlighted.textContent()).toContain('周六我们在老地方见面吧');
    await screenshot(page, 'search-hit-opened');
    expect(errors).toEqual([]);
  });

  it('shows filters as chips that can be removed, and explains a malformed query', async () => {
    const { page, errors } = await open();
    await page.getByRole('button', { name: /Search messages/u }).click();
    const box = page.getByRole('searchbox', { name: 'Search messages' });
    await box.fill('from:Bob café');
    const status = page.locator('.search-status');
    await expect.poll(() => status.textContent()).toBe('1 message');
    const chip = page.locator('.chip');
    expect(await chip.locator('span').textContent()).toBe('from:Bob');
    await chip.getByRole('button').click();
    expect(await box.inputValue()).toBe('café');
    await box.fill('"unclosed');
    await expect.poll(() => status.textContent()).toMatch(/quote is not closed/u);
    expect(errors).toEqual([]);
  });

  it('searches inside the open conversation, in Chinese and dark', async () => {
    const { page, errors } = await open({ locale: 'zh-CN', colorScheme: 'dark' });
    await page
      .locator('.conversation-row')
      .filter({ has: page.getByText('小明', { exact: true }) })
      .click();
    await page.keyboard.press('Control+f');
    const box = page.getByRole('searchbox', { name: '搜索消息' });
    await box.fill('天气');
    const status = page.locator('.search-status');
    await expect.poll(() => status.textContent()).toBe('1,499 条消息');
    await page.getByRole('radio', { name: '当前会话' }).click();
    await expect.poll(() => status.textContent()).toBe('1,499 条消息');
    await box.fill('café');
    await expect.poll(() => status.textContent()).toBe('0 条消息');
    await page.getByRole('radio', { name: '全部' }).click();
    await expect.poll(() => status.textContent()).toBe('2 条消息');
    await box.fill('天气');
    await expect.poll(() => status.textContent()).toBe('1,499 条消息');
    await expect.poll(() => page.locator('.search-hit mark').first().textContent()).toBe('天气');
    await screenshot(page, 'search-zh-dark');
    expect(errors).toEqual([]);
  });
});
