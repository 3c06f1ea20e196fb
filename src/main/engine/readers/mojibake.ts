/**
 * Repairing text that was UTF-8 but got read as Windows-1252 (or Latin-1) and written out again as
 * UTF-8: "Grace ðŸ§¤" for "Grace 🧤". Facebook's exports are written this way throughout; other
 * exports turn up so after passing through a tool that guessed the wrong encoding.
 *
 * The repair is all-or-nothing per string: every character must map back to one byte, and those
 * bytes must be well-formed UTF-8 with at least one multi-byte character. Real non-Latin text
 * (Cyrillic, CJK, emoji) has characters outside the byte range and is never touched; real Latin-1
 * text ("café") almost never forms valid UTF-8 sequences and is left as it is.
 */
import { isUtf8 } from 'node:buffer';

/** The characters Windows-1252 puts at 0x80-0x9F, back to their bytes. */
const CP1252_BYTES: ReadonlyMap<number, number> = new Map([
  [0x20ac, 0x80],
  [0x201a, 0x82],
  [0x0192, 0x83],
  [0x201e, 0x84],
  [0x2026, 0x85],
  [0x2020, 0x86],
  [0x2021, 0x87],
  [0x02c6, 0x88],
  [0x2030, 0x89],
  [0x0160, 0x8a],
  [0x2039, 0x8b],
  [0x0152, 0x8c],
  [0x017d, 0x8e],
  [0x2018, 0x91],
  [0x2019, 0x92],
  [0x201c, 0x93],
  [0x201d, 0x94],
  [0x2022, 0x95],
  [0x2013, 0x96],
  [0x2014, 0x97],
  [0x02dc, 0x98],
  [0x2122, 0x99],
  [0x0161, 0x9a],
  [0x203a, 0x9b],
  [0x0153, 0x9c],
  [0x017e, 0x9e],
  [0x0178, 0x9f],
]);

/** Anything but printable ASCII and line breaks: only such text can need repair (a fast path). */
const NOT_PLAIN_ASCII = /[^ -~\t\n\r]/;

/** The byte a character stands for in mis-decoded text, or -1 when it cannot be one. */
function byteOf(code: number): number {
  if (code < 0x100) return code;
  return CP1252_BYTES.get(code) ?? -1;
}

/** `text` repaired, or `text` itself (the same string) when it is not mojibake. */
export function repairMojibake(text: string): string {
  if (!NOT_PLAIN_ASCII.test(text)) return text;
  let high = false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x80) continue;
    if (byteOf(code) < 0) return text;
    high = true;
  }
  if (!high) return text;
  const bytes = new Uint8Array(text.length);
  for (let index = 0; index < text.length; index += 1)
    bytes[index] = byteOf(text.charCodeAt(index));
  return isUtf8(bytes) ? Buffer.from(bytes).toString('utf8') : text;
}

/**
 * Repairs the strings of one file, deciding for the file as a whole as well as per string. Text that
 * really is "Ã©" cannot be told from mojibake for "é" by looking at it; what tells is the rest of
 * the file. A file written through the mis-decoding holds nothing but characters that stand for
 * bytes, so the first character that cannot stand for one (an emoji, CJK, Cyrillic, written as
 * itself) shows that the file was written correctly (or repaired already, as tools that fix
 * Facebook's exports do): from there on nothing in the file is changed.
 */
export class MojibakeRepairer {
  #correct = false;
  #repaired = 0;

  /** Strings changed so far. */
  get repaired(): number {
    return this.#repaired;
  }

  /** True once the file has shown that it is correctly encoded. */
  get fileIsCorrect(): boolean {
    return this.#correct;
  }

  repair(text: string): string {
    if (this.#correct || !NOT_PLAIN_ASCII.test(text)) return text;
    for (let index = 0; index < text.length; index += 1) {
      const code = text.charCodeAt(index);
      if (code >= 0x100 && byteOf(code) < 0) {
        this.#correct = true;
        return text;
      }
    }
    const fixed = repairMojibake(text);
    if (fixed !== text) this.#repaired += 1;
    return fixed;
  }
}
