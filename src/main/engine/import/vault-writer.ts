/**
 * The import's writes, as prepared statements on the one writable connection. Each batch is one
 * transaction: conversations, participants, messages (insert-or-ignore by key), attachments, the
 * full-text rows of what was added, conversation totals, the archive's counters and the job's
 * checkpoint all commit together, so a crash loses at most the batch in flight.
 *
 * Messages go in MESSAGES_PER_INSERT rows to a statement (one statement per row cost the writer as
 * much again as the rows themselves), all of a batch's messages before any full-text row: a
 * statement of many rows keeps a statement journal, and opening one while the full-text table is
 * in the transaction makes FTS5 write out everything it holds in memory as a new segment.
 */
import type { Database } from 'better-sqlite3';
import type { Platform } from '../../../shared/platforms';
import type { ReadMessage } from '../readers/records';
import { MessageIdAllocator } from '../db/message-ids';
import { conversationScope, indexScope } from '../search/index-row';
import { indexText } from '../search/index-text';
import { packBatch, unpackBatch, type BatchColumns } from './batch-columns';

export type AttachmentRow = Readonly<{
  name: string;
  mime: string | null;
  /** The stored blob; null when the export left the file out. */
  sha256: string | null;
  bytes: number | null;
}>;

/** One message as the database stores it (flat, so a batch crosses threads cheaply). */
export type MessageRow = Readonly<{
  conversationId: string;
  key: string;
  externalId: string | null;
  sentAt: number;
  sender: string | null;
  kind: ReadMessage['kind'];
  text: string;
  replyTo: string | null;
  forwardedFrom: string | null;
  editedAt: number | null;
  reactionsJson: string | null;
  entitiesJson: string | null;
  attachments: readonly AttachmentRow[];
}>;

export type StoredBlobRef = Readonly<{ sha256: string; bytes: number }>;

/** The row of a read message, with the stored blobs of its attachments (by index). */
export function messageRow(
  conversationId: string,
  key: string,
  message: ReadMessage,
  blobs: readonly (StoredBlobRef | null)[],
): MessageRow {
  return {
    conversationId,
    key,
    externalId: message.externalId,
    sentAt: message.sentAt,
    sender: message.sender,
    kind: message.kind,
    text: message.text,
    replyTo: message.replyToExternalId,
    forwardedFrom: message.forwardedFrom,
    editedAt: message.editedAt,
    reactionsJson: message.reactions.length === 0 ? null : JSON.stringify(message.reactions),
    entitiesJson:
      message.entities === null || message.entities.length === 0
        ? null
        : JSON.stringify(message.entities),
    attachments: attachmentRows(message, blobs),
  };
}

const NO_ATTACHMENT_ROWS: readonly AttachmentRow[] = Object.freeze([]);

/** The attachment rows of a read message, with the stored blobs of its attachments (by index). */
export function attachmentRows(
  message: ReadMessage,
  blobs: readonly (StoredBlobRef | null)[],
): readonly AttachmentRow[] {
  // Most messages have none: no array is made for each of them.
  if (message.attachments.length === 0) return NO_ATTACHMENT_ROWS;
  return message.attachments.map((attachment, index) => {
    const blob = blobs[index] ?? null;
    return {
      name: attachment.name,
      mime: attachment.mime,
      sha256: blob?.sha256 ?? null,
      bytes: blob?.bytes ?? null,
    };
  });
}

export type Batch = Readonly<{
  conversations: readonly Readonly<{ id: string; platform: Platform; title: string }>[];
  participants: readonly Readonly<{ conversationId: string; name: string }>[];
  messages: readonly MessageRow[];
}>;

export type BatchOutcome = Readonly<{ added: number; existing: number }>;

/** Rows per multi-row message insert (measured: 16 to 64 all about 15% faster than one). */
export const MESSAGES_PER_INSERT = 50;

const MESSAGE_COLUMNS =
  'id, conversation_id, key, external_id, sent_at, sender, kind, text, reply_to, forwarded_from, edited_at, reactions_json, entities_json, archive_id';
const MESSAGE_PARAMETERS = MESSAGE_COLUMNS.split(',').length;

