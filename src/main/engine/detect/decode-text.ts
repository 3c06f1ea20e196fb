/**
 * Decodes the first bytes of a file as text (UTF-8, or UTF-16 with or without a BOM).
 * Returns undefined for bytes that are not text. A character cut at the 64 KiB edge becomes U+FFFD,
 * which the sniffers ignore.
 */
export function decodeHead(head: Uint8Array): string | undefined {
  if (head[0] === 0xff && head[1] === 0xfe)
    return new TextDecoder('utf-16le').decode(head.subarray(2));
  if (head[0] === 0xfe && head[1] === 0xff)
    return new TextDecoder('utf-16be').decode(head.subarray(2));
  const sample = head.subarray(0, 4096);
  let zeros = 0;
  let oddZeros = 0;
  let evenZeros = 0;
  let controls = 0;
  for (let index = 0; index < sample.length; index += 1) {
    const byte = sample[index] ?? 0;
    if (byte === 0) {
      zeros += 1;
      if (index % 2 === 1) oddZeros += 1;
      else evenZeros += 1;
    } else if (byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1b)) {
      controls += 1;
    }
  }
  if (zeros > 0) {
    // UTF-16 without a BOM: the high byte of ASCII characters is zero.
    const half = sample.length / 2;
    if (oddZeros > half * 0.6 && evenZeros === 0) return new TextDecoder('utf-16le').decode(head);
    if (evenZeros > half * 0.6 && oddZeros === 0) return new TextDecoder('utf-16be').decode(head);
    return undefined;
  }
  if (controls > sample.length / 20) return undefined;
  const text = new TextDecoder('utf-8').decode(head);
  // Mostly undecodable bytes: some other binary format.
  let replaced = 0;
  for (const char of text.slice(0, 4096)) if (char === '\ufffd') replaced += 1;
  if (replaced > 64) return undefined;
  return text.startsWith('\ufeff') ? text.slice(1) : text;
}
