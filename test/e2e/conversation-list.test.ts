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

/** A vault with three conversations written straight into its database (readers come later). */
async function seededVault(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'chat-vault-e2e-list-'));
  const file = path.join(dir, 'vault.db');
  const db = new Database(file);
  migrate(db, MIGRATIONS, file);
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
});

afterAll(async () => {
  await serve.stop();
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