// A message already stored under its key is left as it is; an id in use is an error (see
// #insertGroup and #insertMessage), never silently dropped.
const insertMessagesSql = (rows: number): string =>
  `INSERT INTO messages (${MESSAGE_COLUMNS})
   VALUES ${Array.from({ length: rows }, () => `(${Array.from({ length: MESSAGE_PARAMETERS }, () => '?').join(', ')})`).join(', ')}
   ON CONFLICT (conversation_id, key) DO NOTHING`;

type MessageParameters = (string | number | null)[];

export class VaultWriter {
  readonly #db: Database;
  readonly #upsertConversation;
  readonly #insertParticipant;
  readonly #insertMessageStatement;
  readonly #insertMessagesStatement;
  readonly #storedIds;
  readonly #rowsPerInsert: number;
  /** The parameters of one multi-row insert, filled in place for each. */
  readonly #parameters: MessageParameters;
  readonly #insertFts;
  readonly #insertAttachment;
  readonly #insertBlob;
  readonly #bumpConversation;
  readonly #bumpArchive;
  readonly #checkpoint;
  readonly #ids: MessageIdAllocator;
  readonly #platformOf;
  /** The index's scope tokens of each conversation written to. */
  readonly #scopes = new Map<string, string>();
  /** Sender names as the index holds them. */
  readonly #senders = new Map<string, string>();

