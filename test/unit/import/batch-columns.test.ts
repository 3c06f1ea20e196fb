import { describe, expect, it } from 'vitest';
import {
  BatchPacker,
  packBatch,
  transferOf,
  unpackBatch,
  type PackedBatch,
} from '../../../src/main/engine/import/batch-columns';
import { BatchPolicy, MAX_BATCH_BYTES } from '../../../src/main/engine/import/batch-policy';
import type { AttachmentRow, MessageRow } from '../../../src/main/engine/import/vault-writer';
import { textMessageRow } from '../../support/vault-db';

const PHOTO: AttachmentRow = {
  name: 'photo.jpg',
  mime: 'image/jpeg',
  sha256: 'ab'.repeat(32),
  bytes: 12,
};

/** A message row with no sender, key 'k', time 0 and no text unless told otherwise. */
const row = (fields: Partial<MessageRow>): MessageRow =>
  textMessageRow({ key: 'k', sentAt: 0, text: '', sender: null, ...fields });

/** The batch as the writer thread gets it: its buffers transferred, then unpacked. */
function acrossThreads(batch: PackedBatch) {
  return unpackBatch(structuredClone(batch, { transfer: transferOf(batch) }));
}

describe('a batch packed for the writer thread', () => {
  it('holds every field of every message, through a transfer to another thread', () => {
    const rows = [
      row({
        key: 'id:1',
        externalId: '1',
        sentAt: 1_700_000_000_000,
        sender: 'Ana',
        kind: 'media',
        text: '看 this 👀',
        forwardedFrom: 'Bo',
        editedAt: 1_700_000_060_000,
        reactionsJson: '[{"emoji":"❤","count":2}]',
        attachments: [PHOTO, { name: 'missing.mp4', mime: null, sha256: null, bytes: null }],
      }),
      row({
        key: 't:abc:xyz',
        sentAt: -86_400_000,
        kind: 'system',
        replyTo: '1',
        entitiesJson: '[{"type":"bold","offset":0,"length":1}]',
      }),
      row({ conversationId: 'c2', key: '', sender: '', text: 'é\u0000\n\u{1F468}\u200D\u{1F469}' }),
      row({ kind: 'call' }),
      row({ conversationId: 'c2', kind: 'other' }),
    ];
    const columns = acrossThreads(
      packBatch({
        conversations: [{ id: 'c1', platform: 'telegram', title: 'Family' }],
        participants: [{ conversationId: 'c1', name: 'Ana' }],
        messages: rows,
      }),
    );
    expect(columns.conversations).toEqual([{ id: 'c1', platform: 'telegram', title: 'Family' }]);
    expect(columns.participants).toEqual([{ conversationId: 'c1', name: 'Ana' }]);
    expect(columns.conversationId).toEqual(['c1', 'c1', 'c2', 'c1', 'c2']);
    expect(columns.key).toEqual(['id:1', 't:abc:xyz', '', 'k', 'k']);
    expect(columns.externalId).toEqual(['1', null, null, null, null]);
    expect([...columns.times]).toEqual([
      1_700_000_000_000,
      1_700_000_060_000,
      -86_400_000,
      Number.NaN,
      0,
      Number.NaN,
      0,
      Number.NaN,
      0,
      Number.NaN,
    ]);
    expect(columns.sender).toEqual(['Ana', null, '', null, null]);
    expect(columns.kind).toEqual(['media', 'system', 'text', 'call', 'other']);
    expect(columns.text).toEqual(['看 this 👀', '', 'é\u0000\n\u{1F468}\u200D\u{1F469}', '', '']);
    expect(columns.replyTo).toEqual([null, '1', null, null, null]);
    expect(columns.forwardedFrom).toEqual(['Bo', null, null, null, null]);
    expect(columns.reactionsJson).toEqual(['[{"emoji":"❤","count":2}]', null, null, null, null]);
    const bold = '[{"type":"bold","offset":0,"length":1}]';
    expect(columns.entitiesJson).toEqual([null, bold, null, null, null]);
    expect(
      columns.attachmentsJson.map((json) => (json === null ? null : JSON.parse(json))),
    ).toEqual([rows[0]?.attachments, null, null, null, null]);
  });

  it('keeps long batches and long texts exact past its first buffer sizes', () => {
    const rows = Array.from({ length: 3000 }, (_, index) =>
      row({
        key: `k${index}`,
        sentAt: index,
        sender: index % 2 === 0 ? '李雷' : null,
        text: index % 500 === 0 ? `${'长'.repeat(40_000)}${index}` : `message ${index} 🙂`,
      }),
    );
    const columns = acrossThreads(
      packBatch({ conversations: [], participants: [], messages: rows }),
    );
    expect(columns.key).toEqual(rows.map((message) => message.key));
    expect(columns.sender).toEqual(rows.map((message) => message.sender));
    expect(columns.text).toEqual(rows.map((message) => message.text));
    expect([...columns.times].filter((_, index) => index % 2 === 0)).toEqual(
      rows.map((message) => message.sentAt),
    );
  });

  it('gives a lone surrogate U+FFFD in its place and every other string exact', () => {
    const columns = acrossThreads(
      packBatch({
        conversations: [],
        participants: [],
        messages: [row({ text: 'a\uD800b', sender: '\uDC00' }), row({ text: 'after' })],
      }),
    );
    expect(columns.text).toEqual(['a\uFFFDb', 'after']);
    expect(columns.sender).toEqual(['\uFFFD', null]);
  });

  it('waits for attachments still being stored, and keeps the order messages came in', async () => {
    const packer = new BatchPacker();
    let store: (rows: readonly AttachmentRow[]) => void = () => undefined;
    packer.add(row({ key: 'first' }));
    packer.add(
      row({ key: 'with-photo', attachments: [{ ...PHOTO, sha256: null, bytes: null }] }),
      new Promise((resolve) => (store = resolve)),
    );
    packer.add(row({ key: 'last', attachments: [PHOTO] }));
    expect(packer.count).toBe(3);
    const taken = packer.take();
    store([PHOTO]);
    const columns = acrossThreads(await taken);
    expect(columns.key).toEqual(['first', 'with-photo', 'last']);
    expect(columns.attachmentsJson).toEqual([
      null,
      JSON.stringify([PHOTO]),
      JSON.stringify([PHOTO]),
    ]);
  });

  it('will not hand over a batch at once while attachments are still being stored', () => {
    const packer = new BatchPacker();
    packer.add(row({}), Promise.resolve([PHOTO]));
    expect(() => packer.takeNow()).toThrow(/take/);
  });

  it('keeps no buffer of a batch of long messages for the batches after it', () => {
    const packer = new BatchPacker();
    packer.add(row({ text: 'x'.repeat(10 * 1024 * 1024) }));
    expect(packer.takeNow().bytes.byteLength).toBe(10 * 1024 * 1024 + 'k'.length);
    packer.add(row({ text: 'short' }));
    expect(packer.takeNow().bytes.buffer.byteLength).toBeLessThanOrEqual(4 * 1024 * 1024);
  });

  it('starts anew after each take, leaving the batch taken as it was', () => {
    const packer = new BatchPacker();
    packer.add(row({ key: 'a', text: 'one' }));
    // The strings' bytes; the conversation and kind go by number.
    expect(packer.byteLength).toBe('a'.length + 'one'.length);
    const first = packer.takeNow();
    expect([packer.count, packer.byteLength]).toEqual([0, 0]);
    packer.add(row({ key: 'b', text: 'two' }));
    const second = packer.takeNow();
    expect(unpackBatch(first).key).toEqual(['a']);
    expect(unpackBatch(second).text).toEqual(['two']);
  });

  it('refuses a message of a kind the vault does not know, rather than store another kind', () => {
    const packer = new BatchPacker();
    expect(() => packer.add(row({ kind: 'sticker' as MessageRow['kind'] }))).toThrow(/sticker/);
  });

  it('carries an empty batch', () => {
    const columns = acrossThreads(packBatch({ conversations: [], participants: [], messages: [] }));
    expect(columns.key).toEqual([]);
    expect(columns.times.length).toBe(0);
  });

  it('is due for a commit once its strings reach MAX_BATCH_BYTES, however few its messages', () => {
    const policy = new BatchPolicy();
    policy.committed();
    expect(policy.due(10, MAX_BATCH_BYTES - 1)).toBe(false);
    expect(policy.due(10, MAX_BATCH_BYTES)).toBe(true);
    expect(policy.due(0, MAX_BATCH_BYTES)).toBe(false);
  });
});
