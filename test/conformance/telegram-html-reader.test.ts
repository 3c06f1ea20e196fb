/**
 * The Telegram HTML reader against the HTML twin in ../shared/fixtures/telegram: LangChain's
 * langchain-chat-loader sample holds the same four messages as messages.html and as result.json.
 * The EXPECTED facts are stated for the chat loader (the peer skips its own HTML test, "requires
 * bs4"); the HTML page must give the same chat as the JSON: senders, texts, ids, and times.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReadMessage } from '../../src/main/engine/readers/records';
import { readTelegramJson } from '../../src/main/engine/readers/telegram';
import { readTelegramHtml } from '../../src/main/engine/readers/telegram-html';
import { openFileSource } from '../../src/main/engine/source/file-source';
import { importThroughEngine } from '../support/engine-import';
import { fixturesDir } from '../support/paths';
import { messagesOf, participantsOf } from '../support/read-records';
import { conversationsOf, readOutcome, warningsOf } from '../support/read-outcome';
import { useTempDirs } from '../support/temp-dir';

const folder = path.join(fixturesDir, 'telegram', 'langchain-chat-loader');
const htmlPath = path.join(folder, 'messages.html');

async function loadHtml(timeZone: string) {
  const outcome = await readOutcome(readTelegramHtml, await openFileSource(htmlPath), { timeZone });
  expect(outcome.error).toBeNull();
  return outcome.records;
}

/** Consecutive messages by the same sender joined with a blank line (LangChain's merge_chat_runs). */
function mergeRuns(messages: readonly ReadMessage[]): { sender: string | null; text: string }[] {
  const runs: { sender: string | null; text: string }[] = [];
  for (const message of messages) {
    const last = runs.at(-1);
    if (last !== undefined && last.sender === message.sender) last.text += `\n\n${message.text}`;
    else runs.push({ sender: message.sender, text: message.text });
  }
  return runs;
}

describe('LangChain chat loader messages.html (the HTML twin of result.json)', () => {
  it('is one chat, "Jimmeny Marvelton", of four messages with ids 1 to 4', async () => {
    const records = await loadHtml('America/Los_Angeles');
    // The page header names the other person in full; result.json names the chat "Jimmeny".
    // An HTML export carries no chat id, so the chat is identified by that name.
    expect(conversationsOf(records).map((c) => [c.title, c.identity])).toEqual([
      ['Jimmeny Marvelton', 'telegram:title:Jimmeny Marvelton'],
    ]);
    expect(messagesOf(records).map((m) => m.externalId)).toEqual(['1', '2', '3', '4']);
    expect(participantsOf(records)).toEqual(['Jimmeny Marvelton', 'Batman & Robin']);
  });

  it('merges into the three runs the loader expects: the "joined" message 4 keeps its sender', async () => {
    expect(mergeRuns(messagesOf(await loadHtml('America/Los_Angeles')))).toEqual([
      { sender: 'Jimmeny Marvelton', text: 'i refuse to converse with you' },
      { sender: 'Batman & Robin', text: 'Hi nemesis' },
      { sender: 'Jimmeny Marvelton', text: 'we meet again\n\nyou will not trick me this time' },
    ]);
  });

  it('gives the same messages as result.json: senders, texts and times', async () => {
    const json = await readOutcome(
      readTelegramJson,
      await openFileSource(path.join(folder, 'result.json')),
    );
    const pick = (m: ReadMessage) => [m.externalId, m.sender, m.text, m.sentAt];
    expect(messagesOf(await loadHtml('America/Los_Angeles')).map(pick)).toEqual(
      messagesOf(json.records).map(pick),
    );
  });

  it('reads the titles in the zone the export was made in: 13:11:23 is 20:11:23Z, as date_unixtime says', async () => {
    // EXPECTED quotes the titles "23.08.2023 13:11:23 UTC-08:00" and says 1692821483 is 13:11:23
    // at UTC-08:00. It is 13:11:23 at UTC-07:00 (Pacific daylight time in August): the exporter
    // labels a time with its zone's standard offset, whatever the date (export_data_types.cpp,
    // FormatDateTime: displayName(QTimeZone::StandardTime, QTimeZone::OffsetName)). Read in
    // America/Los_Angeles the wall time gives the JSON's unix time exactly.
    const messages = messagesOf(await loadHtml('America/Los_Angeles'));
    expect(messages.map((m) => m.sentAt / 1000)).toEqual([
      1692821483, 1692821600, 1692821735, 1692821753,
    ]);
  });

  it('takes the label literally in a zone with another standard offset, an hour late, and warns', async () => {
    const records = await loadHtml('UTC');
    expect(messagesOf(records)[0]?.sentAt).toBe(Date.parse('2023-08-23T21:11:23Z'));
    expect(warningsOf(records).map((w) => w.code)).toEqual(['TIME_OFFSET_GUESSED']);
  });
});

describe('the Telegram HTML twin imported through the engine', () => {
  const tempDir = useTempDirs();

  it('lands the chat and its four messages in the vault', async () => {
    const { items, conversations, messages } = await importThroughEngine(await tempDir(), [
      htmlPath,
    ]);
    expect(items.map((item) => [item.status, item.format, item.messagesAdded])).toEqual([
      ['imported', 'telegram-html', 4],
    ]);
    expect(items[0]?.warnings.map((w) => w.code)).toEqual(['TIME_OFFSET_GUESSED']);
    expect(conversations).toEqual([
      { title: 'Jimmeny Marvelton', platform: 'telegram', messageCount: 4 },
    ]);
    expect(messages.map((m) => [m.externalId, m.sender, m.text])).toEqual([
      ['1', 'Jimmeny Marvelton', 'i refuse to converse with you'],
      ['2', 'Batman & Robin', 'Hi nemesis'],
      ['3', 'Jimmeny Marvelton', 'we meet again'],
      ['4', 'Jimmeny Marvelton', 'you will not trick me this time'],
    ]);
  });
});
