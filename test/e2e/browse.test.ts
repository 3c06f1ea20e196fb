import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fixturesDir } from '../support/paths';
import { fillerDays, writeTelegramShowcase } from '../support/telegram-export';
import { launchChromium, screenshot, watchForErrors } from './support/browser';
import { cliImport } from './support/cli-import';
import { startServe, type ServeProcess } from './support/serve';

let browser: Browser;
let serve: ServeProcess;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  const vault = await mkdtemp(path.join(os.tmpdir(), 'chat-vault-e2e-browse-'));
  const showcase = await writeTelegramShowcase(
    await mkdtemp(path.join(os.tmpdir(), 'chat-vault-e2e-showcase-')),
  );
  cliImport(
    vault,
    path.join(fixturesDir, 'whatsapp/whats-reader-example-chats/android-private'),
    path.join(fixturesDir, 'telegram/chat-analytics-DM_2A_7M/DM_2A_7M.json'),
    path.join(fixturesDir, 'telegram/tg-parser-personal/personal_chat.json'),
    showcase,
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

type Options = Readonly<{
  locale?: string;
  colorScheme?: 'light' | 'dark';
  timezoneId?: string;
}>;

async function open(options: Options = {}): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({
    locale: options.locale ?? 'en-US',
    colorScheme: options.colorScheme ?? 'light',
    timezoneId: options.timezoneId ?? 'UTC',
    viewport: { width: 1200, height: 800 },
  });
  contexts.push(context);
  const page = await context.newPage();
  const errors = watchForErrors(page);
  let dialogs = 0;
  page.on('dialog', (dialog) => {
    dialogs += 1;
    errors.push(`a ${dialog.type()} dialog opened (${dialogs})`);
    void dialog.dismiss();
  });
  await page.goto(serve.url);
  await page.getByRole('listbox', { name: /Conversations|会话/u }).waitFor();
  return { page, errors };
}

async function openConversation(page: Page, title: string) {
  await page
    .locator('.conversation-row')
    .filter({ has: page.locator('.conversation-title').getByText(title, { exact: true }) })
    .click();
  const log = page.getByRole('log');
  await log.locator('.timeline-row').first().waitFor();
  return log;
}

