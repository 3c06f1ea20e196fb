/**
 * `npm run bench`: generates large synthetic exports (Telegram JSON and HTML, WhatsApp, Discord,
 * Slack) and prints figures as JSON lines.
 *   --messages N   messages per export (default 1,000,000)
 *   --big          also a ~2 GB Telegram export (7,000,000 messages) for peak memory, and search
 *                  over 10,000,000 messages
 *   --search-messages N   messages in the search benchmark's vault (default 2,000,000)
 *   --only NAMES   comma-separated: import (WhatsApp, Telegram; then exports of the Telegram
 *                  vault), readers (the other formats, or one: discord, slack, messenger, line,
 *                  signal, chatlab-jsonl, telegram-html), restore, search (default: all)
 *   --browse       instead of the rest: browsing a chat of N messages in Chromium (open, jump,
 *                  scroll; see browse.ts; needs `npm run build` first)
 *   --restore-mb N --restore-files N   the folder export restored against `cp -r` (default 1024 MB, 500 files)
 *   --runs N       imports of each export, alternating with the bare write (default 2; the fastest
 *                  of each is reported, and each import's fraction of the bare write after it)
 */
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { bareWrite } from './bare-write';
import { benchBrowse } from './browse';
import { writeTelegramExport, writeWhatsAppExport } from './generate';
import { writeDiscordExport, writeSlackExport, writeTelegramHtmlExport } from './generate-others';
import {
  writeChatLabExport,
  writeLineExport,
  writeMessengerExport,
  writeSignalExport,
} from './generate-more';
import { measureCommand } from './measure-command';
import { measureImport, type ImportFigures } from './measure-import';
import { benchExport, benchRestore } from './restore-export';
import { benchSearch } from './search-bench';

const { values } = parseArgs({
  options: {
    messages: { type: 'string', default: '1000000' },
    big: { type: 'boolean', default: false },
    'search-messages': { type: 'string', default: '2000000' },
    only: { type: 'string', default: 'import,readers,restore,search' },
    browse: { type: 'boolean', default: false },
    'restore-mb': { type: 'string', default: '1024' },
    'restore-files': { type: 'string', default: '500' },
    runs: { type: 'string', default: '2' },
  },
});
const messages = Number(values.messages);
const runs = Math.max(1, Number(values.runs));
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

/** The bytes of a file, or of every file in a folder (the folder exports). */
async function sizeOf(input: string): Promise<number> {
  const info = await stat(input);
  if (!info.isDirectory()) return info.size;
  let total = 0;
  for (const entry of await readdir(input)) total += await sizeOf(path.join(input, entry));
  return total;
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
  const bytes = await sizeOf(input);
  // Import and bare write alternate, so both meet the machine in the same state; the fastest of
  // each is reported, with the worst peak RSS and first-message time. Each timed run starts with
  // nothing waiting to be written to disk (the export just generated, the last run's vault).
  let best: ImportFigures | null = null;
  let peakRssMb = 0;
  let firstMessageMs = 0;
  let limit = 0;
  /** Each import's rate over the bare write's right after it: the machine's drift cancels best. */
  const pairFractions: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    await measureCommand('sync', []);
    const figures = await measureImport(cli, await freshDir(`${name}-vault`), input);
    if (best === null || figures.totalMs < best.totalMs) best = figures;
    peakRssMb = Math.max(peakRssMb, figures.peakRssMb);
    firstMessageMs = Math.max(firstMessageMs, figures.firstMessageMs ?? Number.POSITIVE_INFINITY);
    await measureCommand('sync', []);
    const bare = await bareWrite(
      await freshDir(`${name}-bare`),
      count,
      withIds,
      path.resolve('out/main'),
    );
    limit = Math.max(limit, bare);
    pairFractions.push(+(figures.messages / (figures.totalMs / 1000) / bare).toFixed(2));
  }
  if (best === null) return;
  const seconds = best.totalMs / 1000;
  line({
    bench: `import-${name}`,
    status: best.status,
    messages: best.messages,
    inputMB: +(bytes / 1e6).toFixed(1),
    runs,
    firstMessageMs: Number.isFinite(firstMessageMs) ? Math.round(firstMessageMs) : null,
    totalSeconds: +seconds.toFixed(2),
    messagesPerSecond: Math.round(best.messages / seconds),
    MBPerSecond: +(bytes / 1e6 / seconds).toFixed(1),
    peakRssMB: Math.round(peakRssMb),
    bareWriteMessagesPerSecond: Math.round(limit),
    fractionOfBareLimit: +(best.messages / seconds / limit).toFixed(2),
    fractionByRun: pairFractions,
  });
  await rm(path.dirname(input), { recursive: true, force: true });
}

const only = new Set(values.only.split(','));

await mkdir(root, { recursive: true });
if (values.browse) {
  const dirs = { input: await freshDir('browse-input'), vault: await freshDir('browse-vault') };
  await benchBrowse(messages, dirs, cli, line);
  await rm(dirs.input, { recursive: true, force: true });
  process.exit(0);
}
if (only.has('import')) {
  await benchImport('telegram', messages, writeTelegramExport, 'result.json', true);
  await benchImport(
    'whatsapp',
    messages,
    writeWhatsAppExport,
    'WhatsApp Chat with Bench.txt',
    false,
  );
  if (values.big)
    await benchImport('telegram-2gb', 7_000_000, writeTelegramExport, 'result.json', true);
}
/** The other formats' readers: all with `--only readers`, or one by its name. */
const readerWanted = (name: string): boolean => only.has('readers') || only.has(name);
if (readerWanted('discord'))
  await benchImport(
    'discord',
    messages,
    writeDiscordExport,
    'Bench Server - general [1].json',
    true,
  );
if (readerWanted('slack'))
  await benchImport('slack', messages, writeSlackExport, 'Bench Slack export', true);
if (readerWanted('messenger'))
  await benchImport('messenger', messages, writeMessengerExport, 'facebook-bench', false);
if (readerWanted('line'))
  await benchImport('line', messages, writeLineExport, '[LINE] Chat history with Bench.txt', false);
if (readerWanted('signal'))
  await benchImport('signal', messages, writeSignalExport, 'signal-export', false);
if (readerWanted('chatlab-jsonl'))
  await benchImport('chatlab-jsonl', messages, writeChatLabExport, 'bench.jsonl', true);
if (readerWanted('telegram-html'))
  await benchImport(
    'telegram-html',
    messages,
    writeTelegramHtmlExport,
    'ChatExport_2015-01-13',
    true,
  );
if (only.has('search')) {
  const workers = path.resolve('out/main');
  await benchSearch(await freshDir('search'), Number(values['search-messages']), workers, line);
  if (values.big) await benchSearch(await freshDir('search-10m'), 10_000_000, workers, line);
}
if (only.has('restore')) {
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
  // A chat export's many small photos: each file is synced, which a plain `cp` never waits for.
  line({
    bench: 'restore-vs-cp-small-files',
    ...(await benchRestore(root, cli, path.resolve('out/main'), 512, 5000)),
  });
}
if (only.has('import')) {
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
}