  /** `rowsPerInsert`: messages per multi-row insert (tests make it small). */
  constructor(db: Database, rowsPerInsert = MESSAGES_PER_INSERT) {
    this.#db = db;
    this.#rowsPerInsert = rowsPerInsert;
    this.#parameters = new Array<string | number | null>(rowsPerInsert * MESSAGE_PARAMETERS);
    const maxIdIn = db
      .prepare<[number, number], number | null>(
        'SELECT max(id) FROM messages WHERE id BETWEEN ? AND ?',
      )
      .pluck();
    this.#ids = new MessageIdAllocator(
      (low, high) => maxIdIn.get(low, high) ?? null,
      db.prepare<[], number | null>('SELECT max(id) FROM messages').pluck().get() ?? null,
    );
    this.#upsertConversation = db.prepare<[string, string, string]>(
      `INSERT INTO conversations (id, platform, title) VALUES (?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET title = excluded.title`,
    );
    this.#insertParticipant = db.prepare<[string, string]>(
      'INSERT OR IGNORE INTO participants (conversation_id, name) VALUES (?, ?)',
    );
    this.#insertMessageStatement = db.prepare<MessageParameters>(insertMessagesSql(1));
    this.#insertMessagesStatement = db.prepare<MessageParameters>(insertMessagesSql(rowsPerInsert));
    this.#storedIds = db
      .prepare<[string], number>(
        'SELECT id FROM messages WHERE id IN (SELECT value FROM json_each(?))',
      )
      .pluck();
    this.#insertFts = db.prepare<[number, string, string, string]>(
      'INSERT INTO messages_fts (rowid, text, sender, scope) VALUES (?, ?, ?, ?)',
    );
    this.#platformOf = db
      .prepare<[string], Platform>('SELECT platform FROM conversations WHERE id = ?')
      .pluck();
    this.#insertAttachment = db.prepare<
      [number, number, string, string | null, string | null, number | null]
    >(
      'INSERT INTO attachments (message_id, ordinal, name, mime, sha256, bytes) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.#insertBlob = db.prepare<[string, number, number]>(
      'INSERT OR IGNORE INTO blobs (sha256, bytes, stored_at) VALUES (?, ?, ?)',
    );
    this.#bumpConversation = db.prepare<
      [{ count: number; first: number; last: number; id: string }]
    >(
      `UPDATE conversations SET
         message_count = message_count + :count,
         first_at = min(coalesce(first_at, :first), :first),
         last_at = max(coalesce(last_at, :last), :last)
       WHERE id = :id`,
    );
    this.#bumpArchive = db.prepare<[number, number, number]>(
      'UPDATE archives SET messages_added = messages_added + ?, messages_existing = messages_existing + ? WHERE id = ?',
    );
    this.#checkpoint = db.prepare<[number, number, number]>(
      'UPDATE import_jobs SET records_done = ?, updated_at = ? WHERE id = ?',
    );
  }

  blob(sha256: string, bytes: number): void {
    this.#insertBlob.run(sha256, bytes, Date.now());
  }

  /** Writes one batch and moves the job's checkpoint to `recordsDone`, atomically. */
  commit(
    batch: Batch,
    archiveId: number,
    job: Readonly<{ id: number; recordsDone: number }>,
  ): BatchOutcome {
    return this.commitColumns(unpackBatch(packBatch(batch)), archiveId, job);
  }

  /**
   * `commit` for a batch laid out by column (as it arrives from the reading thread), read in place:
   * no object per message is made, so a large batch costs the writer thread little garbage.
   */
  commitColumns(
    columns: BatchColumns,
    archiveId: number,
    job: Readonly<{ id: number; recordsDone: number }>,
  ): BatchOutcome {
    const count = columns.key.length;
    return this.#db
      .transaction((): BatchOutcome => {
        for (const { id, platform, title } of columns.conversations) {
          this.#upsertConversation.run(id, platform, title);
        }
        for (const { conversationId, name } of columns.participants) {
          this.#insertParticipant.run(conversationId, name);
        }
        const rowIds = this.#insertMessages(columns, archiveId);
        let added = 0;
        const totals = new Map<string, { count: number; first: number; last: number }>();
        for (let index = 0; index < count; index += 1) {
          const rowId = rowIds[index] ?? Number.NaN;
          if (Number.isNaN(rowId)) continue;
          added += 1;
          const conversationId = columns.conversationId[index] ?? '';
          const sentAt = columns.times[index * 2] ?? 0;
          const attachmentsJson = columns.attachmentsJson[index] ?? null;
          const attachments =
            attachmentsJson === null ? [] : (JSON.parse(attachmentsJson) as AttachmentRow[]);
          const kind = columns.kind[index] ?? 'other';
          const text = columns.text[index] ?? '';
          this.#insertFts.run(
            rowId,
            indexText(text),
            this.#senderIndexText(columns.sender[index] ?? null),
            indexScope(this.#scope(conversationId), kind === 'media' || attachments.length > 0),
          );
          attachments.forEach((attachment, ordinal) => {
            if (attachment.sha256 !== null) this.blob(attachment.sha256, attachment.bytes ?? 0);
            this.#insertAttachment.run(
              rowId,
              ordinal,
              attachment.name,
              attachment.mime,
              attachment.sha256,
              attachment.bytes,
            );
          });
          const total = totals.get(conversationId);
          if (total === undefined)
            totals.set(conversationId, { count: 1, first: sentAt, last: sentAt });
          else {
            total.count += 1;
            total.first = Math.min(total.first, sentAt);
            total.last = Math.max(total.last, sentAt);
          }
        }
        for (const [conversationId, total] of totals) {
          this.#bumpConversation.run({ ...total, id: conversationId });
        }
        this.#bumpArchive.run(added, count - added, archiveId);
        this.#checkpoint.run(job.recordsDone, Date.now(), job.id);
        return { added, existing: count - added };
      })
      .immediate();
  }

  /** A sender's name as the index holds it; the few names of a chat are worked out once each. */
  #senderIndexText(sender: string | null): string {
    if (sender === null) return '';
    let indexed = this.#senders.get(sender);
    if (indexed === undefined) {
      if (this.#senders.size >= 4096) this.#senders.clear();
      indexed = indexText(sender);
      this.#senders.set(sender, indexed);
    }
    return indexed;
  }

  #scope(conversationId: string): string {
    let scope = this.#scopes.get(conversationId);
    if (scope === undefined) {
      const platform = this.#platformOf.get(conversationId);
      if (platform === undefined) throw new Error(`No conversation ${conversationId} to write to`);
      scope = conversationScope(conversationId, platform);
      this.#scopes.set(conversationId, scope);
    }
    return scope;
  }

  /**
   * Inserts the batch's messages under time-ordered ids: the id each got, or NaN where its key
   * was stored already. Whole groups go through the multi-row insert, the rest one by one.
   */
  #insertMessages(columns: BatchColumns, archiveId: number): Float64Array {
    const count = columns.key.length;
    const rowIds = new Float64Array(count).fill(Number.NaN);
    let index = 0;
    for (; index + this.#rowsPerInsert <= count; index += this.#rowsPerInsert) {
      this.#insertGroup(columns, index, archiveId, rowIds);
    }
    for (; index < count; index += 1) {
      rowIds[index] = this.#insertMessage(columns, index, archiveId);
    }
    return rowIds;
  }

  /**
   * Inserts messages [first, first + rowsPerInsert) with one statement. Each gets its id before
   * the statement runs; an id left unused by a message whose key was stored stays a gap (ids need
   * only be ordered, not dense). If another writer took one of the ids, the statement changes
   * nothing and the group goes one by one, which finds free ids.
   */
  #insertGroup(
    columns: BatchColumns,
    first: number,
    archiveId: number,
    rowIds: Float64Array,
  ): void {
    const rows = this.#rowsPerInsert;
    const parameters = this.#parameters;
    for (let row = 0; row < rows; row += 1) {
      const index = first + row;
      const id = this.#ids.propose(columns.times[index * 2] ?? 0);
      this.#ids.taken(id);
      rowIds[index] = id;
      fillMessageParameters(parameters, row * MESSAGE_PARAMETERS, id, columns, index, archiveId);
    }
    let changes: number;
    try {
      // As arguments, not one array: better-sqlite3 reads an array's elements one property lookup
      // at a time (measured: the writer spends about a tenth less time per message this way).
      changes = this.#insertMessagesStatement.run(...parameters).changes;
    } catch (error) {
      if (!isPrimaryKeyConflict(error)) throw error;
      for (let index = first; index < first + rows; index += 1) {
        rowIds[index] = this.#insertMessage(columns, index, archiveId);
      }
      return;
    }
    if (changes === rows) return;
    // Some keys were stored: the messages that got in are those whose id is now in use.
    const stored = new Set(
      this.#storedIds.all(JSON.stringify(Array.from(rowIds.subarray(first, first + rows)))),
    );
    for (let index = first; index < first + rows; index += 1) {
      if (!stored.has(rowIds[index] ?? Number.NaN)) rowIds[index] = Number.NaN;
    }
  }

  /** Inserts message `index` of the batch alone: its id, or NaN when its key is stored. */
  #insertMessage(columns: BatchColumns, index: number, archiveId: number): number {
    const parameters: MessageParameters = new Array<string | number | null>(MESSAGE_PARAMETERS);
    for (;;) {
      const id = this.#ids.propose(columns.times[index * 2] ?? 0);
      fillMessageParameters(parameters, 0, id, columns, index, archiveId);
      try {
        const { changes } = this.#insertMessageStatement.run(...parameters);
        if (changes === 0) return Number.NaN;
        this.#ids.taken(id);
        return id;
      } catch (error) {
        // Another writer (a second process on the same vault) took the id: look again.
        if (!isPrimaryKeyConflict(error)) throw error;
        this.#ids.collided(id);
      }
    }
  }
}

