import { spawn, spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { chatLines } from '../../support/fake-whatsapp-reader';
import { cliPath } from '../../support/paths';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();
const MESSAGES = 40_000;

function messageCount(vaultDir: string): number {
  try {
    const db = new Database(path.join(vaultDir, 'vault.db'), {
      readonly: true,
      fileMustExist: true,
    });
    try {
      return db.prepare('SELECT count(*) FROM messages').pluck().get() as number;
    } finally {
      db.close();
    }
  } catch {
    return 0;
  }
}

/** Starts `chat-vault import` and SIGKILLs it once at least `atLeast` messages are committed. */
async function importAndKill(vaultDir: string, file: string, atLeast: number): Promise<number> {
  const child = spawn(process.execPath, [cliPath, '--vault', vaultDir, 'import', file, '--json'], {
    stdio: 'ignore',
  });
  let exited = false;
  child.once('exit', () => (exited = true));
  while (!exited && messageCount(vaultDir) < atLeast) await sleep(5);
  child.kill('SIGKILL');
  await new Promise((resolve) => (exited ? resolve(undefined) : child.once('exit', resolve)));
  return messageCount(vaultDir);
}

function runCli(vaultDir: string, ...args: string[]) {
  const child = spawnSync(process.execPath, [cliPath, '--vault', vaultDir, ...args, '--json'], {
    encoding: 'utf8',
  });
  return { status: child.status, json: JSON.parse(child.stdout) as unknown };
}

describe('an import killed with SIGKILL', () => {
  it(
    'resumes from its checkpoint with nothing lost and nothing doubled',
    { timeout: 120_000 },
    async () => {
      const vaultDir = await tempDir();
      const file = path.join(await tempDir(), 'WhatsApp Chat with Ana.txt');
      await writeFile(file, chatLines(MESSAGES));

      const counts: number[] = [];
      for (const atLeast of [1, 10_000, 25_000])
        counts.push(await importAndKill(vaultDir, file, atLeast));
      // Each kill happened part-way, after more had been committed than before.
      expect(counts[0]).toBeGreaterThan(0);
      expect(counts.at(-1)).toBeLessThan(MESSAGES);

      const resumed = runCli(vaultDir, 'import', file);
      expect(resumed.status).toBe(0);
      expect(resumed.json).toMatchObject({
        imports: [{ status: 'imported', messagesAdded: MESSAGES }],
      });
      expect(messageCount(vaultDir)).toBe(MESSAGES);

      const db = new Database(path.join(vaultDir, 'vault.db'), { readonly: true });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.prepare('SELECT count(DISTINCT text) FROM messages').pluck().get()).toBe(MESSAGES);
      expect(
        db.prepare("SELECT count(*) FROM archives WHERE status = 'complete'").pluck().get(),
      ).toBe(1);
      expect(db.prepare('SELECT message_count FROM conversations').pluck().get()).toBe(MESSAGES);
      db.close();

      expect(runCli(vaultDir, 'import', file).json).toMatchObject({
        imports: [{ status: 'unchanged', messagesAdded: 0 }],
      });
      expect(runCli(vaultDir, 'verify').json).toMatchObject({ ok: true, damaged: [] });
    },
  );
});
