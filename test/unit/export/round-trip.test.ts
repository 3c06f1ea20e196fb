/**
 * Exporting to JSON or ChatLab JSONL and importing the result into a fresh vault gives the same
 * messages: times to the millisecond, senders, kinds, texts, platform ids, replies, edits, forwards,
 * reactions, formatting, and files (the same stored bytes, found again beside the export).
 */
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { openVaultDb } from '../../support/vault-db';
import { openTestEngine } from '../../support/engine';
import { makeZip } from '../../support/make-zip';
import { tinyPng } from '../../support/tiny-png';
import { useTempDirs } from '../../support/temp-dir';
import { allMessages } from '../../support/vault-messages';
import type { Engine } from '../../../src/main/engine/engine';

const tempDir = useTempDirs();
// Each test opens real engines (database and import threads) on a shared two-core machine.
vi.setConfig({ testTimeout: 30_000 });

async function exportTo(
  engine: Engine,
  conversationId: string,
  format: 'json' | 'chatlab',
  destination: string,
) {
  const { task } = await engine.handlers['export.start']({
    conversationIds: [conversationId],
    format,
    destination,
  });
  return engine.taskSettled(task.id);
}

/** A WhatsApp zip with a photo, imported into a fresh vault. */
async function whatsAppVault() {
  const input = path.join(await tempDir(), 'WhatsApp Chat with Ana.zip');
  await writeFile(
    input,
    makeZip([
      {
        name: '_chat.txt',
        data:
          '5/1/22, 8:00 AM - Ana: IMG-20220501-WA0001.png (file attached)\n' +
          '5/1/22, 8:01 AM - Bo: VID-20220501-WA0002.mp4 (file attached)\n' +
          '5/1/22, 8:02 AM - Ana: two\nlines <b>not bold</b>\n' +
          '5/1/22, 8:02 AM - Ana: same\n5/1/22, 8:02 AM - Ana: same\n' +
          '5/1/22, 8:03 AM - Messages and calls are end-to-end encrypted.\n' +
          '5/2/22, 9:00 AM - Bo: 你好 https://example.com/a?b=1\n',
      },
      { name: 'IMG-20220501-WA0001.png', data: tinyPng(8, [10, 200, 30]) },
    ]),
  );
  const engine = await openTestEngine(await tempDir());
  const [item] = await engine.importAndWait([input]);
  expect(item?.status).toBe('imported');
  const [conversation] = await engine.handlers['conversations.list']({});
  return { engine, conversationId: conversation?.id ?? '' };
}

/** A Telegram export with ids, a reply, an edit, a forward, reactions and formatting. */
async function telegramVault() {
  const input = path.join(await tempDir(), 'result.json');
  await writeFile(
    input,
    JSON.stringify({
      name: 'Team',
      type: 'private_group',
      id: 77,
      messages: [
        {
          id: 1,
          type: 'message',
          date: '2023-01-01T10:00:00',
          date_unixtime: '1672567200',
          from: 'Ana',
          from_id: 'user1',
          text: ['plain ', { type: 'bold', text: 'bold' }],
          text_entities: [
            { type: 'plain', text: 'plain ' },
            { type: 'bold', text: 'bold' },
          ],
          reactions: [{ type: 'emoji', count: 2, emoji: '👍' }],
        },
        {
          id: 2,
          type: 'message',
          date: '2023-01-01T10:01:00',
          date_unixtime: '1672567260',
          edited: '2023-01-01T10:05:00',
          edited_unixtime: '1672567500',
          from: 'Bo',
          from_id: 'user2',
          reply_to_message_id: 1,
          forwarded_from: 'Chen',
          text: 'reply',
          text_entities: [{ type: 'plain', text: 'reply' }],
        },
        {
          id: 3,
          type: 'service',
          date: '2023-01-01T10:02:00',
          date_unixtime: '1672567320',
          actor: 'Ana',
          actor_id: 'user1',
          action: 'pin_message',
          message_id: 1,
          text: '',
          text_entities: [],
        },
      ],
    }),
  );
  const engine = await openTestEngine(await tempDir());
  const [item] = await engine.importAndWait([input]);
  expect(item?.status).toBe('imported');
  const [conversation] = await engine.handlers['conversations.list']({});
  return { engine, conversationId: conversation?.id ?? '' };
}

describe.each(['json', 'chatlab'] as const)('a %s round trip', (format) => {
  it.each([
    ['WhatsApp zip with a photo', whatsAppVault],
    ['Telegram chat with replies and reactions', telegramVault],
  ])('gives back the same messages of a %s in a fresh vault', async (name, make) => {
    const { engine, conversationId } = await make();
    const before = await allMessages(engine, conversationId);
    // The samples hold what a round trip could lose.
    if (name.startsWith('WhatsApp')) {
      expect(before.flatMap((m) => m.attachments.map((a) => a.sha256 !== null))).toEqual([
        true,
        false,
      ]);
      expect(before.filter((m) => m.text === 'same')).toHaveLength(2);
      expect(before.some((m) => m.kind === 'system' && m.sender === null)).toBe(true);
    } else {
      expect(before.map((m) => m.externalId)).toEqual(['1', '2', '3']);
      expect(before[0]?.reactions).toEqual([{ emoji: '👍', count: 2 }]);
      expect(before[0]?.entities?.length).toBeGreaterThan(0);
      expect(before[1]).toMatchObject({
        replyTo: '1',
        forwardedFrom: 'Chen',
        editedAt: 1672567500000,
      });
    }
    const [original] = await engine.handlers['conversations.list']({});
    const destination = await tempDir();
    const task = await exportTo(engine, conversationId, format, destination);
    await engine.close();
    expect(task.status).toBe('done');
    const [written] = task.written;
    expect(written?.messages).toBe(before.length);

    const fresh = await openTestEngine(await tempDir());
    const [again] = await fresh.importAndWait([written?.path ?? '']);
    expect(again?.error).toBeNull();
    expect(again).toMatchObject({
      status: 'imported',
      format: format === 'json' ? 'chat-vault-json' : 'chatlab-jsonl',
      messagesAdded: before.length,
    });
    const [copy] = await fresh.handlers['conversations.list']({});
    expect(copy).toMatchObject({
      id: original?.id,
      title: original?.title,
      platform: original?.platform,
      messageCount: original?.messageCount,
      participants: original?.participants,
    });
    expect(await allMessages(fresh, copy?.id ?? '')).toEqual(before);
    await fresh.close();
  });
});

describe('importing an export back into its own vault', () => {
  it('adds nothing: every message is recognised', async () => {
    const { engine, conversationId } = await whatsAppVault();
    const destination = await tempDir();
    const task = await exportTo(engine, conversationId, 'json', destination);
    const [again] = await engine.importAndWait([task.written[0]?.path ?? '']);
    expect(again).toMatchObject({ status: 'imported', messagesAdded: 0, messagesExisting: 7 });
    expect(await engine.handlers['conversations.list']({})).toHaveLength(1);
    await engine.close();
    const db = openVaultDb(engine.vaultDir);
    expect(db.prepare('SELECT count(*) FROM messages').pluck().get()).toBe(7);
    db.close();
    expect(await readdir(destination)).toEqual(['Ana']);
  });
});
