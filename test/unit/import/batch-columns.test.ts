import { describe, expect, it } from 'vitest';
import { encodeBatch } from '../../../src/main/engine/import/batch-columns';
import type { Batch } from '../../../src/main/engine/import/vault-writer';

describe('a batch laid out by column', () => {
  it('holds every field of every message by column, through a copy to another thread', () => {
    const batch: Batch = {
      conversations: [{ id: 'c1', platform: 'telegram', title: 'Family' }],
      participants: [{ conversationId: 'c1', name: 'Ana' }],
      messages: [
        {
          conversationId: 'c1',
          key: 'id:1',
          externalId: '1',
          sentAt: 1_700_000_000_000,
          sender: 'Ana',
          kind: 'media',
          text: '看 this 👀',
          replyTo: null,
          forwardedFrom: 'Bo',
          editedAt: 1_700_000_060_000,
          reactionsJson: '[{"emoji":"❤","count":2}]',
          entitiesJson: null,
          attachments: [
            { name: 'photo.jpg', mime: 'image/jpeg', sha256: 'ab'.repeat(32), bytes: 12 },
            { name: 'missing.mp4', mime: null, sha256: null, bytes: null },
          ],
        },
        {
          conversationId: 'c1',
          key: 't:abc:xyz',
          externalId: null,
          sentAt: -86_400_000,
          sender: null,
          kind: 'system',
          text: '',
          replyTo: '1',
          forwardedFrom: null,
          editedAt: null,
          reactionsJson: null,
          entitiesJson: '[{"type":"bold","offset":0,"length":1}]',
          attachments: [],
        },
      ],
    };
    const { columns, transfer } = encodeBatch(batch);
    expect(transfer).toEqual([columns.times.buffer]);
    const copy = structuredClone(columns);
    expect(copy.conversations).toEqual(batch.conversations);
    expect(copy.participants).toEqual(batch.participants);
    expect(copy.conversationId).toEqual(['c1', 'c1']);
    expect(copy.key).toEqual(['id:1', 't:abc:xyz']);
    expect(copy.externalId).toEqual(['1', null]);
    expect([...copy.times]).toEqual([
      1_700_000_000_000,
      1_700_000_060_000,
      -86_400_000,
      Number.NaN,
    ]);
    expect(copy.sender).toEqual(['Ana', null]);
    expect(copy.kind).toEqual(['media', 'system']);
    expect(copy.text).toEqual(['看 this 👀', '']);
    expect(copy.replyTo).toEqual([null, '1']);
    expect(copy.forwardedFrom).toEqual(['Bo', null]);
    expect(copy.reactionsJson).toEqual(['[{"emoji":"❤","count":2}]', null]);
    expect(copy.entitiesJson).toEqual([null, '[{"type":"bold","offset":0,"length":1}]']);
    expect(copy.attachmentsJson.map((json) => (json === null ? null : JSON.parse(json)))).toEqual(
      batch.messages.map((message) =>
        message.attachments.length === 0 ? null : message.attachments,
      ),
    );
  });

  it('carries an empty batch', () => {
    const { columns } = encodeBatch({ conversations: [], participants: [], messages: [] });
    expect(columns.key).toEqual([]);
    expect(columns.times.length).toBe(0);
  });
});
