/**
 * The Messenger reader against every Messenger sample in ../shared/fixtures/messenger, asserting
 * the facts each sample's EXPECTED file states, and one import through the engine so the rows land
 * in a vault. Where a statement describes a peer's own model rather than the export, the test
 * asserts the reader's documented rule and says why.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMessengerJson } from '../../src/main/engine/readers/messenger';
import { importOneThroughEngine } from '../support/engine-import-one';
import { memorySource } from '../support/memory-source';
import { fixturesDir } from '../support/paths';
import { conversationsOf, readOutcome } from '../support/read-outcome';
import { messagesOf, participantsOf } from '../support/read-records';
import { useTempDirs } from '../support/temp-dir';

const samples = path.join(fixturesDir, 'messenger');
const sample = (...parts: string[]): string => path.join(samples, ...parts);
const tempDir = useTempDirs();

async function readSample(...parts: string[]) {
  const file = sample(...parts);
  const source = memorySource({ [path.basename(file)]: readFileSync(file) }, { chunkBytes: 11 });
  const outcome = await readOutcome(readMessengerJson, source);
  expect(outcome.error).toBeNull();
  return outcome.records;
}

describe('every Messenger sample', () => {
  const files = readdirSync(samples).flatMap((folder) =>
    readdirSync(sample(folder))
      .filter((name) => name.endsWith('.json'))
      .map((name) => [folder, name] as const),
  );

  it('includes the chat-analytics sample', () => {
    expect(files).toContainEqual(['chat-analytics-2A_7M', '2A_7M.json']);
  });

  it.each(files)(
    '%s/%s reads without an error into a conversation with messages',
    async (folder, name) => {
      const records = await readSample(folder, name);
      expect(conversationsOf(records)).toHaveLength(1);
      expect(messagesOf(records).length).toBeGreaterThan(0);
    },
  );
});

describe('chat-analytics 2A_7M (hand-written, starts with a BOM)', () => {
  const load = () => readSample('chat-analytics-2A_7M', '2A_7M.json');

  it('is one direct chat, "inbox/alice_aaaaaaaaaa", between Alice and Bob', async () => {
    const records = await load();
    // EXPECTED names the channel by its thread_path; the vault's identity is the thread's folder
    // name (the last part of that path), which stays the same when the thread moves from inbox/ to
    // archived_threads/ in a later export.
    expect(conversationsOf(records)).toEqual([
      {
        type: 'conversation',
        ref: 'thread-1',
        platform: 'messenger',
        title: 'Alice',
        identity: 'messenger:alice_aaaaaaaaaa',
      },
    ]);
    expect(participantsOf(records).sort()).toEqual(['Alice', 'Bob']);
  });

  it('has the seven listed messages with their senders, times, texts and attachment kinds', async () => {
    // EXPECTED lists them oldest first ("the parser must emit them oldest-first"). The reader
    // streams a thread in the file's order (newest first), holding nothing but the messages of one
    // millisecond, and the vault orders by time: sorted by time they are the listed order, and the
    // engine import below shows the vault giving them back oldest first.
    const messages = [...messagesOf(await load())].sort((a, b) => a.sentAt - b.sentAt);
    expect(messages.map((m) => [m.sender, m.sentAt, m.kind, m.text])).toEqual([
      ['Bob', 1415147240411, 'media', ''],
      ['Bob', 1415147254275, 'media', ''],
      ['Alice', 1415147297141, 'media', ''],
      ['Bob', 1415147308604, 'media', ''],
      ['Bob', 1415147325354, 'text', 'you what'],
      ['Bob', 1415147681489, 'text', 'Whats up!'],
      ['Alice', 1415147732056, 'text', 'Hello'],
    ]);
    // Image, Sticker, Audio, Other: a photo, a sticker, a voice clip and a document. The sample is
    // a lone file, so the files themselves are not in it.
    expect(messages.slice(0, 4).map((m) => m.attachments)).toEqual([
      [{ entryPath: null, name: '123123123123123.jpg', mime: 'image/jpeg' }],
      [{ entryPath: null, name: '123123123123123.png', mime: 'image/png' }],
      [{ entryPath: null, name: 'audioclip11111.mp4', mime: 'audio/mp4' }],
      [
        {
          entryPath: null,
          name: 'blabla.docx',
          mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        },
      ],
    ]);
  });

  it('lands in the vault through the engine, oldest first, with the files marked missing', async () => {
    const result = await importOneThroughEngine(
      await tempDir(),
      sample('chat-analytics-2A_7M', '2A_7M.json'),
    );
    expect(result.item).toMatchObject({
      status: 'imported',
      format: 'messenger-json',
      conversations: 1,
      messagesAdded: 7,
    });
    const [conversation] = result.conversations;
    expect(conversation).toMatchObject({ title: 'Alice', platform: 'messenger', messageCount: 7 });
    const stored = result.messages.get(conversation?.id ?? '') ?? [];
    const iso = (ms: number): string => new Date(ms).toISOString();
    expect(stored.map((m) => [m.sender, m.sentAt])).toEqual([
      ['Bob', iso(1415147240411)],
      ['Bob', iso(1415147254275)],
      ['Alice', iso(1415147297141)],
      ['Bob', iso(1415147308604)],
      ['Bob', iso(1415147325354)],
      ['Bob', iso(1415147681489)],
      ['Alice', iso(1415147732056)],
    ]);
    expect(stored[0]?.attachments).toEqual([
      { name: '123123123123123.jpg', mime: 'image/jpeg', bytes: null, sha256: null },
    ]);
  });
});
