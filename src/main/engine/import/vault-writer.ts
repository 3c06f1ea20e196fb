/**
 * The import's writes, as prepared statements on the one writable connection. Each batch is one
 * transaction: conversations, participants, messages (insert-or-ignore by key), attachments, the
 * full-text rows of what was added, conversation totals, the archive's counters and the job's
 * checkpoint all commit together, so a crash loses at most the batch in flight.
 */
import type { Database } from 'better-sqlite3';
import type { Platform } from '../../../shared/platforms';
import type { ReadMessage } from '../readers/records';
import { MessageIdAllocator } from '../db/message-ids';
import { conversationScope, indexScope } from '../search/index-row';
import { indexText } from '../search/index-text';
import { encodeBatch, type BatchColumns } from './batch-columns';

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
    attachments: message.attachments.map((attachment, index) => {
      const blob = blobs[index] ?? null;
      return {
        name: attachment.name,
        mime: attachment.mime,
        sha256: blob?.sha256 ?? null,
        bytes: blob?.bytes ?? null,
      };
    }),
  };
}

export type Batch = Readonly<{
  conversations: readonly Readonly<{ id: string; platform: Platform; title: string }>[];
  participants: readonly Readonly<{ conversationId: string; name: string }>[];
  messages: readonly MessageRow[];
}>;

export type BatchOutcome = Readonly<{ added: number; existing: number }>;

export class VaultWriter {
  readonly #db: Database;
  readonly #upsertConversation;
  readonly #insertParticipant;
  readonly #insertMessageStatement;
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

  constructor(db: Database) {
    this.#db = db;
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
    this.#insertMessageStatement = db.prepare<
      [
        number,
        string,
        string,
        string | null,
        number,
        string | null,
        string,
        string,
        string | null,
        string | null,
        number | null,
        string | null,
        string | null,
        number,
      ]
    >(
      // A message already stored under its key is left as it is; an id in use is an error (see
      // insertMessage), never silently dropped.
      `INSERT INTO messages
         (id, conversation_id, key, external_id, sent_at, sender, kind, text, reply_to,
          forwarded_from, edited_at, reactions_json, entities_json, archive_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (conversation_id, key) DO NOTHING`,
    );
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
    return this.commitColumns(encodeBatch(batch).columns, archiveId, job);
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
        let added = 0;
        const totals = new Map<string, { count: number; first: number; last: number }>();
        for (let index = 0; index < count; index += 1) {
          const conversationId = columns.conversationId[index] ?? '';
          const sentAt = columns.times[index * 2] ?? 0;
          const attachmentsJson = columns.attachmentsJson[index] ?? null;
          const attachments =
            attachmentsJson === null ? [] : (JSON.parse(attachmentsJson) as AttachmentRow[]);
          const rowId = this.#insertMessage(columns, index, sentAt, archiveId);
          if (rowId === null) continue;
          added += 1;
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

  /** Inserts message `index` of the batch under a time-ordered id; null when its key is stored. */
  #insertMessage(
    columns: BatchColumns,
    index: number,
    sentAt: number,
    archiveId: number,
  ): number | null {
    const editedAt = columns.times[index * 2 + 1] ?? Number.NaN;
    for (;;) {
      const id = this.#ids.propose(sentAt);
      try {
        const { changes } = this.#insertMessageStatement.run(
          id,
          columns.conversationId[index] ?? '',
          columns.key[index] ?? '',
          columns.externalId[index] ?? null,
          sentAt,
          columns.sender[index] ?? null,
          columns.kind[index] ?? 'other',
          columns.text[index] ?? '',
          columns.replyTo[index] ?? null,
          columns.forwardedFrom[index] ?? null,
          Number.isNaN(editedAt) ? null : editedAt,
          columns.reactionsJson[index] ?? null,
          columns.entitiesJson[index] ?? null,
          archiveId,
        );
        if (changes === 0) return null;
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

function isPrimaryKeyConflict(error: unknown): boolean {
  return (
    error instanceof Error &&
    'code' in error &&
    (error as { code: unknown }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}
