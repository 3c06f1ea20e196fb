import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/main/engine/db/migrate';
import { MIGRATIONS } from '../../src/main/engine/db/migrations';
import { launchChromium, screenshot, watchForErrors } from './support/browser';
import { startServe, type ServeProcess } from './support/serve';

let browser: Browser;
let serve: ServeProcess;
let manyServe: ServeProcess;

const MANY = 3000;

/** A new vault's database, migrated, for a test to write conversations into. */
async function newVaultDatabase(): Promise<{ dir: string; db: Database.Database }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'chat-vault-e2e-list-'));
  const file = path.join(dir, 'vault.db');
  const db = new Database(file);
  migrate(db, MIGRATIONS, file);
  return { dir, db };
}

/** A vault of MANY conversations, "Chat 1" the most recent and "Chat 3000" the oldest. */
async function manyConversationsVault(): Promise<string> {
  const { dir, db } = await newVaultDatabase();
  const insert = db.prepare(
    'INSERT INTO conversations (id, platform, title, message_count, first_at, last_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  db.transaction(() => {
    for (let n = 1; n <= MANY; n += 1) {
      const last = Date.UTC(2024, 0, 1) - n * 3_600_000;
      insert.run(`c-${n}`, 'telegram', `Chat ${n}`, n, last - 86_400_000, last);
    }
  })();
  db.close();
  return dir;
}

