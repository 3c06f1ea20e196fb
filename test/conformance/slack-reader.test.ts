/**
 * The Slack reader against the Slack sample in ../shared/fixtures/slack (the same export as a zip
 * and unzipped), asserting the facts its EXPECTED file states. LangChain's loaders make one
 * document per message and one chat session per channel file; the reader makes one conversation
 * per channel with its messages in order, which is what the assertions compare.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSlackExport } from '../../src/main/engine/readers/slack';
import type { ExportSource } from '../../src/main/engine/source/export-source';
import { openFolderSource } from '../../src/main/engine/source/folder-source';
import { openZipSource } from '../../src/main/engine/source/zip-source';
import { importThroughEngine } from '../support/engine-import';
import { fixturesDir } from '../support/paths';
import { messagesOf } from '../support/read-records';
import { conversationsOf, readOutcome } from '../support/read-outcome';
import { useTempDirs } from '../support/temp-dir';

const folder = path.join(fixturesDir, 'slack', 'langchain-slack-export');
const zipPath = path.join(folder, 'slack_export.zip');

async function load(source: ExportSource) {
  const outcome = await readOutcome(readSlackExport, source);
  expect(outcome.error).toBeNull();
  return outcome.records;
}

const containers: [string, () => Promise<ExportSource>][] = [
  ['zip', () => openZipSource(zipPath)],
  ['folder', () => openFolderSource(path.join(folder, 'unzipped'))],
];

describe('LangChain slack_export (zip and folder)', () => {
  it.each(containers)(
    'as a %s: five messages over the three channels that have day files',
    async (_, open) => {
      const records = await load(await open());
      // channels.json also lists #lang-chat, which has no folder: nothing of it was exported.
      expect(conversationsOf(records).map((c) => [c.title, c.identity])).toEqual([
        ['#general', 'slack:C05019B47SB'],
        ['#random', 'slack:C050FR57M8S'],
        ['#example-channel', 'slack:C0535BV3C6P'],
      ]);
      const messages = messagesOf(records);
      expect(messages).toHaveLength(5);
      const perChannel = new Map<string, number>();
      for (const record of records) {
        if (record.type !== 'message') continue;
        perChannel.set(record.conversationRef, (perChannel.get(record.conversationRef) ?? 0) + 1);
      }
      expect([...perChannel.values()]).toEqual([2, 1, 2]);
    },
  );

  it('keeps the channel_join as a system line of #example-channel, before "Example message"', async () => {
    const records = await load(await openZipSource(zipPath));
    const example = conversationsOf(records).find((c) => c.title === '#example-channel');
    const inExample = records.flatMap((record) =>
      record.type === 'message' && record.conversationRef === example?.ref ? [record.message] : [],
    );
    // EXPECTED: the loader's session for this channel starts with the join and, merged with it
    // (same sender), "Example message". The reader keeps the join as a system line.
    expect(inExample.map((m) => [m.kind, m.text])).toEqual([
      ['system', 'Example User has joined the channel'],
      ['text', 'Example message'],
    ]);
    expect(inExample[0]?.sentAt).toBe(1_681_413_815_354);
    expect(new Set(inExample.map((m) => m.sender))).toEqual(new Set(['Example User']));
  });

  it('names the author from the profile in their messages: users.json lists only the GitHub bot', async () => {
    const messages = messagesOf(await load(await openZipSource(zipPath)));
    expect(new Set(messages.map((m) => m.sender))).toEqual(new Set(['Example User']));
    expect(messages.map((m) => m.text)).toContain('Hello, world!');
    expect(messages.map((m) => m.text)).toContain('Example random message');
  });

  // EXPECTED's "every doc.metadata["source"] starts with the workspace URL" is about links the
  // loader builds from a URL it is given; an export holds no workspace URL, so there is nothing
  // of the export to assert.
});

describe('the Slack sample imported through the engine', () => {
  const tempDir = useTempDirs();

  it('lands three channels and five messages in the vault', async () => {
    const { items, conversations, messages } = await importThroughEngine(await tempDir(), [
      zipPath,
    ]);
    expect(items.map((item) => [item.status, item.format, item.messagesAdded])).toEqual([
      ['imported', 'slack-export', 5],
    ]);
    expect(conversations).toEqual([
      { title: '#example-channel', platform: 'slack', messageCount: 2 },
      { title: '#general', platform: 'slack', messageCount: 2 },
      { title: '#random', platform: 'slack', messageCount: 1 },
    ]);
    expect(messages.filter((m) => m.kind === 'system').map((m) => m.text)).toEqual([
      'Example User has joined the channel',
    ]);
  });
});
