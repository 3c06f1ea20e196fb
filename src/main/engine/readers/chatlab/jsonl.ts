/**
 * ChatLab JSON Lines, line by line: `#` comment lines are skipped; the first other line must be the
 * header (`_type: "header"`); `member` and `message` lines follow. As the format asks, a line that
 * is not JSON is skipped with a warning and reading goes on — except a last line cut off by the
 * end of the file (TRUNCATED), bad UTF-8, or a line over the record limit, which end the read.
 */
import { MAX_RECORD_BYTES } from '../read-error';
import type { ReadRecord } from '../records';
import type { ExportSource } from '../../source/export-source';
import { readTextLines, type TextLine } from '../whatsapp/text-lines';
import { ReadError } from '../read-error';
import { ChatLabChat } from './chat';

type LineValue = Readonly<Record<string, unknown>>;

function parseLine(text: string): LineValue | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as LineValue)
      : null;
  } catch {
    return null;
  }
}

export async function* readChatLabLines(
  source: ExportSource,
  entry: string,
  root: string,
): AsyncGenerator<ReadRecord> {
  const chat = new ChatLabChat(entry, root);
  const stream = await source.open(entry);
  let sawHeader = false;
  let unknownTypes = 0;
  try {
    for await (const batch of readTextLines(stream, entry, MAX_RECORD_BYTES)) {
      for (const line of batch) {
        for (const record of handleLine(line)) yield record;
      }
    }
    if (!sawHeader) throw chat.notChatLab('it has no header line', { byte: 0 });
    yield* chat.warnings.summary();
  } finally {
    stream.destroy();
  }

  function handleLine(line: TextLine): ReadRecord[] {
    if (line.broken !== undefined) throw line.broken;
    const text = line.text.trim();
    const place = { line: line.number, byte: line.byte };
    if (text === '' || text.startsWith('#')) return [];
    const value = parseLine(text);
    if (value === null) {
      if (!line.terminated) {
        throw new ReadError('TRUNCATED', `${entry} ends in the middle of line ${line.number}.`, {
          entry,
          ...place,
        });
      }
      if (!sawHeader) throw chat.notChatLab('its first line is not a JSON object', place);
      const warning = chat.warnings.warn(
        'INVALID_LINE',
        `Line ${line.number} of ${entry} is not a JSON object and was skipped.`,
      );
      return warning === null ? [] : [warning];
    }
    const type = value['_type'];
    if (!sawHeader) {
      if (type !== 'header') throw chat.notChatLab('its first line is not the header', place);
      sawHeader = true;
      return chat.header(value['meta'], value['chatVault'], place);
    }
    switch (type) {
      case 'header':
        return chat.header(value['meta'], value['chatVault'], place);
      case 'member':
        return chat.member(value, place);
      case 'message':
        return chat.message(value, place);
      default: {
        unknownTypes += 1;
        if (unknownTypes > 1) return [];
        const warning = chat.warnings.warn(
          'UNKNOWN_LINE',
          `Line ${line.number} of ${entry} is of a kind this version does not read (${JSON.stringify(type)}); such lines are skipped.`,
        );
        return warning === null ? [] : [warning];
      }
    }
  }
}