/** Writes the insert parameters of message `index` of the batch at `parameters[at..]`. */
function fillMessageParameters(
  parameters: MessageParameters,
  at: number,
  id: number,
  columns: BatchColumns,
  index: number,
  archiveId: number,
): void {
  const editedAt = columns.times[index * 2 + 1] ?? Number.NaN;
  parameters[at] = id;
  parameters[at + 1] = columns.conversationId[index] ?? '';
  parameters[at + 2] = columns.key[index] ?? '';
  parameters[at + 3] = columns.externalId[index] ?? null;
  parameters[at + 4] = columns.times[index * 2] ?? 0;
  parameters[at + 5] = columns.sender[index] ?? null;
  parameters[at + 6] = columns.kind[index] ?? 'other';
  parameters[at + 7] = columns.text[index] ?? '';
  parameters[at + 8] = columns.replyTo[index] ?? null;
  parameters[at + 9] = columns.forwardedFrom[index] ?? null;
  parameters[at + 10] = Number.isNaN(editedAt) ? null : editedAt;
  parameters[at + 11] = columns.reactionsJson[index] ?? null;
  parameters[at + 12] = columns.entitiesJson[index] ?? null;
  parameters[at + 13] = archiveId;
}

function isPrimaryKeyConflict(error: unknown): boolean {
  return (
    error instanceof Error &&
    'code' in error &&
    (error as { code: unknown }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}
