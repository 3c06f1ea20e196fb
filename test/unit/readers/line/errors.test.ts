import { describe, expect, it } from 'vitest';
import { createLineReader, readLineText } from '../../../../src/main/engine/readers/line';
import { memorySource } from '../../../support/memory-source';
import { messagesOf } from '../../../support/read-records';
import { conversationsOf, readOutcome } from '../../../support/read-outcome';
import { lineExport, say } from './make-export';

const NAME = '[LINE] Chat with Ana.txt';

const chat = (...texts: string[]) =>
  lineExport('en', {
    name: 'Ana',
    days: [{ year: 2024, month: 2, day: 1, messages: texts.map((t, i) => say(10, i, 'Ana', t)) }],
  });

const readBytes = (bytes: Buffer, reader = readLineText) =>
  readOutcome(reader, memorySource({ [NAME]: bytes }, { chunkBytes: 6 }), { timeZone: 'UTC' });

describe('LINE reader: broken input', () => {
  it('stops at bytes that are not UTF-8, naming file, line and byte, and keeps the messages before', async () => {
    const text = chat('one', 'two', 'BROKEN', 'four');
    const at = Buffer.byteLength(text.slice(0, text.indexOf('BROKEN')));
    const bytes = Buffer.from(text, 'utf8');
    bytes[at] = 0xff;
    const { records, error } = await readBytes(bytes);
    expect(error).toMatchObject({
      code: 'INVALID_UTF8',
      position: { entry: NAME, byte: at, line: 7 },
    });
    expect(error?.message).toContain(NAME);
    // The broken line begins a new message, so "two" is known to be complete.
    expect(messagesOf(records).map((m) => m.text)).toEqual(['one', 'two']);
  });

  it('leaves out a message the break cuts short', async () => {
    const text = `${chat('one', '"multi')}line two\nline three"\n`;
    const bad = Buffer.from(text.replace('line three', 'line \u0000three'), 'utf8');
    bad[bad.indexOf(0)] = 0xc3; // a lead byte followed by a space: not UTF-8
    const { records, error } = await readBytes(bad);
    expect(error).toMatchObject({ code: 'INVALID_UTF8', position: { entry: NAME } });
    expect(messagesOf(records).map((m) => m.text)).toEqual(['one']);
  });

  it('reports a file cut inside a character as truncated', async () => {
    const bytes = Buffer.from(chat('one', '日本'), 'utf8');
    const cut = bytes.subarray(0, bytes.indexOf(Buffer.from('本')) + 1);
    const { records, error } = await readBytes(cut);
    expect(error).toMatchObject({ code: 'TRUNCATED', position: { entry: NAME } });
    expect(messagesOf(records).map((m) => m.text)).toEqual(['one']);
  });

  it('stops at a message over the record limit with RECORD_TOO_LARGE naming its first line', async () => {
    const text = chat('small', `big\n${'x'.repeat(300)}\n${'y'.repeat(300)}`, 'after');
    const { records, error } = await readBytes(
      Buffer.from(text),
      createLineReader({ maxRecordBytes: 400 }),
    );
    expect(error).toMatchObject({ code: 'RECORD_TOO_LARGE', position: { entry: NAME, line: 6 } });
    expect(messagesOf(records).map((m) => m.text)).toEqual(['small']);
  });

  it('refuses a text without LINE messages, naming the file', async () => {
    const { records, error } = await readBytes(Buffer.from('just some notes\nnothing else\n'));
    expect(conversationsOf(records)).toEqual([]);
    expect(error).toMatchObject({ code: 'INVALID_FORMAT', position: { entry: NAME } });
  });

  it('rejects an unknown time zone before reading', async () => {
    await expect(
      readOutcome(readLineText, memorySource({ [NAME]: chat('x') }), { timeZone: 'Mars/Olympus' }),
    ).rejects.toThrow(/Mars\/Olympus/);
  });
});
