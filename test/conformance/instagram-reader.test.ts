/**
 * The Instagram reader (the Messenger reader, naming the platform Instagram) against every
 * Instagram sample in ../shared/fixtures/instagram, asserting the facts each sample's EXPECTED file
 * states, and one import through the engine so the rows land in a vault.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInstagramJson } from '../../src/main/engine/readers/messenger';
import { importOneThroughEngine } from '../support/engine-import-one';
import { memorySource } from '../support/memory-source';
import { fixturesDir } from '../support/paths';
import { conversationsOf, readOutcome } from '../support/read-outcome';
import { messagesOf } from '../support/read-records';
import { useTempDirs } from '../support/temp-dir';

const samples = path.join(fixturesDir, 'instagram');
const sample = (...parts: string[]): string => path.join(samples, ...parts);
const tempDir = useTempDirs();

async function readSample(...parts: string[]) {
  const file = sample(...parts);
  const source = memorySource({ [path.basename(file)]: readFileSync(file) }, { chunkBytes: 9 });
  const outcome = await readOutcome(readInstagramJson, source);
  expect(outcome.error).toBeNull();
  return outcome.records;
}

describe('every Instagram sample', () => {
  const files = readdirSync(samples).flatMap((folder) =>
    readdirSync(sample(folder))
      // chat-miner's target.json is the peer's expected output, not an export.
      .filter((name) => name.endsWith('.json') && name !== 'target.json')
      .map((name) => [folder, name] as const),
  );

  it('includes the chat-miner sample', () => {
    expect(files).toContainEqual(['chat-miner-minimal', 'test_export.json']);
  });

  it.each(files)(
    '%s/%s reads without an error into a conversation with messages',
    async (folder, name) => {
      const records = await readSample(folder, name);
      expect(conversationsOf(records)).toHaveLength(1);
      expect(conversationsOf(records)[0]?.platform).toBe('instagram');
      expect(messagesOf(records).length).toBeGreaterThan(0);
    },
  );
});

describe('chat-miner minimal (hand-made, only "messages")', () => {
  it('has the two listed messages with their authors, texts and times', async () => {
    const records = await readSample('chat-miner-minimal', 'test_export.json');
    // EXPECTED: "file order = newest first, kept". The reader yields them in the file's order too;
    // the vault then orders the conversation by time (oldest first), see the engine import below.
    expect(messagesOf(records).map((m) => [m.sender, m.text, m.sentAt])).toEqual([
      ['John Doe', 'Hello Jane!', 1579294140000],
      ['Jane Doe', 'Hello John!', 1577186580000],
    ]);
    expect(new Date(1579294140000).toISOString()).toBe('2020-01-17T20:49:00.000Z');
    expect(new Date(1577186580000).toISOString()).toBe('2019-12-24T11:23:00.000Z');
    // The file names neither its chat nor its participants: the chat is named after its senders.
    expect(conversationsOf(records)[0]).toMatchObject({
      title: 'Jane Doe, John Doe',
      identity: 'instagram:title:Jane Doe, John Doe',
    });
  });

  it('lands in the vault through the engine as an Instagram chat, oldest first', async () => {
    const file = sample('chat-miner-minimal', 'test_export.json');
    const result = await importOneThroughEngine(await tempDir(), file);
    // The sample's own folder (…/instagram/…) is what tells detection it is Instagram's.
    expect(result.item).toMatchObject({
      status: 'imported',
      format: 'instagram-json',
      messagesAdded: 2,
    });
    const [conversation] = result.conversations;
    expect(conversation).toMatchObject({ platform: 'instagram', messageCount: 2 });
    expect(
      result.messages.get(conversation?.id ?? '')?.map((m) => [m.sender, m.text, m.sentAt]),
    ).toEqual([
      ['Jane Doe', 'Hello John!', '2019-12-24T11:23:00.000Z'],
      ['John Doe', 'Hello Jane!', '2020-01-17T20:49:00.000Z'],
    ]);
  });
});
