/** Runs one command line in a child process and measures, from outside, its time and peak RSS. */
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { rssKb } from './measure-import';

export type CommandFigures = Readonly<{
  ms: number;
  peakRssMb: number;
  code: number | null;
  stdout: string;
}>;

export async function measureCommand(
  command: string,
  args: readonly string[],
): Promise<CommandFigures> {
  const started = performance.now();
  const child = spawn(command, [...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  let code: number | null = null;
  let running = true;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (exitCode) => {
      code = exitCode;
      running = false;
      resolve();
    }),
  );
  let peakKb = 0;
  while (running) {
    peakKb = Math.max(peakKb, await rssKb(child.pid ?? 0));
    await Promise.race([sleep(20), exited]);
  }
  return { ms: performance.now() - started, peakRssMb: peakKb / 1024, code, stdout };
}
