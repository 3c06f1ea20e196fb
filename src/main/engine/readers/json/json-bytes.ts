/** The byte classes and fixed words of JSON, for the tokenizer. */

export type JsonTokenKind = '{' | '}' | '[' | ']' | ':' | ',' | 'string' | 'number' | 'literal';
export type JsonScalar = string | number | boolean | null;

export const BOM = [0xef, 0xbb, 0xbf] as const;
export const STRUCTURAL: Readonly<Record<number, JsonTokenKind>> = {
  0x7b: '{',
  0x7d: '}',
  0x5b: '[',
  0x5d: ']',
  0x3a: ':',
  0x2c: ',',
};
export const LITERALS: Readonly<Record<number, readonly [string, JsonScalar]>> = {
  0x74: ['true', true],
  0x66: ['false', false],
  0x6e: ['null', null],
};
export const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

export function isWhitespace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

export function isNumberByte(byte: number): boolean {
  return (
    (byte >= 0x30 && byte <= 0x39) ||
    byte === 0x2d ||
    byte === 0x2b ||
    byte === 0x2e ||
    (byte | 0x20) === 0x65
  );
}

/** A byte as an error message shows it. */
export function describe(byte: number): string {
  return byte >= 0x20 && byte < 0x7f
    ? `'${String.fromCharCode(byte)}'`
    : `byte 0x${byte.toString(16).padStart(2, '0')}`;
}
