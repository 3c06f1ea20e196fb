import { describe, expect, it } from 'vitest';
import { decodeBatch, encodeBatch } from '../../../src/main/engine/import/batch-columns';
import type { Batch } from '../../../src/main/engine/import/vault-writer';

describe('a batch laid out by column', () => {
  it('comes back exactly as it went, nulls, attachments and all', () => {
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
    expect(decodeBatch(structuredClone(columns))).toEqual(batch);
  });

  it('carries an empty batch', () => {
    const batch: Batch = { conversations: [], participants: [], messages: [] };
    expect(decodeBatch(encodeBatch(batch).columns)).toEqual(batch);
  });
});
