/**
 * A batch on its trip to the writer thread. The reading thread packs each message as it comes:
 * its strings as UTF-8 into one growing buffer, their lengths and its times into typed arrays.
 * So the batch holds no JavaScript strings or objects while it fills (they die young; before,
 * every collection on the reading thread copied the rows of the batch so far: in a 1M-message
 * WhatsApp import, 2.0 s of that thread's pauses, 0.86 s now), and it crosses threads as
 * transferred buffers. The writer thread unpacks it by column, each string on its own (ASCII ones
 * the fast way): decoding the batch at once and slicing it made every string two-byte when any
 * was, and the writer slower.
 *
 * A string that is not well-formed UTF-16 (a lone surrogate) arrives with U+FFFD in its place, as
 * SQLite would store it anyway.
 */
import { MESSAGE_KINDS } from '../readers/records';
import type { AttachmentRow, Batch, MessageRow } from './vault-writer';

/**
 * A message's strings, packed in this order by `BatchPacker.add` and read back in it by
 * `unpackBatch`: key, externalId, sender, text, replyTo, forwardedFrom, reactionsJson and
 * entitiesJson. Its conversation and kind are not among them: a batch has few of each, so a
 * message refers to them by number.
 */
const FIELDS = 8;
/**
 * How a string is recorded: -1 for null, its byte count when it is ASCII, and -2 minus its byte
 * count otherwise (a string is ASCII exactly when its UTF-8 takes one byte per UTF-16 unit).
 */
const NULL_STRING = -1;
const asciiOrNot = (bytes: number, units: number): number => (bytes === units ? bytes : -2 - bytes);
/** UTF-8 takes at most three bytes for a UTF-16 unit. */
const MAX_BYTES_PER_UNIT = 3;
const FIRST_BYTES = 64 * 1024;
/** The most a new batch's buffer starts with, so one batch of long messages leaves none behind. */
const MOST_FIRST_BYTES = 4 * 1024 * 1024;
const FIRST_ROWS = 256;

export type PackedBatch = Readonly<{
  conversations: Batch['conversations'];
  participants: Batch['participants'];
  count: number;
  /** The conversations of the batch's messages. */
  conversationIds: readonly string[];
  /** For each message, its conversation (in conversationIds) and its kind (in MESSAGE_KINDS). */
  refs: Int32Array;
  /** Every message's strings in UTF-8, one after another. */
  bytes: Uint8Array;
  /** For each message and string field, its bytes, as NULL_STRING and asciiOrNot tell. */
  lengths: Int32Array;
  /** sentAt, then editedAt (NaN for none), for each message. */
  times: Float64Array;
  /** The messages with attachments: [index, JSON of their AttachmentRow[]]. */
  attachments: readonly (readonly [number, string])[];
}>;

/** The buffers a packed batch hands over to the thread it is posted to. */
export function transferOf(batch: PackedBatch): ArrayBuffer[] {
  return [
    batch.refs.buffer,
    batch.bytes.buffer,
    batch.lengths.buffer,
    batch.times.buffer,
  ] as ArrayBuffer[];
}

/** A batch as the writer reads it: one array per field, by message. */
export type BatchColumns = Readonly<{
  conversations: Batch['conversations'];
  participants: Batch['participants'];
  conversationId: string[];
  key: string[];
  externalId: (string | null)[];
  /** sentAt, then editedAt (NaN for none), interleaved. */
  times: Float64Array;
  sender: (string | null)[];
  kind: MessageRow['kind'][];
  text: string[];
  replyTo: (string | null)[];
  forwardedFrom: (string | null)[];
  reactionsJson: (string | null)[];
  entitiesJson: (string | null)[];
  attachmentsJson: (string | null)[];
}>;

/**
 * Packs a batch as it is read: its conversations, participants and messages. `take` hands it over
 * and starts anew.
 */
