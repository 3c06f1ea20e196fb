import { spawn, type ChildProcess } from 'node:child_process';
import { cliPath } from '../../support/paths';

export type ServeProcess = Readonly<{ url: string; port: number; stop: () => Promise<void> }>;

/** Starts the real `chat-vault serve` on a free port and waits for the address it prints. */
export function startServe(vaultDir: string): Promise<ServeProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    [cliPath, '--vault', vaultDir, 'serve', '--port', '0'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, TZ: 'UTC' },
    },
  );
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`serve printed no address:\n${output}`)),
      20_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open (http:\/\/127\.0\.0\.1:(\d+)\/\?token=\S+)/.exec(output);
      if (match?.[1] === undefined || match[2] === undefined) return;
      clearTimeout(timer);
      resolve({
        url: match[1],
        port: Number(match[2]),
        stop: () =>
          new Promise<void>((done) => {
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${String(code)}:\n${output}`));
    });
  });
}