describe('browsing in Chromium', () => {
  it('lists the imported conversations and shows formatting, replies, reactions, edits, forwards, calls and system lines', async () => {
    const { page, errors } = await open();
    const titles = await page.locator('.conversation-title').allTextContents();
    expect(titles).toEqual(expect.arrayContaining(['Trip', 'Bob', 'Test User', 'Alice']));
    // Each row: its last message and day, and how many messages it holds (as its header says).
    const tripRow = page
      .locator('.conversation-row')
      .filter({ has: page.locator('.conversation-title').getByText('Trip', { exact: true }) });
    const count = (await tripRow.locator('.conversation-count').textContent()) ?? '';
    expect(count).toMatch(/^[1-9]\d*$/u);
    expect(await tripRow.locator('.conversation-time').textContent()).toMatch(/\d{4}$/u);
    const log = await openConversation(page, 'Trip');
    expect(await page.locator('.conversation-header').textContent()).toContain(`${count} messages`);
    await page.getByRole('button', { name: 'First', exact: true }).click();
    await log.getByText('pack light', { exact: true }).waitFor();

    // Telegram entities as elements.
    expect(await log.locator('strong', { hasText: 'pack light' }).count()).toBe(1);
    expect(await log.locator('em', { hasText: 'bring' }).count()).toBe(1);
    expect(await log.locator('code.text-code', { hasText: 'passport' }).count()).toBe(1);
    expect(await log.locator('pre.text-pre', { hasText: 'let seats = 3;' }).count()).toBe(1);
    const map = log.getByRole('link', { name: 'the map' });
    expect(await map.getAttribute('href')).toBe('https://maps.example/route');
    expect(await map.getAttribute('target')).toBe('_blank');
    expect(await map.getAttribute('rel')).toBe('noopener noreferrer');
    // A javascript: link and HTML in text stay inert text.
    const plans = log.locator('article', { hasText: 'Plans:' }).locator('.message-text').first();
    expect(await plans.textContent()).toContain('and not this trap @bo');
    expect(await plans.getByRole('link').allTextContents()).toEqual(['the map']);
    expect(await page.locator('a[href^="javascript"], a[href^="JavaScript"]').count()).toBe(0);
    expect(await log.getByText('<img src=x onerror=alert(1)>', { exact: false }).isVisible()).toBe(
      true,
    );
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    // A plain link in text, without the full stop after it.
    expect(
      await log.getByRole('link', { name: 'https://example.org/path' }).getAttribute('href'),
    ).toBe('https://example.org/path');
    // The spoiler hides its text until clicked.
    const spoiler = log.getByRole('button', { name: 'Hidden text: click to show' });
    await spoiler.click();
    expect(await log.locator('.text-spoiler-shown', { hasText: 'surprise party' }).count()).toBe(1);

    // Reply, edit, reactions, forward, right-to-left text, call and system lines.
    const reply = log.locator('article', { hasText: 'Got it 👍🏽' });
    expect(await reply.locator('.reply-quote').textContent()).toContain('Plans: pack light');
    expect(await reply.getByText('edited').isVisible()).toBe(true);
    expect(await reply.getByRole('listitem', { name: /❤️ from 2 people: Ana/u }).count()).toBe(1);
    expect(await log.getByText('Forwarded from Dana').isVisible()).toBe(true);
    expect(
      await log.locator('.message-text', { hasText: 'مرحبا بالعالم' }).getAttribute('dir'),
    ).toBe('auto');
    expect(await log.locator('.line-call', { hasText: 'Call (1:35)' }).count()).toBe(1);
    expect(
      await log.locator('.line-system', { hasText: 'Ana created the group “Trip”' }).count(),
    ).toBe(1);
    // Initials avatars, one colour per sender.
    expect(await log.locator('.avatar').allTextContents()).toEqual(
      expect.arrayContaining(['A', 'B', 'C']),
    );
    await screenshot(page, 'browse-telegram-en-light');

    // Clicking the quote jumps to the original and marks it.
    await reply.locator('.reply-quote').click();
    await log.locator('.message-highlighted', { hasText: 'pack light' }).waitFor();
    expect(errors).toEqual([]);
  });

  it('shows WhatsApp photos and voice notes from the vault, and a photo viewer driven by the keyboard', async () => {
    const { page, errors } = await open();
    const log = await openConversation(page, 'Alice');
    await page.getByRole('button', { name: 'First', exact: true }).click();
    // The photos are in the middle of the chat: scroll down to each, as a reader would.
    for (const name of ['IMG-20241202-WA0001.jpg', 'IMG-20241203-WA0003.jpg']) {
      const photo = log.getByRole('img', { name });
      await expect
        .poll(
          async () => {
            if ((await photo.count()) === 0)
              await log.evaluate((element) => element.scrollBy({ top: 250 }));
            return photo.count();
          },
          { timeout: 15_000 },
        )
        .toBe(1);
      await photo.scrollIntoViewIfNeeded();
      await expect
        .poll(() => photo.evaluate((element) => (element as HTMLImageElement).naturalWidth))
        .toBeGreaterThan(0);
    }
    expect(await log.locator('audio').count()).toBeGreaterThanOrEqual(1);
    await screenshot(page, 'browse-whatsapp-media');

    await log.getByRole('button', { name: 'Open IMG-20241203-WA0003.jpg' }).click();
    const viewer = page.getByRole('dialog', { name: 'Photo viewer' });
    await viewer.waitFor();
    await viewer.getByText('2 of 2').waitFor();
    await expect
      .poll(() =>
        viewer.locator('img').evaluate((element) => (element as HTMLImageElement).naturalWidth),
      )
      .toBeGreaterThan(0);
    await screenshot(page, 'browse-viewer');
    await page.keyboard.press('ArrowLeft');
    await viewer.getByText('1 of 2').waitFor();
    expect(await viewer.locator('img').getAttribute('alt')).toBe('IMG-20241202-WA0001.jpg');
    await page.keyboard.press('ArrowRight');
    await viewer.getByText('2 of 2').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => viewer.isVisible()).toBe(false);
    expect(errors).toEqual([]);
  });

  it('shows Telegram photos from the export, says which the export left out, and offers files to save', async () => {
    const { page, errors } = await open();
    let log = await openConversation(page, 'Trip');
    await page.getByRole('button', { name: 'First', exact: true }).click();
    const photo = log.getByRole('img', { name: 'photo_1.png' });
    await photo.waitFor();
    await expect
      .poll(() => photo.evaluate((element) => (element as HTMLImageElement).naturalWidth))
      .toBe(120);
    const save = log.getByRole('link', { name: 'Save as…' });
    expect(await save.getAttribute('download')).toBe('plan.pdf');
    expect(await save.getAttribute('href')).toMatch(/^\/media\/[0-9a-f]{64}\/plan\.pdf$/u);
    expect(await log.locator('.attachment-file', { hasText: 'plan.pdf' }).textContent()).toMatch(
      /\d+ B/u,
    );

    log = await openConversation(page, 'Bob');
    await log.getByText('https://google.com').waitFor();
    expect(await log.getByRole('link', { name: 'https://google.com' }).getAttribute('href')).toBe(
      'https://google.com',
    );
    expect(await log.locator('.attachment-missing', { hasText: 'not in the export' }).count()).toBe(
      2,
    );
    expect(await log.locator('.line-call').count()).toBe(1);
    await screenshot(page, 'browse-telegram-missing-photos');
    expect(errors).toEqual([]);
  });

  it('jumps to a date chosen in a calendar that offers only the days with messages, in the reader’s zone', async () => {
    // In Shanghai (UTC+8) each filler message, sent at 20:00 UTC, falls on the next day.
    const { page, errors } = await open({ timezoneId: 'Asia/Shanghai' });
    const log = await openConversation(page, 'Trip');
    await log.getByText('day 2023-06-30').waitFor();
    await page.getByRole('button', { name: 'Jump to date' }).click();
    const picker = page.getByRole('dialog', { name: 'Jump to a date' });
    await picker.waitFor();
    // It opens on the month being read.
    await picker.getByRole('heading', { name: 'June 2023' }).waitFor();
    await picker.getByLabel('Month', { exact: true }).selectOption('3');
    await picker.getByRole('heading', { name: 'March 2023' }).waitFor();
    await picker.getByText(/days with messages this month/u).waitFor();
    const enabled = await picker.locator('.calendar-day:not([disabled])').allTextContents();
    // Each filler message falls on the next day in Shanghai.
    const shanghaiMarch = fillerDays()
      .map((day) => ({ day, local: new Date(Date.parse(day) + 86_400_000) }))
      .filter(({ local }) => local.getUTCMonth() === 2);
    expect(enabled).toEqual(shanghaiMarch.map(({ local }) => String(local.getUTCDate())));
    await screenshot(page, 'browse-calendar');
    const chosen = shanghaiMarch[10];
    if (chosen === undefined) throw new Error('the showcase has no March');
    await picker
      .getByRole('button', {
        name: new Intl.DateTimeFormat('en-US', { dateStyle: 'full', timeZone: 'UTC' }).format(
          chosen.local,
        ),
      })
      .click();
    await log.locator('.message-highlighted', { hasText: `day ${chosen.day}` }).waitFor();
    expect(await log.getByText('day 2023-06-30').count()).toBe(0);
    await screenshot(page, 'browse-jumped');

    // First and last, and the keyboard.
    await page.getByRole('button', { name: 'Last', exact: true }).click();
    await log.getByText('day 2023-06-30').waitFor();
    await log.focus();
    await page.keyboard.press('Home');
    await log.getByText('pack light', { exact: true }).waitFor();
    const top = await log.evaluate((element) => element.scrollTop);
    await page.keyboard.press('PageDown');
    await expect
      .poll(() => log.evaluate((element) => element.scrollTop))
      .toBeGreaterThan(top + 200);
    // Trip is last in the list; Alt+ArrowUp opens the one above it.
    await page.keyboard.press('Alt+ArrowUp');
    await expect
      .poll(() => page.locator('[aria-selected="true"] .conversation-title').textContent())
      .toBe('Bob');
    await page.keyboard.press('Control+f');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
    expect(errors).toEqual([]);
  });

  it('reads in Chinese and in the dark', async () => {
    const { page, errors } = await open({ locale: 'zh-CN', colorScheme: 'dark' });
    const log = await openConversation(page, 'Trip');
    await page.getByRole('button', { name: '最早' }).click();
    await log.getByText('pack light', { exact: true }).waitFor();
    expect(await log.getByText('转发自 Dana').isVisible()).toBe(true);
    expect(await log.getByText('已编辑').isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
    await screenshot(page, 'browse-telegram-zh-dark');
    await page.getByRole('button', { name: '跳到日期' }).click();
    await page
      .getByRole('dialog', { name: '跳到某一天' })
      .getByText(/天有消息/u)
      .waitFor();
    await screenshot(page, 'browse-calendar-zh-dark');
    expect(errors).toEqual([]);
  });
});
