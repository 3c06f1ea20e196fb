/**
 * Where bytes stop being UTF-8, for error messages that name the byte (Node's strict decoder only
 * says that they do). Follows the Unicode standard's table of well-formed sequences: no overlongs,
 * no surrogates, nothing past U+10FFFF. Shared by every reader that decodes text.
 */
export type Utf8Problem = Readonly<{
  /** Offset of the first byte of the bad sequence; -1 when the bytes are valid UTF-8. */
  offset: number;
  /** True when the bytes are fine but end in the middle of a character. */
  cutAtEnd: boolean;
}>;

/** The allowed range of the byte after each lead byte; later continuation bytes are 0x80-0xBF. */
function sequenceOf(lead: number): readonly [length: number, low: number, high: number] | null {
  if (lead >= 0xc2 && lead <= 0xdf) return [2, 0x80, 0xbf];
  if (lead === 0xe0) return [3, 0xa0, 0xbf];
  if (lead === 0xed) return [3, 0x80, 0x9f];
  if (lead >= 0xe1 && lead <= 0xef) return [3, 0x80, 0xbf];
  if (lead === 0xf0) return [4, 0x90, 0xbf];
  if (lead >= 0xf1 && lead <= 0xf3) return [4, 0x80, 0xbf];
  if (lead === 0xf4) return [4, 0x80, 0x8f];
  return null;
}

/** The first problem in `bytes` (a sequence cut off by the end is reported as `cutAtEnd`). */
export function findUtf8Error(bytes: Uint8Array): Utf8Problem {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index] ?? 0;
    if (lead < 0x80) {
      index += 1;
      continue;
    }
    const sequence = sequenceOf(lead);
    if (sequence === null) return { offset: index, cutAtEnd: false };
    const [length, low, high] = sequence;
    for (let step = 1; step < length; step += 1) {
      const byte = bytes[index + step];
      if (byte === undefined) return { offset: index, cutAtEnd: true };
      const [min, max] = step === 1 ? [low, high] : [0x80, 0xbf];
      if (byte < min || byte > max) return { offset: index, cutAtEnd: false };
    }
    index += length;
  }
  return { offset: -1, cutAtEnd: false };
}

/** The index of the first ill-formed (or cut-off) sequence in `bytes`, or -1 when all is UTF-8. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  return findUtf8Error(bytes).offset;
}

/** Whether a byte seen outside any string is a plausible start of a UTF-8 character. */
export function isUtf8Lead(byte: number): boolean {
  return sequenceOf(byte) !== null;
}
