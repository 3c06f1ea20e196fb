/**
 * Sets of messages as bits: bit i of a set stands for the vault's i-th message in id order, 32 to
 * a word. Counting what a search matches is then a pass over words: a 10M-message vault is 312,500
 * of them per set.
 */
export type BitSet = Int32Array;

export const wordsFor = (bits: number): number => Math.ceil(bits / 32);

export function emptySet(bits: number): BitSet {
  return new Int32Array(wordsFor(bits));
}

export function addBit(set: BitSet, bit: number): void {
  const word = bit >>> 5;
  set[word] = (set[word] ?? 0) | (1 << (bit & 31));
}

/** The number of bits set in one 32-bit word (SWAR). */
function bitsIn(word: number): number {
  let x = word - ((word >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

export function countBits(set: BitSet): number {
  let count = 0;
  for (let index = 0; index < set.length; index += 1) count += bitsIn(set[index] ?? 0);
  return count;
}

/** A copy of the first of `sets`, after checking that they all have its length. */
function copyOfFirst(sets: readonly BitSet[]): BitSet {
  const [first] = sets;
  if (first === undefined) throw new RangeError('No sets to combine.');
  if (sets.some((set) => set.length !== first.length)) {
    throw new RangeError('Sets of different sizes.');
  }
  return Int32Array.from(first);
}

// The loops below are written out, not folded through a callback: a call a word was most of the
// time of a search counted from a dozen sets (10M messages are 312,500 words a set).

export function intersection(sets: readonly BitSet[]): BitSet {
  const out = copyOfFirst(sets);
  for (const set of sets.slice(1)) {
    for (let index = 0; index < out.length; index += 1)
      out[index] = (out[index] ?? 0) & (set[index] ?? 0);
  }
  return out;
}

export function union(sets: readonly BitSet[]): BitSet {
  const out = copyOfFirst(sets);
  for (const set of sets.slice(1)) {
    for (let index = 0; index < out.length; index += 1)
      out[index] = (out[index] ?? 0) | (set[index] ?? 0);
  }
  return out;
}

/** The bits of `set` that are in none of `others`. */
export function difference(set: BitSet, others: readonly BitSet[]): BitSet {
  const out = copyOfFirst([set, ...others]);
  for (const other of others) {
    for (let index = 0; index < out.length; index += 1)
      out[index] = (out[index] ?? 0) & ~(other[index] ?? 0);
  }
  return out;
}

/** Whether this machine keeps an Int32Array's words as little-endian bytes (every one we ship on). */
const LITTLE_ENDIAN = new Uint8Array(Int32Array.of(1).buffer)[0] === 1;

/** A set as stored: its words as little-endian bytes. */
export function setToBytes(set: BitSet): Buffer {
  if (LITTLE_ENDIAN) return Buffer.from(set.buffer, set.byteOffset, set.byteLength);
  const bytes = Buffer.alloc(set.length * 4);
  set.forEach((word, index) => bytes.writeInt32LE(word, index * 4));
  return bytes;
}

/** A stored set back as words; null when its size is not that of `bits` bits. */
export function setFromBytes(bytes: Uint8Array, bits: number): BitSet | null {
  const words = wordsFor(bits);
  if (bytes.byteLength !== words * 4) return null;
  // A copy: its buffer starts at offset 0, so it is aligned for the words.
  if (LITTLE_ENDIAN) return new Int32Array(new Uint8Array(bytes).buffer);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Int32Array.from({ length: words }, (_unused, index) => view.getInt32(index * 4, true));
}

/** The members of a set, in order, as little-endian 32-bit numbers (the smaller form of few). */
export function setToOrdinals(set: BitSet, members: number): Buffer {
  const bytes = Buffer.alloc(members * 4);
  let offset = 0;
  set.forEach((word, index) => {
    for (let bits = word; bits !== 0; bits &= bits - 1) {
      bytes.writeUInt32LE(index * 32 + (31 - Math.clz32(bits & -bits)), offset);
      offset += 4;
    }
  });
  return bytes;
}

/** A set of `bits` bits back from its members' numbers; null when one is out of range. */
export function setFromOrdinals(bytes: Uint8Array, bits: number): BitSet | null {
  if (bytes.byteLength % 4 !== 0) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const set = emptySet(bits);
  for (let offset = 0; offset < bytes.byteLength; offset += 4) {
    const member = view.getUint32(offset, true);
    if (member >= bits) return null;
    addBit(set, member);
  }
  return set;
}

/** The smaller stored form of a set of `members` members out of `bits`. */
export const smallerForm = (members: number, bits: number): 'bits' | 'ordinals' =>
  members < wordsFor(bits) ? 'ordinals' : 'bits';
