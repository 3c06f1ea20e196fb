#!/usr/bin/env node
// The installed `chat-vault` command: runs the bundled command line (build it with `npm run build`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = new URL('../out/main/cli.mjs', import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  process.stderr.write(
    'chat-vault: not built yet. Run `npm run build` in the Chat Vault folder first.\n',
  );
  process.exit(1);
}
await import(cli.href);
