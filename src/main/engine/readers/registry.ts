import type { FormatId } from '../detect/format';
import { readDiscordJson } from './discord';
import { readLineText } from './line';
import { readInstagramJson, readMessengerJson } from './messenger';
import { readChatVaultJson } from './chat-vault-json';
import { readChatLabJson, readChatLabJsonl } from './chatlab';
import type { Reader } from './records';
import { readSignalText } from './signal';
import { readSlackExport } from './slack';
import { readTelegramJson } from './telegram';
import { readTelegramHtml } from './telegram-html';
import { readWhatsApp } from './whatsapp';

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
