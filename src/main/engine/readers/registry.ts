import type { FormatId } from '../detect/format';
import { readChatVaultJson } from './chat-vault-json';
import { readChatLabJson, readChatLabJsonl } from './chatlab';
import type { Reader } from './records';
import { readTelegramJson } from './telegram';
import { readWhatsApp } from './whatsapp';

/** The reader of each format this version can import; a format without one is reported as such. */
const READERS: Readonly<Partial<Record<FormatId, Reader>>> = {
  'whatsapp-txt': readWhatsApp,
  'whatsapp-zip': readWhatsApp,
  'telegram-json': readTelegramJson,
  'chatlab-json': readChatLabJson,
  'chatlab-jsonl': readChatLabJsonl,
  'chat-vault-json': readChatVaultJson,
};

export function readerFor(format: FormatId): Reader | undefined {
  return READERS[format];
}
