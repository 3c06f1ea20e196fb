/**
 * `npm run bench`: generates large synthetic exports and prints figures as JSON lines.
 *   --messages N   messages per export (default 1,000,000)
 *   --big          also a ~2 GB Telegram export (7,000,000 messages) for peak memory
 *   --restore-mb N --restore-files N   the folder export restored against `cp -r` (default 1024 MB, 500 files)
 */
import { mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { bareWrite } from './bare-write';
import { writeTelegramExport, writeWhatsAppExport } from './generate';
import { measureImport } from './measure-import';
import { benchExport, benchRestore } from './restore-export';

const { values } = parseArgs({
  options: {
    messages: { type: 'string', default: '1000000' },
    big: { type: 'boolean', default: false },
    'restore-mb': { type: 'string', default: '1024' },
    'restore-files': { type: 'string', default: '500' },
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

async function benchImport(
  name: string,
  count: number,
  write: (file: string, n: number) => Promise<void>,
  fileName: string,
  withIds: boolean,
): Promise<void> {
  const input = path.join(await freshDir(`${name}-input`), fileName);
  await write(input, count);
  const bytes = (await stat(input)).size;
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
if (values.big)
  await benchImport('telegram-2gb', 7_000_000, writeTelegramExport, 'result.json', true);

line({
  bench: 'restore-vs-cp',
  ...(await benchRestore(
    root,
    cli,
    path.resolve('out/main'),
    Number(values['restore-mb']),
    Number(values['restore-files']),
  )),
});
for (const format of ['html', 'chatlab'] as const) {
  line({
    bench: `export-${format}`,
    ...(await benchExport(
      cli,
      path.join(root, 'telegram-vault'),
      path.join(root, 'export-out'),
      format,
    )),
  });
}
