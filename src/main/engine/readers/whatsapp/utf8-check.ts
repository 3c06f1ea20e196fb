/**
 * Where bytes stop being UTF-8, for error messages (the strict decoder only says that they do).
 * Follows the well-formed sequences table of the Unicode standard (no overlongs, no surrogates,
 * nothing past U+10FFFF).
 */
export type Utf8Problem = Readonly<{
  /** Offset of the first byte of the bad sequence. */
  offset: number;
  /** True when the bytes are fine but end in the middle of a character. */
  cutAtEnd: boolean;
}>;

/** The second byte's allowed range for each lead byte; later bytes are always 0x80-0xBF. */
function sequenceShape(lead: number): { length: number; low: number; high: number } | undefined {
  if (lead >= 0xc2 && lead <= 0xdf) return { length: 2, low: 0x80, high: 0xbf };
  if (lead === 0xe0) return { length: 3, low: 0xa0, high: 0xbf };
  if ((lead >= 0xe1 && lead <= 0xec) || lead === 0xee || lead === 0xef)
    return { length: 3, low: 0x80, high: 0xbf };
  if (lead === 0xed) return { length: 3, low: 0x80, high: 0x9f };
  if (lead === 0xf0) return { length: 4, low: 0x90, high: 0xbf };
  if (lead >= 0xf1 && lead <= 0xf3) return { length: 4, low: 0x80, high: 0xbf };
  if (lead === 0xf4) return { length: 4, low: 0x80, high: 0x8f };
  return undefined;
}

/** The first problem in `bytes`, or offset -1 when they are valid UTF-8. */
export function findUtf8Error(bytes: Uint8Array): Utf8Problem {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index] ?? 0;
    if (lead < 0x80) {
      index += 1;
      continue;
    }
    const shape = sequenceShape(lead);
    if (shape === undefined) return { offset: index, cutAtEnd: false };
    for (let step = 1; step < shape.length; step += 1) {
      const at = index + step;
      if (at >= bytes.length) return { offset: index, cutAtEnd: true };
      const byte = bytes[at] ?? 0;
      const low = step === 1 ? shape.low : 0x80;
      const high = step === 1 ? shape.high : 0xbf;
      if (byte < low || byte > high) return { offset: index, cutAtEnd: false };
    }
    index += shape.length;
  }
  return { offset: -1, cutAtEnd: false };
}
