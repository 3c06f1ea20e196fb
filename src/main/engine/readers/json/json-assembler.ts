/**
 * The grammar half of the streaming JSON reader: takes tokens, checks that they form one JSON
 * document, and reports what the caller selected. The caller's `select(path)` decides, for each
 * value it is asked about:
 * - 'value': assemble it whole (at most `maxValueBytes` of source) and report it once complete;
 * - 'walk': report where the container opens and closes, and ask about each of its children;
 * - 'skip': check it, keep nothing, ask nothing about anything inside.
 * Only containers that are walked have their children asked about; a scalar that is walked is
 * dropped. Memory is the walked path plus the one value being assembled.
 */
import { formatLimit, jsonError, type JsonErrorCode } from './json-errors';
import type { JsonScalar, JsonTokenKind } from './json-tokenizer';
import type { JsonObject, JsonPath, JsonValue } from './json-value';

export type JsonSelection = 'value' | 'walk' | 'skip';
export type JsonContainer = 'object' | 'array';

export type JsonEvent =
  | Readonly<{ type: 'open'; path: JsonPath; container: JsonContainer; byte: number }>
  | Readonly<{ type: 'close'; path: JsonPath; container: JsonContainer; byte: number }>
  /** `byte` is where the value starts in the source. */
  | Readonly<{ type: 'value'; path: JsonPath; value: JsonValue; byte: number }>;

export type AssemblerOptions = Readonly<{
  select: (path: JsonPath) => JsonSelection;
  maxValueBytes: number;
  entry?: string;
}>;

type Expect = 'key-or-end' | 'key' | 'colon' | 'value' | 'value-or-end' | 'comma-or-end';

type Frame = {
  readonly container: JsonContainer;
  readonly mode: 'walk' | 'skip' | 'build';
  readonly path: JsonPath;
  /** The object or array being filled, in build mode. */
  readonly target: JsonObject | JsonValue[] | null;
  /** True for the selected value itself (not a part inside it). */
  readonly selected: boolean;
  expect: Expect;
  key: string;
  index: number;
};

const EXPECTED: Readonly<Record<Expect, string>> = {
  'key-or-end': "a key or '}'",
  key: 'a key',
  colon: "':' after a key",
  value: 'a value',
  'value-or-end': "a value or ']'",
  'comma-or-end': "',' or the end of the object or array",
};

