/**
 * Imports one export through the real command line in a child process and measures, from outside:
 * time until the first message is visible to a reader, total time, and the child's peak RSS.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';

export type ImportFigures = Readonly<{
  firstMessageMs: number | null;
  totalMs: number;
  messages: number;
  peakRssMb: number;
  status: string;
}>;

export async function rssKb(pid: number): Promise<number> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/u.exec(status)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

function firstMessageVisible(dbFile: string): boolean {
  if (!existsSync(dbFile)) return false;
  try {
    const db = new Database(dbFile, { readonly: true, fileMustExist: true });
    try {
      return db.prepare('SELECT 1 FROM messages LIMIT 1').get() !== undefined;
    } finally {
      db.close();
    }
  } catch {
    return false;
  }
}

export async function measureImport(
  cli: string,
  vaultDir: string,
  input: string,
): Promise<ImportFigures> {
  const dbFile = path.join(vaultDir, 'vault.db');
  const started = performance.now();
  const child = spawn(process.execPath, [cli, '--vault', vaultDir, 'import', input, '--json'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let running = true;
  void exited.then(() => (running = false));
  let peakKb = 0;
  let firstMessageMs: number | null = null;
  while (running) {
    peakKb = Math.max(peakKb, await rssKb(child.pid ?? 0));
    if (firstMessageMs === null && firstMessageVisible(dbFile))
      firstMessageMs = performance.now() - started;
    await sleep(firstMessageMs === null ? 10 : 100);
  }
  const totalMs = performance.now() - started;
  const report = JSON.parse(stdout) as { imports: { status: string; messagesAdded: number }[] };
  const first = report.imports[0];
  await stat(dbFile);
  return {
    firstMessageMs,
    totalMs,
    messages: first?.messagesAdded ?? 0,
    peakRssMb: peakKb / 1024,
    status: first?.status ?? 'missing',
  };
}
