/** What the first bytes say about a binary file, before any attempt to read it as text. */
export type Magic =
  | Readonly<{ kind: 'zip' }>
  | Readonly<{ kind: 'binary'; what: string }>
  | Readonly<{ kind: 'none' }>;

type Signature = Readonly<{ offset: number; bytes: readonly number[]; what: string }>;

function ascii(text: string): number[] {
  return Array.from(text, (char) => char.charCodeAt(0));
}

const SIGNATURES: readonly Signature[] = [
  { offset: 0, bytes: [0x89, ...ascii('PNG')], what: 'a PNG image' },
  { offset: 0, bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { offset: 0, bytes: ascii('GIF8'), what: 'a GIF image' },
  { offset: 8, bytes: ascii('WEBP'), what: 'a WebP image' },
  { offset: 8, bytes: ascii('WAVE'), what: 'a WAV audio file' },
  { offset: 4, bytes: ascii('ftypheic'), what: 'a HEIC image' },
  { offset: 4, bytes: ascii('ftyp'), what: 'a video or audio file (MP4/MOV)' },
  { offset: 0, bytes: ascii('OggS'), what: 'an Ogg/Opus audio file' },
  { offset: 0, bytes: ascii('ID3'), what: 'an MP3 audio file' },
  { offset: 0, bytes: [0x1a, 0x45, 0xdf, 0xa3], what: 'a WebM/MKV video' },
  { offset: 0, bytes: ascii('%PDF'), what: 'a PDF document' },
  { offset: 0, bytes: [...ascii('SQLite format 3'), 0], what: 'a SQLite database' },
  { offset: 0, bytes: ascii('bplist0'), what: 'a binary property list' },
  { offset: 0, bytes: [0x1f, 0x8b], what: 'a gzip archive' },
  { offset: 0, bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: 'a 7-Zip archive' },
  { offset: 0, bytes: ascii('Rar!'), what: 'a RAR archive' },
  { offset: 0, bytes: [0x7f, ...ascii('ELF')], what: 'a program (ELF)' },
];

function startsWith(head: Uint8Array, offset: number, bytes: readonly number[]): boolean {
  if (head.length < offset + bytes.length) return false;
  return bytes.every((byte, index) => head[offset + index] === byte);
}

export function sniffMagic(head: Uint8Array): Magic {
  // Local file header, empty archive, or a spanned archive marker.
  if (head[0] === 0x50 && head[1] === 0x4b) {
    const third = head[2];
    const fourth = head[3];
    if (
      (third === 3 && fourth === 4) ||
      (third === 5 && fourth === 6) ||
      (third === 7 && fourth === 8)
    ) {
      return { kind: 'zip' };
    }
  }
  for (const signature of SIGNATURES) {
    if (startsWith(head, signature.offset, signature.bytes))
      return { kind: 'binary', what: signature.what };
  }
  return { kind: 'none' };
}
