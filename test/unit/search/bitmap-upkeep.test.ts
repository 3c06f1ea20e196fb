import { describe, expect, it } from 'vitest';
import type { DbClient } from '../../../src/main/engine/db/client';
import { BitmapUpkeep } from '../../../src/main/engine/search/bitmaps/bitmap-upkeep';
import type { BitmapPolicy } from '../../../src/main/engine/search/bitmaps/build-bitmaps';
import { openTestEngine } from '../../support/engine';
import { useTempDirs } from '../../support/temp-dir';
import { insertTestArchiveAndJob, openVaultDb, textMessageRow } from '../../support/vault-db';
import { VaultWriter } from '../../../src/main/engine/import/vault-writer';

const POLICY: BitmapPolicy = { minMessages: 10, minShare: 0.1, restRatio: 1 };

/** A build thread whose builds end when the test says; it records what was asked of it. */
function controlledThreads() {
  const builds: { finish: () => void }[] = [];
  let started = 0;
  let terminated = 0;
  let closed = 0;
  const start = (): Promise<DbClient> => {
    started += 1;
    return Promise.resolve({
      schemaVersion: 4,
      call: (() =>
        new Promise<unknown>((resolve, reject) => {
          builds.push({ finish: () => resolve({ messages: 10, tokens: 1, milliseconds: 1 }) });
          stop = () => reject(new Error('terminated'));
        })) as unknown as DbClient['call'],
      close: () => {
        closed += 1;
        return Promise.resolve();
      },
      terminate: () => {
        terminated += 1;
        stop();
        return Promise.resolve();
      },
    });
  };
  let stop = (): void => undefined;
  return {
    start,
    builds,
    counts: () => ({ started, terminated, closed }),
  };
}

/** An upkeep of a vault whose bitmaps are stale, on controlled threads. */
function staleVaultUpkeep() {
  const threads = controlledThreads();
  const upkeep = new BitmapUpkeep({
    policy: POLICY,
    stale: () => Promise.resolve(true),
    startThread: threads.start,
  });
  return { threads, upkeep };
}

/** A stale-vault upkeep whose first build is under way. */
async function upkeepMidBuild() {
  const made = staleVaultUpkeep();
  made.upkeep.request();
  await tick();
  await tick();
  expect(made.threads.builds).toHaveLength(1);
  return made;
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('bitmap upkeep', () => {
  it('runs one build at a time, and one more for requests made during it', async () => {
    const { threads, upkeep } = staleVaultUpkeep();
    upkeep.request();
    await tick();
    upkeep.request();
    upkeep.request();
    await tick();
    expect(threads.builds).toHaveLength(1);
    threads.builds[0]?.finish();
    await tick();
    await tick();
    expect(threads.builds).toHaveLength(2);
    threads.builds[1]?.finish();
    await upkeep.idle();
    expect(threads.builds).toHaveLength(2);
    expect(threads.counts().closed).toBe(2);
  });

  it('starts no thread when the bitmaps are current', async () => {
    const threads = controlledThreads();
    const upkeep = new BitmapUpkeep({
      policy: POLICY,
      stale: () => Promise.resolve(false),
      startThread: threads.start,
    });
    upkeep.request();
    await upkeep.idle();
    expect(threads.builds).toHaveLength(0);
  });

  it('stops a build under way when an import starts, and builds again when asked', async () => {
    const { threads, upkeep } = await upkeepMidBuild();
    await upkeep.stop();
    await upkeep.idle();
    expect(threads.counts().terminated).toBe(1);
    upkeep.request();
    await tick();
    await tick();
    expect(threads.builds).toHaveLength(2);
    threads.builds[1]?.finish();
    await upkeep.idle();
  });

  it('starts no build once stopped while it was still asking whether one is due', async () => {
    const threads = controlledThreads();
    let answer: (stale: boolean) => void = () => undefined;
    const upkeep = new BitmapUpkeep({
      policy: POLICY,
      stale: () => new Promise<boolean>((resolve) => (answer = resolve)),
      startThread: threads.start,
    });
    upkeep.request();
    await upkeep.stop();
    answer(true);
    await upkeep.idle();
    expect(threads.counts().started).toBe(0);
    expect(threads.builds).toHaveLength(0);
  });

  it('stops a build under way when closed, and builds nothing after', async () => {
    const { threads, upkeep } = await upkeepMidBuild();
    await upkeep.close();
    expect(threads.counts().terminated).toBe(1);
    upkeep.request();
    await upkeep.idle();
    expect(threads.builds).toHaveLength(1);
  });
});

const tempDir = useTempDirs();

/** A vault folder of 400 messages: "the photo" in 67 of them, "the dinner" in 200. */
async function vaultOf400(): Promise<string> {
  const vaultDir = await tempDir();
  const db = openVaultDb(vaultDir);
  insertTestArchiveAndJob(db);
  const messages = Array.from({ length: 400 }, (_, n) =>
    textMessageRow({
      key: `k${n}`,
      sentAt: Date.UTC(2024, 0, 1) + n * 60_000,
      text: n % 2 === 0 ? 'the dinner' : n % 3 === 0 ? 'the photo' : 'photo',
    }),
  );
  new VaultWriter(db).commit(
    { conversations: [{ id: 'c1', platform: 'whatsapp', title: 'A' }], participants: [], messages },
    1,
    { id: 1, recordsDone: 0 },
  );
  db.close();
  return vaultDir;
}

describe('the engine', () => {
  it('builds the bitmaps of a vault that has none, and its searches count with them', async () => {
    const engine = await openTestEngine(await vaultOf400(), {
      searchBitmaps: POLICY,
      resumeImports: false,
    });
    try {
      await engine.searchBitmapsBuilt();
      expect(await engine.db.call('searchBitmapsStale', POLICY)).toBe(false);
      const request = {
        query: 'the -dinner',
        conversationId: null,
        order: 'newest' as const,
        limit: 5,
        cursor: null,
        offset: 0,
      };
      // Counted with the bitmaps on the query thread...
      const counted = await engine.db.call('searchWithBitmaps', request);
      expect(counted?.total).toBe(67);
      // ...and the same through the engine's handler.
      const result = await engine.handlers['search.messages'](request);
      expect(result.total).toBe(67);
      expect(result.hits).toHaveLength(5);
    } finally {
      await engine.close();
    }
  });

  it('builds none when told not to keep them (a command that exits when done)', async () => {
    const engine = await openTestEngine(await vaultOf400(), {
      searchBitmaps: POLICY,
      resumeImports: false,
      keepSearchBitmaps: false,
    });
    try {
      await engine.searchBitmapsBuilt();
      expect(await engine.db.call('searchBitmapsStale', POLICY)).toBe(true);
    } finally {
      await engine.close();
    }
  });
});
