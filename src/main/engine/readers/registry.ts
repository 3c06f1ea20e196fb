import type { FormatId } from '../detect/format';
import { readDiscordJson } from './discord';
import { readLineText } from './line';
import { readInstagramJson, readMessengerJson } from './messenger';
import type { Reader } from './records';
import { readSignalText } from './signal';
import { readSlackExport } from './slack';
import { readTelegramJson } from './telegram';
import { readTelegramHtml } from './telegram-html';
import { readWhatsApp } from './whatsapp';

/**
 * A reader whose module loads with the first file of its format. The schema-checked readers
 * (ChatLab, Chat Vault's own JSON) bring zod, whose 750 KB took some 75 ms to load on every start
 * of the import thread, before the first message of any format could be read.
 */
function loadedOnUse(load: () => Promise<Reader>): Reader {
  let loading: Promise<Reader> | undefined;
  return async function* read(source, options) {
    loading ??= load();
    yield* (await loading)(source, options);
  };
}

const readChatLabJson = loadedOnUse(async () => (await import('./chatlab')).readChatLabJson);
const readChatLabJsonl = loadedOnUse(async () => (await import('./chatlab')).readChatLabJsonl);
const readChatVaultJson = loadedOnUse(
  async () => (await import('./chat-vault-json')).readChatVaultJson,
);

/** The reader of each format this version can import; a format without one is reported as such. */
const READERS: Readonly<Partial<Record<FormatId, Reader>>> = {
  'whatsapp-txt': readWhatsApp,
  'whatsapp-zip': readWhatsApp,
  'telegram-json': readTelegramJson,
  'telegram-html': readTelegramHtml,
  'discord-json': readDiscordJson,
  'slack-export': readSlackExport,
  'messenger-json': readMessengerJson,
  'instagram-json': readInstagramJson,
  'line-txt': readLineText,
  'signal-txt': readSignalText,
  'chatlab-json': readChatLabJson,
  'chatlab-jsonl': readChatLabJsonl,
  'chat-vault-json': readChatVaultJson,
};

export function readerFor(format: FormatId): Reader | undefined {
  return READERS[format];
}
