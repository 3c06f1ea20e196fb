import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../../src/main/engine/db/migrations';
import { DATABASE_FILE } from '../../../src/main/engine/engine';
import { VaultError } from '../../../src/main/engine/errors';
import { openTestEngine } from '../../support/engine';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();

describe('engine', () => {
  it('creates a missing vault folder with a WAL database at the latest schema', async () => {
    const vaultDir = path.join(await tempDir(), 'nested', 'Vault');
    const engine = await openTestEngine(vaultDir);
    const info = await engine.handlers['vault.info']({});
    await engine.close();
    expect(info).toEqual({
      dir: vaultDir,
      schemaVersion: LATEST_SCHEMA_VERSION,
      appVersion: '0.0.0-test',
      importFolder: null,
    });
    const db = new Database(path.join(vaultDir, DATABASE_FILE), { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('lists no conversations in a new vault', async () => {
    const engine = await openTestEngine(await tempDir());
    await expect(engine.handlers['conversations.list']({})).resolves.toEqual([]);
    await engine.close();
  });

  it('lists conversations newest first with their participants and ISO times', async () => {
    const vaultDir = await tempDir();
    await (await openTestEngine(vaultDir)).close();
    const db = new Database(path.join(vaultDir, DATABASE_FILE));
    const insert = db.prepare(
      'INSERT INTO conversations (id, platform, title, message_count, first_at, last_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    insert.run('old', 'whatsapp', 'Old chat', 2, Date.UTC(2019, 0, 1), Date.UTC(2019, 0, 2));
    insert.run('new', 'wechat', '家人群', 5, Date.UTC(2024, 5, 1), Date.UTC(2024, 5, 3, 8, 30));
    insert.run('none', 'slack', 'Quiet', 0, null, null);
    db.prepare("INSERT INTO participants VALUES ('new', '妈妈'), ('new', '我')").run();
    db.close();

    const engine = await openTestEngine(vaultDir);
    const list = await engine.handlers['conversations.list']({});
    await engine.close();
    expect(list.map((conversation) => conversation.id)).toEqual(['new', 'old', 'none']);
    expect(list[0]).toEqual({
      id: 'new',
      title: '家人群',
      platform: 'wechat',
      messageCount: 5,
      firstAt: '2024-06-01T00:00:00.000Z',
      lastAt: '2024-06-03T08:30:00.000Z',
      participants: ['妈妈', '我'],
      lastMessage: null,
    });
    expect(list[2]?.participants).toEqual([]);
  });

  it('refuses a vault from a newer version with a coded error naming the database', async () => {
    const vaultDir = await tempDir();
    const db = new Database(path.join(vaultDir, DATABASE_FILE));
    db.pragma('user_version = 999');
    db.close();
    const failure = await openTestEngine(vaultDir).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(VaultError);
    expect(failure).toMatchObject({
      code: 'VAULT_FROM_FUTURE',
      file: path.join(vaultDir, DATABASE_FILE),
    });
  });

  it('starts the import threads with the vault when asked, and imports once it is migrated', async () => {
    const dir = await tempDir();
    const chat = path.join(dir, 'WhatsApp Chat with Ana.txt');
    await writeFile(chat, '13/01/2015, 09:41 - Ana: hello\n13/01/2015, 09:42 - Bo: 你好\n');
    const engine = await openTestEngine(path.join(dir, 'Vault'), { startImporter: true });
    const [item] = await engine.importAndWait([chat]);
    await engine.close();
    expect(item).toMatchObject({ status: 'imported', messagesAdded: 2 });
  });

  it('refuses a vault from a newer version with the import threads already started', async () => {
    const vaultDir = await tempDir();
    const db = new Database(path.join(vaultDir, DATABASE_FILE));
    db.pragma('user_version = 999');
    db.close();
    const failure = await openTestEngine(vaultDir, { startImporter: true }).catch(
      (error: unknown) => error,
    );
    expect(failure).toMatchObject({ code: 'VAULT_FROM_FUTURE' });
  });

  it('reports a vault folder that cannot be created', async () => {
    const blocker = path.join(await tempDir(), 'a-file');
    await writeFile(blocker, 'not a folder');
    const failure = await openTestEngine(path.join(blocker, 'Vault')).catch(
      (error: unknown) => error,
    );
    expect(failure).toMatchObject({ code: 'VAULT_DIR_UNAVAILABLE' });
    expect(existsSync(path.join(blocker, 'Vault'))).toBe(false);
  });
});

describe('paging a conversation', () => {
  async function vaultWith(count: number) {
    const vaultDir = await tempDir();
    await (await openTestEngine(vaultDir)).close();
    const db = new Database(path.join(vaultDir, DATABASE_FILE));
    db.prepare(
      "INSERT INTO conversations (id, platform, title) VALUES ('c', 'whatsapp', 'Chat')",
    ).run();
    db.prepare(
      "INSERT INTO archives (public_id, name, source_path, format, container, status, started_at) VALUES ('a', 'x', 'x', 'whatsapp-txt', 'file', 'complete', 0)",
    ).run();
    const insert = db.prepare(
      "INSERT INTO messages (conversation_id, key, sent_at, sender, kind, text, archive_id) VALUES ('c', ?, ?, 'Ana', 'text', ?, 1)",
    );
    // Pairs of messages share a time, so the id must break ties.
    for (let i = 0; i < count; i += 1) insert.run(`k${i}`, Math.floor(i / 2) * 60_000, `m${i}`);
    db.close();
    return openTestEngine(vaultDir);
  }
  const texts = (page: { messages: readonly { text: string }[] }) =>
    page.messages.map((m) => m.text);

  it('opens at the end, oldest first within the page, and says there is more before', async () => {
    const engine = await vaultWith(10);
    const page = await engine.handlers['messages.page']({
      conversationId: 'c',
      anchor: { kind: 'end' },
      limit: 3,
    });
    expect(texts(page)).toEqual(['m7', 'm8', 'm9']);
    expect(page.more).toBe(true);
    await engine.close();
  });

  it('walks back and forth from a message without gaps or repeats, ties broken by id', async () => {
    const engine = await vaultWith(10);
    const seen: string[] = [];
    let page = await engine.handlers['messages.page']({
      conversationId: 'c',
      anchor: { kind: 'start' },
      limit: 3,
    });
    seen.push(...texts(page));
    while (page.more) {
      const last = page.messages.at(-1)?.id ?? '';
      page = await engine.handlers['messages.page']({
        conversationId: 'c',
        anchor: { kind: 'after', messageId: last },
        limit: 3,
      });
      seen.push(...texts(page));
    }
    expect(seen).toEqual(Array.from({ length: 10 }, (_, i) => `m${i}`));
    const before = await engine.handlers['messages.page']({
      conversationId: 'c',
      anchor: { kind: 'before', messageId: page.messages[0]?.id ?? '' },
      limit: 2,
    });
    expect(texts(before)).toEqual(['m7', 'm8']);
    await engine.close();
  });

  it('answers an unknown anchor with an empty page', async () => {
    const engine = await vaultWith(3);
    await expect(
      engine.handlers['messages.page']({
        conversationId: 'c',
        anchor: { kind: 'after', messageId: '999' },
        limit: 5,
      }),
    ).resolves.toEqual({ messages: [], more: false });
    await engine.close();
  });
});
