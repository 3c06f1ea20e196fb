/**
 * Checkpoints of an import's writes. The writer's connection does not checkpoint after its
 * commits (SQLite's default, which made the writer copy every page twice before going on): the
 * checkpoint thread copies each commit into the database file with a passive checkpoint, which
 * never waits for the writer, while the writer goes on with the next batch. Because the writer
 * never pauses, though, the log is never started over by itself; so every RESTART_EVERY_COMMITS
 * commits the writer restarts it (copying only what the checkpoint thread has not yet), which
 * bounds the log at a few batches.
 */
import type { Database } from 'better-sqlite3';

export const RESTART_EVERY_COMMITS = 8;

/** The writer's side: no checkpoint after a commit, a restart of the log every few. */
export class WriterCheckpoints {
  readonly #db: Database;
  readonly #restartEvery: number;
  #commits = 0;

  constructor(db: Database, restartEvery = RESTART_EVERY_COMMITS) {
    this.#db = db;
    this.#restartEvery = restartEvery;
    db.pragma('wal_autocheckpoint = 0');
  }

  committed(): void {
    this.#commits += 1;
    if (this.#commits % this.#restartEvery === 0) this.#db.pragma('wal_checkpoint(RESTART)');
  }
}

/** The checkpoint thread's side: copy what is committed, without waiting for anyone. */
export function passiveCheckpoint(db: Database): void {
  db.pragma('wal_checkpoint(PASSIVE)');
}
