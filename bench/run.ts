/**
 * `npm run bench`: generates large synthetic exports and prints figures as JSON lines.
 *   --messages N   messages per export (default 1,000,000)
 *   --big          also a ~2 GB Telegram export (7,000,000 messages) for peak memory
 */
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { bareWrite } from './bare-write';
import { writeTelegramExport, writeWhatsAppExport } from './generate';
import { writeLineExport, writeMessengerExport, writeSignalExport } from './generate-more';
import { measureImport } from './measure-import';

const { values } = parseArgs({
  options: {
    messages: { type: 'string', default: '1000000' },
    big: { type: 'boolean', default: false },
  },
});
const messages = Number(values.messages);
const root = path.resolve('.bench');
const cli = path.resolve('out/main/cli.mjs');

const line = (figures: Record<string, unknown>): void => {
  process.stdout.write(`${JSON.stringify(figures)}\n`);
};

async function freshDir(name: string): Promise<string> {
  const dir = path.join(root, name);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  return dir;
}

/** Bytes of a file, or of every file in a folder. */
async function bytesOf(input: string): Promise<number> {
  const info = await stat(input);
  if (!info.isDirectory()) return info.size;
  const entries = await readdir(input, { recursive: true, withFileTypes: true });
  const sizes = entries
    .filter((entry) => entry.isFile())
    .map((entry) => stat(path.join(entry.parentPath, entry.name)).then((file) => file.size));
  return (await Promise.all(sizes)).reduce((sum, size) => sum + size, 0);
}

async function benchImport(
  name: string,
  count: number,
  write: (file: string, n: number) => Promise<void>,
  fileName: string,
  withIds: boolean,
): Promise<void> {
  const input = path.join(await freshDir(`${name}-input`), fileName);
  await write(input, count);
  const bytes = await bytesOf(input);
  const figures = await measureImport(cli, await freshDir(`${name}-vault`), input);
  const limit = bareWrite(await freshDir(`${name}-bare`), count, withIds);
  const seconds = figures.totalMs / 1000;
  line({
    bench: `import-${name}`,
    status: figures.status,
    messages: figures.messages,
    inputMB: +(bytes / 1e6).toFixed(1),
    firstMessageMs: figures.firstMessageMs === null ? null : Math.round(figures.firstMessageMs),
    totalSeconds: +seconds.toFixed(2),
    messagesPerSecond: Math.round(figures.messages / seconds),
    MBPerSecond: +(bytes / 1e6 / seconds).toFixed(1),
    peakRssMB: Math.round(figures.peakRssMb),
    bareWriteMessagesPerSecond: Math.round(limit),
    fractionOfBareLimit: +(figures.messages / seconds / limit).toFixed(2),
  });
  await rm(path.dirname(input), { recursive: true, force: true });
}

await mkdir(root, { recursive: true });
await benchImport('telegram', messages, writeTelegramExport, 'result.json', true);
await benchImport('whatsapp', messages, writeWhatsAppExport, 'WhatsApp Chat with Bench.txt', false);
await benchImport('messenger', messages, writeMessengerExport, 'facebook-bench', false);
await benchImport('line', messages, writeLineExport, '[LINE] Chat history with Bench.txt', false);
await benchImport('signal', messages, writeSignalExport, 'signal-export', false);
if (values.big)
  await benchImport('telegram-2gb', 7_000_000, writeTelegramExport, 'result.json', true);
