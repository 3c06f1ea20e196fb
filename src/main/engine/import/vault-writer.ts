/**
 * The import's writes, as prepared statements on the one writable connection. Each batch is one
 * transaction: conversations, participants, messages (insert-or-ignore by key), attachments, the
 * full-text rows of what was added, conversation totals, the archive's counters and the job's
 * checkpoint all commit together, so a crash loses at most the batch in flight.
 */
import type { Database } from 'better-sqlite3';
import type { Platform } from '../../../shared/platforms';
import type { ReadMessage } from '../readers/records';
import { spaceCjk } from '../search/cjk-tokens';

export type PendingMessage = Readonly<{
  conversationId: string;
  key: string;
  message: ReadMessage;
  /** Stored blobs of the attachments, by attachment index (null: not in the export). */
  blobs: readonly (Readonly<{ sha256: string; bytes: number }> | null)[];
}>;

export type Batch = Readonly<{
  conversations: readonly Readonly<{ id: string; platform: Platform; title: string }>[];
  participants: readonly Readonly<{ conversationId: string; name: string }>[];
  messages: readonly PendingMessage[];
}>;

export type BatchOutcome = Readonly<{ added: number; existing: number }>;

export class VaultWriter {
  readonly #db: Database;
  readonly #upsertConversation;
  readonly #insertParticipant;
  readonly #insertMessage;
  readonly #insertFts;
  readonly #insertAttachment;
  readonly #insertBlob;
  readonly #bumpConversation;
  readonly #bumpArchive;
  readonly #checkpoint;

  constructor(db: Database) {
    this.#db = db;
    this.#upsertConversation = db.prepare<[string, string, string]>(
      `INSERT INTO conversations (id, platform, title) VALUES (?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET title = excluded.title`,
    );
    this.#insertParticipant = db.prepare<[string, string]>(
      'INSERT OR IGNORE INTO participants (conversation_id, name) VALUES (?, ?)',
    );
    this.#insertMessage = db.prepare<
      [
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
      `INSERT OR IGNORE INTO messages
         (conversation_id, key, external_id, sent_at, sender, kind, text, reply_to, forwarded_from,
          edited_at, reactions_json, entities_json, archive_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.#insertFts = db.prepare<[number | bigint, string]>(
      'INSERT INTO messages_fts (rowid, text) VALUES (?, ?)',
    );
    this.#insertAttachment = db.prepare<
      [number | bigint, number, string, string | null, string | null, number | null]
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
    return this.#db
      .transaction((): BatchOutcome => {
        for (const { id, platform, title } of batch.conversations) {
          this.#upsertConversation.run(id, platform, title);
        }
        for (const { conversationId, name } of batch.participants) {
          this.#insertParticipant.run(conversationId, name);
        }
        let added = 0;
        const totals = new Map<string, { count: number; first: number; last: number }>();
        for (const { conversationId, key, message, blobs } of batch.messages) {
          const result = this.#insertMessage.run(
            conversationId,
            key,
            message.externalId,
            message.sentAt,
            message.sender,
            message.kind,
            message.text,
            message.replyToExternalId,
            message.forwardedFrom,
            message.editedAt,
            message.reactions.length === 0 ? null : JSON.stringify(message.reactions),
            message.entities === null || message.entities.length === 0
              ? null
              : JSON.stringify(message.entities),
            archiveId,
          );
          if (result.changes === 0) continue;
          added += 1;
          const rowId = result.lastInsertRowid;
          if (message.text !== '') this.#insertFts.run(rowId, spaceCjk(message.text));
          message.attachments.forEach((attachment, ordinal) => {
            const blob = blobs[ordinal] ?? null;
            if (blob !== null) this.blob(blob.sha256, blob.bytes);
            this.#insertAttachment.run(
              rowId,
              ordinal,
              attachment.name,
              attachment.mime,
              blob?.sha256 ?? null,
              blob?.bytes ?? null,
            );
          });
          const total = totals.get(conversationId);
          if (total === undefined)
            totals.set(conversationId, { count: 1, first: message.sentAt, last: message.sentAt });
          else {
            total.count += 1;
            total.first = Math.min(total.first, message.sentAt);
            total.last = Math.max(total.last, message.sentAt);
          }
        }
        for (const [conversationId, total] of totals) {
          this.#bumpConversation.run({ ...total, id: conversationId });
        }
        this.#bumpArchive.run(added, batch.messages.length - added, archiveId);
        this.#checkpoint.run(job.recordsDone, Date.now(), job.id);
        return { added, existing: batch.messages.length - added };
      })
      .immediate();
  }
}
