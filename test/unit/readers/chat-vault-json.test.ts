/** Chat Vault's own JSON export read back: checked against its schema, streamed, never trusted. */
import { describe, expect, it } from 'vitest';
import { readChatVaultJson } from '../../../src/main/engine/readers/chat-vault-json';
import type { ReadRecord } from '../../../src/main/engine/readers/records';
import { eachRecord } from '../../support/each-record';
import { memorySource } from '../../support/memory-source';
import { messagesOf, participantsOf, readAll } from '../../support/read-records';

const info = { format: 'chat-vault-export', version: 1, exportedAt: '2024-01-01T00:00:00.000Z' };
const conversation = {
  id: 'c_0123456789abcdef0123',
  title: 'Ana',
  platform: 'whatsapp',
  participants: ['Ana', 'Bo'],
};
const message = (text: string, extra: Record<string, unknown> = {}) => ({
  externalId: null,
  sentAt: '2024-01-01T09:00:00.123Z',
  sender: 'Ana',
  kind: 'text',
  text,
  replyTo: null,
  forwardedFrom: null,
  editedAt: null,
  reactions: [],
  entities: null,
  attachments: [],
  ...extra,
});

const file = (document: unknown, chunkBytes = 9) =>
  memorySource({ 'Ana.chatvault.json': JSON.stringify(document, null, 1) }, { chunkBytes });

describe('the Chat Vault JSON reader', () => {
  it('reads the conversation (keeping its vault id and platform) and its messages', async () => {
    const records = await readAll(
      readChatVaultJson,
      file({
        chatVault: info,
        conversation,
        messages: [message('hi'), message('yo', { sender: 'Cy' })],
      }),
    );
    expect(records[0]).toEqual({
      type: 'conversation',
      ref: 'conversation',
      platform: 'whatsapp',
      title: 'Ana',
      identity: 'chat-vault:c_0123456789abcdef0123',
      vaultId: 'c_0123456789abcdef0123',
    });
    expect(participantsOf(records)).toEqual(['Ana', 'Bo', 'Cy']);
    expect(messagesOf(records).map((m) => [m.text, m.sentAt])).toEqual([
      ['hi', Date.UTC(2024, 0, 1, 9, 0, 0, 123)],
      ['yo', Date.UTC(2024, 0, 1, 9, 0, 0, 123)],
    ]);
  });

  it('skips a message that breaks the schema, saying where and why', async () => {
    const records = await readAll(
      readChatVaultJson,
      file({
        chatVault: info,
        conversation,
        messages: [message('ok'), message('bad', { kind: 'sticker' }), { text: 1 }],
      }),
    );
    expect(messagesOf(records).map((m) => m.text)).toEqual(['ok']);
    const warnings = records.filter(
      (r): r is Extract<ReadRecord, { type: 'warning' }> => r.type === 'warning',
    );
    expect(warnings.map((w) => w.code)).toEqual(['MESSAGE_SKIPPED', 'MESSAGE_SKIPPED']);
    expect(warnings[0]?.message).toMatch(/at byte \d+ .*kind/u);
  });

  it('keeps file paths inside the export', async () => {
    const attachments = [
      { name: 'a.jpg', mime: 'image/jpeg', bytes: 3, sha256: null, file: 'media/a.jpg' },
      { name: 'b', mime: null, bytes: null, sha256: null, file: '../../secret' },
      { name: 'c', mime: null, bytes: null, sha256: null, file: '/etc/passwd' },
      { name: 'd', mime: null, bytes: null, sha256: null, file: null },
    ];
    const source = memorySource(
      {
        'Ana/Ana.chatvault.json': JSON.stringify({
          chatVault: info,
          conversation,
          messages: [message('', { kind: 'media', attachments })],
        }),
        'Ana/media/a.jpg': Buffer.from('abc'),
      },
      { container: 'zip' },
    );
    const [read] = messagesOf(await readAll(readChatVaultJson, source));
    expect(read?.attachments.map((a) => a.entryPath)).toEqual([
      'Ana/media/a.jpg',
      null,
      null,
      null,
    ]);
  });

  it('refuses JSON that is not a Chat Vault export, and one with messages before the conversation', async () => {
    await expect(readAll(readChatVaultJson, file({ messages: [] }))).rejects.toMatchObject({
      code: 'INVALID_FORMAT',
      position: { entry: 'Ana.chatvault.json' },
    });
    await expect(
      readAll(readChatVaultJson, file({ chatVault: info, messages: [message('x')], conversation })),
    ).rejects.toMatchObject({ code: 'INVALID_FORMAT' });
    await expect(readAll(readChatVaultJson, file([1, 2]))).rejects.toMatchObject({
      code: 'INVALID_FORMAT',
    });
  });

  it('ends a truncated file with TRUNCATED after every complete message', async () => {
    const text = JSON.stringify({
      chatVault: info,
      conversation,
      messages: [message('one'), message('two')],
    });
    const cut = text.slice(0, text.lastIndexOf('"two"'));
    const records: ReadRecord[] = [];
    const failure = await (async () => {
      for await (const record of eachRecord(
        readChatVaultJson(memorySource({ 'x.chatvault.json': cut }), {}),
      ))
        records.push(record);
    })().catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'TRUNCATED' });
    expect(messagesOf(records).map((m) => m.text)).toEqual(['one']);
  });

  it('warns once about a newer format version and reads what it knows', async () => {
    const records = await readAll(
      readChatVaultJson,
      file({
        chatVault: { ...info, version: 2, extra: true },
        conversation,
        messages: [message('hi', { future: 1 })],
      }),
    );
    expect(
      records.filter((r) => r.type === 'warning').map((r) => (r.type === 'warning' ? r.code : '')),
    ).toEqual(['NEWER_EXPORT_VERSION']);
    expect(messagesOf(records)).toHaveLength(1);
  });
});