export class BatchPacker {
  #newConversations: Batch['conversations'][number][] = [];
  #participants: Batch['participants'][number][] = [];
  #bytes = Buffer.alloc(FIRST_BYTES);
  #used = 0;
  #lengths = new Int32Array(FIRST_ROWS * FIELDS);
  #refs = new Int32Array(FIRST_ROWS * 2);
  #times = new Float64Array(FIRST_ROWS * 2);
  #count = 0;
  #conversations = new Map<string, number>();
  #attachments: (readonly [number, string])[] = [];
  /** Attachments still being stored. */
  #pending: Promise<void>[] = [];

  get count(): number {
    return this.#count;
  }

  /** The bytes of strings packed so far. */
  get byteLength(): number {
    return this.#used;
  }

  /** A conversation to create (or retitle) with the batch. */
  conversation(conversation: Batch['conversations'][number]): void {
    this.#newConversations.push(conversation);
  }

  participant(participant: Batch['participants'][number]): void {
    this.#participants.push(participant);
  }

  /**
   * Packs `row`. Its attachments are `attachments` once that settles (the files are being stored),
   * or else the row's own.
   */
  add(row: MessageRow, attachments?: Promise<readonly AttachmentRow[]>): void {
    const index = this.#count;
    this.#makeRoom(index + 1);
    // Field by field, written out: a loop over the field names made each read a slow lookup.
    let at = index * FIELDS;
    const lengths = this.#lengths;
    lengths[at] = this.#string(row.key);
    lengths[(at += 1)] = this.#string(row.externalId);
    lengths[(at += 1)] = this.#string(row.sender);
    lengths[(at += 1)] = this.#string(row.text);
    lengths[(at += 1)] = this.#string(row.replyTo);
    lengths[(at += 1)] = this.#string(row.forwardedFrom);
    lengths[(at += 1)] = this.#string(row.reactionsJson);
    lengths[at + 1] = this.#string(row.entitiesJson);
    let conversation = this.#conversations.get(row.conversationId);
    if (conversation === undefined) {
      conversation = this.#conversations.size;
      this.#conversations.set(row.conversationId, conversation);
    }
    this.#refs[index * 2] = conversation;
    const kind = MESSAGE_KINDS.indexOf(row.kind);
    if (kind < 0) throw new Error(`A message of unknown kind ${String(row.kind)}`);
    this.#refs[index * 2 + 1] = kind;
    this.#times[index * 2] = row.sentAt;
    this.#times[index * 2 + 1] = row.editedAt ?? Number.NaN;
    if (attachments === undefined) this.#attach(index, row.attachments);
    else this.#pending.push(attachments.then((stored) => this.#attach(index, stored)));
    this.#count += 1;
  }

