/**
 * A push tokenizer for JSON in UTF-8: bytes go in chunk by chunk (split anywhere, even inside a
 * character or an escape), tokens come out with the byte offset where each starts. It holds only
 * the token being read; `openTokenStart` tells the caller how far back that token reaches, so the
 * caller can stop one that grows past its limits. A UTF-8 byte-order mark is skipped.
 *
 * Strict RFC 8259 by default. With `telegramDesktopQuirks`, it also reads what Telegram Desktop's
 * exporter (export_output_json.cpp, SerializeString) writes that is not JSON:
 * - control characters as `\xNN` escapes (tdesktop issue #27571);
 * - U+2028/U+2029 written as the escape `\u2028` followed by the character's two raw trailing
 *   bytes 0x80 0xA8 (or 0xA9), which are dropped;
 * - an unquoted value after a colon, up to the end of its line (custom emoji `document_id`
 *   written as `video_files/sticker.webm` by versions 4.1.x, tdesktop issue #24961).
 */
import { ascii, ByteRun } from './byte-run';
import { jsonError, type JsonErrorCode } from './json-errors';
import { JsonStringReader } from './json-string';
import {
  BOM,
  describe,
  isNumberByte,
  isWhitespace,
  LITERALS,
  NUMBER,
  STRUCTURAL,
  type JsonScalar,
  type JsonTokenKind,
} from './json-bytes';
import { isUtf8Lead } from '../utf8';
import { RawValueScanner, type RawValueSink } from './json-raw-value';

export type { JsonScalar, JsonTokenKind } from './json-bytes';
export type TokenHandler = (kind: JsonTokenKind, value: JsonScalar, byte: number) => void;

export type TokenizerOptions = Readonly<{
  entry?: string;
  telegramDesktopQuirks?: boolean;
  /** The largest value read raw (see json-raw-value.ts); a larger one is read token by token. */
  maxRawBytes?: number;
}>;

type Mode = 'between' | 'string' | 'number' | 'literal' | 'bare' | 'raw';

export class JsonTokenizer {
  private readonly options: TokenizerOptions;
  private readonly onToken: TokenHandler;
  private readonly strings: JsonStringReader;
  private readonly bareRun: ByteRun;
  private mode: Mode = 'between';
  /** Bytes consumed before the current chunk. */
  private consumed = 0;
  /** The next byte of a byte-order mark expected at the start, or -1 once past it. */
  private bomAt = 0;
  private lastKind: JsonTokenKind | null = null;
  private tokenStart = 0;
  private numberText = '';
  private literal: readonly [string, JsonScalar] = ['null', null];
  private literalAt = 0;
  private readonly rawSink: RawValueSink | null;
  private readonly raw: RawValueScanner;
  /** True while bytes read raw are being read again token by token. */
  private replaying = false;

  /** With a `rawSink`, the values it asks for are read raw when they are strict JSON. */
  constructor(options: TokenizerOptions, onToken: TokenHandler, rawSink?: RawValueSink) {
    this.options = options;
    this.onToken = onToken;
    this.rawSink = rawSink ?? null;
    this.raw = new RawValueScanner(options.maxRawBytes ?? Infinity);
    const invalidUtf8 = (byte: number): Error =>
      this.fail('INVALID_UTF8', 'Bytes that are not UTF-8', byte);
    this.strings = new JsonStringReader(options.telegramDesktopQuirks === true, {
      invalidJson: (detail, byte) => this.fail('INVALID_JSON', detail, byte),
      invalidUtf8,
    });
    this.bareRun = new ByteRun(invalidUtf8);
  }

  /** Total bytes written so far. */
  get bytes(): number {
    return this.consumed;
  }

  /** Where the token that the input stopped inside starts, or -1 between tokens. */
  get openTokenStart(): number {
    return this.mode === 'between' || this.mode === 'raw' ? -1 : this.tokenStart;
  }

  write(chunk: Buffer): void {
    const base = this.consumed;
    this.scan(chunk, base);
    this.consumed = base + chunk.length;
    // A raw value grown past the limit is read token by token: the same error, at the same byte.
    if (this.mode === 'raw' && this.raw.overLimit(this.consumed)) this.replay(this.raw.take());
  }

  private scan(chunk: Buffer, base: number): void {
    let index = 0;
    while (index < chunk.length) {
      switch (this.mode) {
        case 'between':
          index = this.between(chunk, index, base);
          break;
        case 'string':
          index = this.strings.read(chunk, index, base);
          if (this.strings.done) {
            this.mode = 'between';
            this.emit('string', this.strings.take(), this.tokenStart);
          }
          break;
        case 'number':
          index = this.number(chunk, index);
          break;
        case 'literal':
          index = this.literalByte(chunk, index, base);
          break;
        case 'bare':
          index = this.bare(chunk, index, base);
          break;
        case 'raw':
          index = this.rawValue(chunk, index, base);
          break;
      }
    }
  }

  /** The input is over: finishes a number or bare value, or reports the token it stops inside. */
  end(): void {
    const at = this.consumed;
    if (this.mode === 'raw') this.replay(this.raw.take());
    switch (this.mode) {
      case 'raw':
      case 'between':
        if (this.bomAt > 0)
          throw this.fail('TRUNCATED', 'The file ends inside a byte-order mark', at);
        return;
      case 'number':
        if (!NUMBER.test(this.numberText))
          throw this.fail('TRUNCATED', 'The file ends inside a number', at);
        this.finishNumber();
        return;
      case 'bare':
        this.finishBare(this.bareRun.decode(Buffer.alloc(0), 0, 0, at), at);
        return;
      case 'literal':
        throw this.fail('TRUNCATED', `The file ends inside '${this.literal[0]}'`, at);
      case 'string':
        throw this.fail('TRUNCATED', 'The file ends inside a string', at);
    }
  }

