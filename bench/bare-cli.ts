/** `node out/bench/bare.mjs DIR N [ids]`: the bare write limit alone (for tuning the writer). */
import path from 'node:path';
import { bareWrite } from './bare-write';

const [dir, count, ids] = process.argv.slice(2);
if (dir === undefined) process.exit(2);
process.stdout.write(
  `${JSON.stringify({ bench: 'bare-write', messagesPerSecond: Math.round(await bareWrite(dir, Number(count ?? 200000), ids === 'ids', path.resolve('out/main'))) })}\n`,
);
