/** Entry of the `chat-vault` command (bundled to out/main/cli.mjs). */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { processOutput } from './output';
import { runCli } from './program';

declare const __APP_VERSION__: string;

const here = path.dirname(fileURLToPath(import.meta.url));

try {
  process.exitCode = await runCli(process.argv.slice(2), {
    appVersion: __APP_VERSION__,
    workersDir: here,
    rendererDir: path.join(here, '..', 'renderer'),
    env: process.env,
    out: processOutput,
    isTerminal: process.stderr.isTTY,
  });
} catch (error) {
  process.stderr.write(
    `chat-vault: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
}