  private emit(kind: JsonTokenKind, value: JsonScalar, byte: number): void {
    this.lastKind = kind;
    this.onToken(kind, value, byte);
  }

  private fail(code: JsonErrorCode, detail: string, byte: number): Error {
    return jsonError(code, detail, byte, this.options.entry);
  }

  /** A byte of a leading byte-order mark (true: consumed). */
  private bomByte(byte: number): boolean {
    if (byte === BOM[this.bomAt]) {
      this.bomAt = this.bomAt === BOM.length - 1 ? -1 : this.bomAt + 1;
      return true;
    }
    if (this.bomAt > 0) throw this.fail('INVALID_UTF8', 'Bytes that are not UTF-8', 0);
    this.bomAt = -1;
    return false;
  }

  private between(chunk: Buffer, start: number, base: number): number {
    for (let index = start; index < chunk.length; index += 1) {
      const byte = chunk[index] ?? 0;
      if (this.bomAt >= 0 && this.bomByte(byte)) continue;
      if (isWhitespace(byte)) continue;
      const structural = STRUCTURAL[byte];
      if (structural !== undefined) {
        this.emit(structural, null, base + index);
        if (
          (byte === 0x7b || byte === 0x5b) &&
          this.rawSink?.wantsRaw() === true &&
          !this.replaying
        ) {
          this.mode = 'raw';
          this.raw.begin(base + index);
          return this.rawValue(chunk, index + 1, base);
        }
        continue;
      }
      this.tokenStart = base + index;
      if (byte === 0x22) {
        this.mode = 'string';
        this.strings.begin();
        return index + 1;
      }
      if (byte === 0x2d || (byte >= 0x30 && byte <= 0x39)) {
        this.mode = 'number';
        this.numberText = '';
        return index;
      }
      const literal = LITERALS[byte];
      if (literal !== undefined) {
        this.mode = 'literal';
        this.literal = literal;
        this.literalAt = 0;
        return index;
      }
      if (this.options.telegramDesktopQuirks === true && this.lastKind === ':' && byte >= 0x20) {
        this.mode = 'bare';
        return index;
      }
      if (byte >= 0x80 && !isUtf8Lead(byte)) {
        throw this.fail('INVALID_UTF8', 'Bytes that are not UTF-8', base + index);
      }
      throw this.fail('INVALID_JSON', `Unexpected ${describe(byte)}`, base + index);
    }
    return chunk.length;
  }

  /** The bytes of a raw value up to its end (see json-raw-value.ts). */
  private rawValue(chunk: Buffer, start: number, base: number): number {
    const read = this.raw.read(chunk, start, base);
    if (read === null) return chunk.length;
    if (read.value === undefined) {
      this.replay(read.bytes);
    } else {
      this.mode = 'between';
      this.lastKind = chunk[read.end] === 0x5d ? ']' : '}';
      this.rawSink?.rawValue(read.value, base + read.end);
    }
    return read.end + 1;
  }

  /** Reads the bytes of a raw value (from its opening bracket, already a token) token by token. */
  private replay(bytes: Buffer): void {
    this.mode = 'between';
    this.replaying = true;
    try {
      this.scan(bytes.subarray(1), this.raw.start + 1);
    } finally {
      this.replaying = false;
    }
  }

  private number(chunk: Buffer, start: number): number {
    let index = start;
    while (index < chunk.length && isNumberByte(chunk[index] ?? 0)) index += 1;
    this.numberText += ascii(chunk, start, index);
    if (index < chunk.length) this.finishNumber();
    return index;
  }

  private finishNumber(): void {
    this.mode = 'between';
    if (!NUMBER.test(this.numberText)) {
      const shown = this.numberText.slice(0, 40);
      throw this.fail('INVALID_JSON', `An invalid number '${shown}'`, this.tokenStart);
    }
    this.emit('number', Number(this.numberText), this.tokenStart);
  }

  private literalByte(chunk: Buffer, start: number, base: number): number {
    const [word, value] = this.literal;
    let index = start;
    for (; index < chunk.length && this.literalAt < word.length; index += 1) {
      const byte = chunk[index] ?? 0;
      if (byte !== word.charCodeAt(this.literalAt)) {
        throw this.fail('INVALID_JSON', `Unexpected ${describe(byte)}`, base + index);
      }
      this.literalAt += 1;
    }
    if (this.literalAt === word.length) {
      this.mode = 'between';
      this.emit('literal', value, this.tokenStart);
    }
    return index;
  }

  /** A tdesktop unquoted value: everything to the end of the line; a trailing comma is a comma. */
  private bare(chunk: Buffer, start: number, base: number): number {
    let index = start;
    for (; index < chunk.length; index += 1) {
      const byte = chunk[index] ?? 0;
      if (byte === 0x0a || byte === 0x0d) break;
      if (byte >= 0x80) this.bareRun.high = true;
    }
    if (index === chunk.length) {
      this.bareRun.carry(chunk, start);
      return index;
    }
    this.finishBare(this.bareRun.decode(chunk, start, index, base), base + index);
    return index;
  }

  private finishBare(raw: string, endByte: number): void {
    const text = raw.trim();
    this.mode = 'between';
    if (text.endsWith(',')) {
      this.emit('string', text.slice(0, -1).trimEnd(), this.tokenStart);
      this.emit(',', null, endByte - 1);
      return;
    }
    this.emit('string', text, this.tokenStart);
  }
}
