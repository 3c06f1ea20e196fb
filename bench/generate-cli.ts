/** `node out/bench/generate.mjs telegram|whatsapp FILE N`: writes one synthetic export. */
import { writeTelegramExport, writeWhatsAppExport } from './generate';

const [kind, file, count] = process.argv.slice(2);
if (file === undefined || (kind !== 'telegram' && kind !== 'whatsapp')) {
  process.stderr.write('usage: generate telegram|whatsapp FILE [MESSAGES]\n');
  process.exit(2);
}
await (kind === 'telegram' ? writeTelegramExport : writeWhatsAppExport)(
  file,
  Number(count ?? 100000),
);