  /** The batch of everything added since the last take, once its attachments are stored. */
  async take(): Promise<PackedBatch> {
    if (this.#pending.length > 0) await Promise.all(this.#pending);
    return this.#finish();
  }

  /** `take` for a packer given no attachments to wait for. */
  takeNow(): PackedBatch {
    if (this.#pending.length > 0) throw new Error('Attachments are still being stored: use take.');
    return this.#finish();
  }

  #finish(): PackedBatch {
    const count = this.#count;
    const batch: PackedBatch = {
      conversations: this.#newConversations,
      participants: this.#participants,
      count,
      conversationIds: [...this.#conversations.keys()],
      refs: this.#refs.subarray(0, count * 2),
      bytes: this.#bytes.subarray(0, this.#used),
      lengths: this.#lengths.subarray(0, count * FIELDS),
      times: this.#times.subarray(0, count * 2),
      attachments: this.#attachments,
    };
    // The next batch is likely as large as this one: it starts at this one's size, up to a bound.
    const rows = Math.max(FIRST_ROWS, count);
    this.#bytes = Buffer.alloc(Math.min(MOST_FIRST_BYTES, Math.max(FIRST_BYTES, this.#used)));
    this.#lengths = new Int32Array(rows * FIELDS);
    this.#refs = new Int32Array(rows * 2);
    this.#times = new Float64Array(rows * 2);
    this.#newConversations = [];
    this.#participants = [];
    this.#used = 0;
    this.#count = 0;
    this.#conversations = new Map();
    this.#attachments = [];
    this.#pending = [];
    return batch;
  }

  #attach(index: number, attachments: readonly AttachmentRow[]): void {
    if (attachments.length > 0) this.#attachments.push([index, JSON.stringify(attachments)]);
  }

  /** Writes `value` after the bytes so far; returns how it is recorded (see asciiOrNot). */
  #string(value: string | null): number {
    if (value === null) return NULL_STRING;
    const needed = this.#used + value.length * MAX_BYTES_PER_UNIT;
    if (needed > this.#bytes.length) {
      const grown = Buffer.alloc(Math.max(needed, this.#bytes.length * 2));
      this.#bytes.copy(grown, 0, 0, this.#used);
      this.#bytes = grown;
    }
    const written = this.#bytes.write(value, this.#used);
    this.#used += written;
    return asciiOrNot(written, value.length);
  }

  #makeRoom(rows: number): void {
    if (rows * FIELDS <= this.#lengths.length) return;
    this.#lengths = grown(this.#lengths, new Int32Array(this.#lengths.length * 2));
    this.#refs = grown(this.#refs, new Int32Array(this.#refs.length * 2));
    this.#times = grown(this.#times, new Float64Array(this.#times.length * 2));
  }
}

function grown<T extends Int32Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/** Packs a whole batch at once (for batches made in one piece, as tests and benchmarks make). */
export function packBatch(batch: Batch): PackedBatch {
  const packer = new BatchPacker();
  for (const conversation of batch.conversations) packer.conversation(conversation);
  for (const participant of batch.participants) packer.participant(participant);
  for (const row of batch.messages) packer.add(row);
  return packer.takeNow();
}

/** The batch by column, as the writer reads it. */
export function unpackBatch(batch: PackedBatch): BatchColumns {
  const { count, lengths, refs } = batch;
  const columns: BatchColumns = {
    conversations: batch.conversations,
    participants: batch.participants,
    conversationId: new Array<string>(count),
    key: new Array<string>(count),
    externalId: new Array<string | null>(count),
    times: batch.times,
    sender: new Array<string | null>(count),
    kind: new Array<MessageRow['kind']>(count),
    text: new Array<string>(count),
    replyTo: new Array<string | null>(count),
    forwardedFrom: new Array<string | null>(count),
    reactionsJson: new Array<string | null>(count),
    entitiesJson: new Array<string | null>(count),
    attachmentsJson: new Array<string | null>(count).fill(null),
  };
  const reader = new StringReader(batch.bytes);
  let at = 0;
  for (let index = 0; index < count; index += 1) {
    columns.key[index] = reader.next(lengths[at]) ?? '';
    columns.externalId[index] = reader.next(lengths[(at += 1)]);
    columns.sender[index] = reader.next(lengths[(at += 1)]);
    columns.text[index] = reader.next(lengths[(at += 1)]) ?? '';
    columns.replyTo[index] = reader.next(lengths[(at += 1)]);
    columns.forwardedFrom[index] = reader.next(lengths[(at += 1)]);
    columns.reactionsJson[index] = reader.next(lengths[(at += 1)]);
    columns.entitiesJson[index] = reader.next(lengths[(at += 1)]);
    at += 1;
    columns.conversationId[index] = batch.conversationIds[refs[index * 2] ?? 0] ?? '';
    columns.kind[index] = MESSAGE_KINDS[refs[index * 2 + 1] ?? 0] ?? 'other';
  }
  for (const [index, json] of batch.attachments) columns.attachmentsJson[index] = json;
  return columns;
}

/** Reads the packed strings in order, each on its own (ASCII ones the fast way). */
class StringReader {
  readonly #bytes: Buffer;
  #at = 0;

  constructor(bytes: Uint8Array) {
    this.#bytes = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  next(recorded: number | undefined): string | null {
    if (recorded === undefined || recorded === NULL_STRING) return null;
    const start = this.#at;
    if (recorded >= 0) {
      this.#at += recorded;
      return this.#bytes.toString('latin1', start, this.#at);
    }
    this.#at += -2 - recorded;
    return this.#bytes.toString('utf8', start, this.#at);
  }
}