/** A vault with three conversations written straight into its database (readers come later). */
async function seededVault(): Promise<string> {
  const { dir, db } = await newVaultDatabase();
  const insert = db.prepare(
    'INSERT INTO conversations (id, platform, title, message_count, first_at, last_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  insert.run('c-family', 'wechat', '家人群', 1204, Date.UTC(2021, 0, 1), Date.UTC(2024, 4, 20));
  insert.run('c-ana', 'whatsapp', 'Ana', 87, Date.UTC(2020, 11, 31), Date.UTC(2024, 2, 2));
  insert.run(
    'c-team',
    'slack',
    '#general <img src=x onerror=alert(1)>',
    3,
    Date.UTC(2023, 3, 13),
    Date.UTC(2023, 3, 13),
  );
  db.prepare(
    "INSERT INTO participants VALUES ('c-family', '妈妈'), ('c-family', '我'), ('c-ana', 'Ana')",
  ).run();
  db.close();
  return dir;
}

beforeAll(async () => {
  browser = await launchChromium();
  serve = await startServe(await seededVault());
  manyServe = await startServe(await manyConversationsVault());
});

afterAll(async () => {
  await serve.stop();
  await manyServe.stop();
  await browser.close();
});

describe('the conversation list in Chromium', () => {
  it('lists the vault’s conversations newest first and moves through them with the keyboard', async () => {
    const context = await browser.newContext({
      locale: 'en-US',
      viewport: { width: 1100, height: 720 },
    });
    const page = await context.newPage();
    const errors = watchForErrors(page);
    let dialogs = 0;
    page.on('dialog', (dialog) => {
      dialogs += 1;
      void dialog.dismiss();
    });
    await page.goto(serve.url);
    const list = page.getByRole('listbox', { name: 'Conversations' });
    await list.waitFor();
    const titles = await list.getByRole('option').locator('.conversation-title').allTextContents();
    expect(titles).toEqual(['家人群', 'Ana', '#general <img src=x onerror=alert(1)>']);
    expect(await list.getByRole('option').first().textContent()).toContain('1,204 messages');
    expect(await page.getByRole('heading', { name: 'Choose a conversation' }).isVisible()).toBe(
      true,
    );

    await list.focus();
    await page.keyboard.press('ArrowDown');
    await page.getByRole('heading', { name: '家人群' }).waitFor();
    expect(await page.getByText('妈妈, 我').isVisible()).toBe(true);
    // The vault holds none of its messages: the timeline says so instead of staying blank.
    await page.getByRole('heading', { name: 'No messages here yet' }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.getByRole('heading', { name: 'Ana' }).waitFor();
    await page.keyboard.press('End');
    await page.getByRole('heading', { name: '#general <img src=x onerror=alert(1)>' }).waitFor();
    // One conversation is shown at a time: nothing of those opened before stays on the page.
    expect(await page.locator('.conversation-header').count()).toBe(1);
    expect(await page.locator('.conversation-view').count()).toBe(1);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toBe(0);

    await page.getByRole('searchbox', { name: 'Filter conversations' }).fill('an');
    expect(await list.getByRole('option').count()).toBe(1);
    await page.getByRole('searchbox', { name: 'Filter conversations' }).fill('');
    const platforms = page.getByRole('combobox', { name: 'Show conversations from' });
    expect(await platforms.locator('option').allTextContents()).toEqual([
      'All apps',
      'WhatsApp',
      'Slack',
      'WeChat',
    ]);
    await platforms.selectOption('slack');
    expect(await list.getByRole('option').count()).toBe(1);
    await platforms.selectOption('all');
    expect(await list.getByRole('option').count()).toBe(3);
    await list.getByRole('option', { name: /Ana/ }).click();
    await screenshot(page, 'conversation-list-en-light');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('a list of thousands of conversations in Chromium', () => {
  it('keeps only the rows in view in the page, and the keyboard reaches every one', async () => {
    const context = await browser.newContext({
      locale: 'en-US',
      viewport: { width: 1100, height: 720 },
    });
    const page = await context.newPage();
    const errors = watchForErrors(page);
    await page.goto(manyServe.url);
    const list = page.getByRole('listbox', { name: 'Conversations' });
    const options = list.getByRole('option');
    await options.first().waitFor();
    const rendered = await options.count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(60);
    expect(await options.first().getAttribute('aria-setsize')).toBe(String(MANY));
    expect(await options.first().locator('.conversation-title').textContent()).toBe('Chat 1');

    // Scrolled to its end, the list shows the oldest conversation, still with few rows in the page.
    await list.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    const oldest = list.getByRole('option', { name: /Chat 3000\b/ });
    await oldest.waitFor();
    expect(await oldest.getAttribute('aria-posinset')).toBe(String(MANY));
    expect(await options.count()).toBeLessThan(60);

    // The keyboard: Home selects the first and brings it back into view, End the last.
    await list.focus();
    await page.keyboard.press('Home');
    await page.getByRole('heading', { name: 'Chat 1', exact: true }).waitFor();
    expect(await list.getByRole('option', { name: /Chat 1\b/ }).isVisible()).toBe(true);
    await page.keyboard.press('PageDown');
    const paged = await list.getAttribute('aria-activedescendant');
    expect(paged).toMatch(/^conversation-c-\d+$/);
    expect(Number(paged?.replace('conversation-c-', ''))).toBeGreaterThan(5);
    await page.keyboard.press('End');
    await page.getByRole('heading', { name: `Chat ${MANY}`, exact: true }).waitFor();
    const last = list.getByRole('option', { name: new RegExp(`Chat ${MANY}\\b`) });
    expect(await last.getAttribute('aria-selected')).toBe('true');
    expect(await last.isVisible()).toBe(true);
    expect(await list.getAttribute('aria-activedescendant')).toBe(`conversation-c-${MANY}`);
    // Alt+ArrowUp from anywhere opens the one above, which is in view too.
    await page.getByRole('heading', { name: `Chat ${MANY}`, exact: true }).click();
    await page.keyboard.press('Alt+ArrowUp');
    await page.getByRole('heading', { name: `Chat ${MANY - 1}`, exact: true }).waitFor();

    // Filtering works over the whole list, not just the rows in the page.
    await page.getByRole('searchbox', { name: 'Filter conversations' }).fill('Chat 2999');
    expect(await options.allTextContents()).toHaveLength(1);
    await page.getByRole('searchbox', { name: 'Filter conversations' }).fill('');
    await screenshot(page, 'conversation-list-thousands');
    expect(errors).toEqual([]);
    await context.close();
  });
});