function attach(frame: Frame, value: JsonValue): void {
  const target = frame.target;
  if (Array.isArray(target)) {
    target.push(value);
  } else if (target !== null) {
    if (frame.key === '__proto__') {
      // A key named __proto__ is data, never the object's prototype.
      Object.defineProperty(target, frame.key, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else {
      target[frame.key] = value;
    }
  }
}

export class JsonAssembler {
  private readonly options: AssemblerOptions;
  private readonly emit: (event: JsonEvent) => void;
  private readonly stack: Frame[] = [];
  private started = false;
  private done = false;
  /** Where the value being assembled starts, or -1. */
  private buildStart = -1;

  constructor(options: AssemblerOptions, emit: (event: JsonEvent) => void) {
    this.options = options;
    this.emit = emit;
  }

  /** The token handler to give the tokenizer. */
  readonly token = (kind: JsonTokenKind, value: JsonScalar, byte: number): void => {
    if (this.buildStart >= 0 && byte - this.buildStart > this.options.maxValueBytes) {
      throw this.tooLarge();
    }
    const frame = this.stack.at(-1);
    if (frame === undefined) {
      if (this.done) throw this.fail('INVALID_JSON', 'More data after the end of the JSON', byte);
      this.startValue(kind, value, byte, undefined);
      return;
    }
    const closing = frame.container === 'object' ? '}' : ']';
    switch (frame.expect) {
      case 'key-or-end':
      case 'key':
        if (kind === 'string' && typeof value === 'string') {
          frame.key = value;
          frame.expect = 'colon';
        } else if (kind === '}' && frame.expect === 'key-or-end') {
          this.close(byte);
        } else {
          throw this.unexpected(frame.expect, byte);
        }
        return;
      case 'colon':
        if (kind !== ':') throw this.unexpected(frame.expect, byte);
        frame.expect = 'value';
        return;
      case 'value-or-end':
        if (kind === ']') {
          this.close(byte);
          return;
        }
        this.startValue(kind, value, byte, frame);
        return;
      case 'value':
        this.startValue(kind, value, byte, frame);
        return;
      case 'comma-or-end':
        if (kind === ',') frame.expect = frame.container === 'object' ? 'key' : 'value';
        else if (kind === closing) this.close(byte);
        else throw this.unexpected(frame.expect, byte);
        return;
    }
  };

  /** Whether the tokenizer may read the container just opened raw: a selected value, still empty. */
  readonly wantsRaw = (): boolean => {
    const frame = this.stack.at(-1);
    return frame !== undefined && frame.selected && frame.index === 0;
  };

  /** The selected value just opened, read raw by the tokenizer; `endByte` is its closing bracket. */
  readonly rawValue = (value: JsonValue, endByte: number): void => {
    const frame = this.stack.pop();
    if (frame === undefined || !frame.selected) throw new Error('No value is being read raw.');
    if (this.stack.length === 0) this.done = true;
    const start = this.buildStart;
    if (endByte + 1 - start > this.options.maxValueBytes) throw this.tooLarge();
    this.buildStart = -1;
    this.emit({ type: 'value', path: frame.path, value, byte: start });
  };

  /** Called after each piece of input: a value being assembled may not outgrow the limit. */
  checkBuffered(bytesRead: number): void {
    if (this.buildStart >= 0 && bytesRead - this.buildStart > this.options.maxValueBytes) {
      throw this.tooLarge();
    }
  }

  /** The input is over; anything still open means it was cut short. */
  end(bytesRead: number): void {
    if (!this.started) throw this.fail('TRUNCATED', 'The file ends before any JSON', bytesRead);
    if (!this.done)
      throw this.fail('TRUNCATED', 'The file ends in the middle of the JSON', bytesRead);
  }

  private fail(code: JsonErrorCode, detail: string, byte: number): Error {
    return jsonError(code, detail, byte, this.options.entry);
  }

  private unexpected(expect: Expect, byte: number): Error {
    return this.fail('INVALID_JSON', `Expected ${EXPECTED[expect]}`, byte);
  }

  private tooLarge(): Error {
    const limit = formatLimit(this.options.maxValueBytes);
    return this.fail(
      'RECORD_TOO_LARGE',
      `A single record is larger than ${limit}`,
      this.buildStart,
    );
  }

  private startValue(
    kind: JsonTokenKind,
    value: JsonScalar,
    byte: number,
    parent: Frame | undefined,
  ): void {
    if (kind === '}' || kind === ']' || kind === ':' || kind === ',') {
      throw this.unexpected(parent?.expect ?? 'value', byte);
    }
    this.started = true;
    let path: JsonPath = [];
    let selection: JsonSelection | 'part' = 'walk';
    if (parent === undefined) {
      selection = this.options.select(path);
    } else {
      if (parent.mode === 'build') selection = 'part';
      else if (parent.mode === 'skip') selection = 'skip';
      else {
        path = [...parent.path, parent.container === 'object' ? parent.key : parent.index];
        selection = this.options.select(path);
      }
      parent.index += 1;
      parent.expect = 'comma-or-end';
    }
    if (kind === '{' || kind === '[') {
      this.open(kind === '{' ? 'object' : 'array', selection, path, byte, parent);
      return;
    }
    if (selection === 'part' && parent !== undefined) attach(parent, value);
    else if (selection === 'value') this.emit({ type: 'value', path, value, byte });
    if (parent === undefined) this.done = true;
  }

  private open(
    container: JsonContainer,
    selection: JsonSelection | 'part',
    path: JsonPath,
    byte: number,
    parent: Frame | undefined,
  ): void {
    const target: JsonObject | JsonValue[] | null =
      selection === 'value' || selection === 'part' ? (container === 'object' ? {} : []) : null;
    if (selection === 'part' && parent !== undefined && target !== null) attach(parent, target);
    if (selection === 'value') this.buildStart = byte;
    this.stack.push({
      container,
      mode: target !== null ? 'build' : selection === 'walk' ? 'walk' : 'skip',
      path,
      target,
      selected: selection === 'value',
      expect: container === 'object' ? 'key-or-end' : 'value-or-end',
      key: '',
      index: 0,
    });
    if (selection === 'walk') this.emit({ type: 'open', path, container, byte });
  }

  private close(byte: number): void {
    const frame = this.stack.pop();
    if (frame === undefined) return;
    if (this.stack.length === 0) this.done = true;
    if (frame.mode === 'walk') {
      this.emit({ type: 'close', path: frame.path, container: frame.container, byte });
      return;
    }
    if (!frame.selected || frame.target === null) return;
    const start = this.buildStart;
    if (byte + 1 - start > this.options.maxValueBytes) throw this.tooLarge();
    this.buildStart = -1;
    this.emit({ type: 'value', path: frame.path, value: frame.target, byte: start });
  }
}
