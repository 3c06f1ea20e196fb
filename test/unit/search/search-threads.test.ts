import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDbWorker } from '../../../src/main/engine/db/client';
import { openDatabase } from '../../../src/main/engine/db/open-database';
import { VaultWriter } from '../../../src/main/engine/import/vault-writer';
import {
  searchMessages,
  type SearchRequest,
} from '../../../src/main/engine/search/search-messages';
import { SearchThreads } from '../../../src/main/engine/search/search-threads';
import { openTestEngine } from '../../support/engine';
import { workersDir } from '../../support/paths';
import { insertTestArchiveAndJob, openVaultDb, textMessageRow } from '../../support/vault-db';

let vaultDir: string;

const WORDS = ['the', 'dinner', 'photo', 'time', '我', '你', '的', 'Ana', 'x'];
const CONVERSATIONS = [
  { id: 'c1', platform: 'whatsapp', title: 'Family' },
  { id: 'c2', platform: 'telegram', title: 'Work' },
] as const;

/** A vault of 6,000 messages over two years and two conversations, written before any engine. */
beforeAll(async () => {
  // One vault for the whole file (useTempDirs removes its folders after each test).
  vaultDir = await mkdtemp(path.join(os.tmpdir(), 'chat-vault-search-threads-'));
  const db = openVaultDb(vaultDir);
  insertTestArchiveAndJob(db);
  const messages = Array.from({ length: 6000 }, (_, n) =>
    textMessageRow({
      conversationId: n % 3 === 0 ? 'c2' : 'c1',
      key: `k${n}`,
      sentAt: Date.UTC(2022, 0, 1) + n * 3 * 3_600_000,
      sender: n % 5 === 0 ? 'Ana' : 'Bo',
      text: WORDS.filter((_, index) => (n + index) % (index + 2) === 0).join(' ') || 'x',
    }),
  );
  new VaultWriter(db).commit({ conversations: CONVERSATIONS, participants: [], messages }, 1, {
    id: 1,
    recordsDone: 0,
  });
  db.close();
});

const QUERIES = ['the', '我', 'the -dinner', 'photo from:ana', 'time after:2022-06-01', 'x OR 的'];

const request = (query: string, cursor: string | null = null): SearchRequest => ({
  query,
  conversationId: null,
  order: 'newest',
  limit: 20,
  cursor,
  offset: 0,
  timeZone: 'UTC',
});

/** The same search on one connection, as the single query thread would answer it. */
function alone(query: string, cursor: string | null = null) {
  const db = openDatabase(path.join(vaultDir, 'vault.db'), { readonly: true });
  try {
    const result = searchMessages(db, request(query, cursor));
    return { total: result.total, hits: result.hits, nextCursor: result.nextCursor };
  } finally {
    db.close();
  }
}

afterAll(() => rm(vaultDir, { recursive: true, force: true }));

describe('searching with search threads', () => {
  let engine: Awaited<ReturnType<typeof openTestEngine>>;
  beforeAll(async () => {
    engine = await openTestEngine(vaultDir, { searchThreads: 2, resumeImports: false });
    await engine.searchThreadsStarted();
  });
  afterAll(() => engine.close());

  it('gives the hits and exact totals one thread gives, page after page', async () => {
    for (const query of QUERIES) {
      const first = await engine.handlers['search.messages'](request(query));
      const expected = alone(query);
      expect(expected.total, query).toBeGreaterThan(20);
      expect(first, query).toEqual(expected);
      const second = await engine.handlers['search.messages'](request(query, first.nextCursor));
      expect(second, `${query}, page 2`).toEqual(alone(query, first.nextCursor));
    }
    // Fewer hits than a page, spread or not over the parts.
    for (const query of ['dinner after:2024-01-18', 'dinner photo time the 我 你', 'nothing']) {
      const expected = alone(query);
      expect(expected.total, query).toBeLessThan(20);
      if (query !== 'nothing') expect(expected.total, query).toBeGreaterThan(1);
      expect(await engine.handlers['search.messages'](request(query)), query).toEqual(expected);
    }
  });

  it('ranks by relevance over every hit while the parts are counted apart', async () => {
    for (const query of QUERIES) {
      const ranked = { ...request(query), order: 'relevance' as const };
      const db = openDatabase(path.join(vaultDir, 'vault.db'), { readonly: true });
      try {
        const { total, hits, nextCursor } = searchMessages(db, ranked);
        expect(await engine.handlers['search.messages'](ranked), query).toEqual({
          total,
          hits,
          nextCursor,
        });
      } finally {
        db.close();
      }
    }
  });
});

describe('search threads that cannot start', () => {
  it('leave the count to the query thread', async () => {
    const db = await startDbWorker(path.join(workersDir, 'db-worker.mjs'), {
      file: path.join(vaultDir, 'vault.db'),
      nativeBinding: undefined,
    });
    const threads = new SearchThreads(
      path.join(workersDir, 'no-such-worker.mjs'),
      { file: path.join(vaultDir, 'vault.db'), nativeBinding: undefined },
      2,
    );
    try {
      await threads.started();
      for (const query of QUERIES) {
        expect(await threads.search(db, request(query)), query).toEqual(alone(query));
      }
    } finally {
      await threads.close();
      await db.close();
    }
  });
});

describe('a search thread that goes while searching', () => {
  it('leaves its parts to the other threads', async () => {
    const file = path.join(vaultDir, 'vault.db');
    const workerPath = path.join(workersDir, 'db-worker.mjs');
    const db = await startDbWorker(workerPath, { file, nativeBinding: undefined });
    let started = 0;
    const threads = new SearchThreads(
      workerPath,
      { file, nativeBinding: undefined },
      3,
      async (at, data) => {
        started += 1;
        const which = started;
        const client = await startDbWorker(at, data);
        if (which !== 2) return client;
        // The second thread has gone by the time it is asked for anything.
        await client.close();
        return client;
      },
    );
    try {
      await threads.started();
      for (const query of QUERIES) {
        expect(await threads.search(db, request(query)), query).toEqual(alone(query));
        expect(threads.threadCount, 'the thread that has gone is let go').toBe(2);
        const ranked = { ...request(query), order: 'relevance' as const };
        const expected = await db.call('searchMessages', ranked);
        expect(await threads.search(db, ranked), `${query} by relevance`).toEqual({
          total: expected.total,
          hits: expected.hits,
          nextCursor: null,
        });
      }
    } finally {
      await threads.close();
      await db.close();
    }
  });
});
