/** `chat-vault serve` in a child process, with the address (and token) it prints. */
import { spawn } from 'node:child_process';

export type Served = Readonly<{ url: string; stop: () => Promise<void> }>;

export function startServe(cli: string, vaultDir: string): Promise<Served> {
  const child = spawn(process.execPath, [cli, '--vault', vaultDir, 'serve', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const url = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/u.exec(output)?.[1];
      if (url === undefined) return;
      resolve({
        url,
        stop: () =>
          new Promise<void>((done) => {
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) =>
      reject(new Error(`serve exited with ${String(code)}:\n${output}`)),
    );
  });
}
