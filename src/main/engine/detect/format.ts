import type { Platform } from '../../../shared/platforms';

/** Every export layout Chat Vault can recognise. */
export const FORMATS = [
  'whatsapp-txt',
  'whatsapp-zip',
  'telegram-json',
  'telegram-html',
  'discord-json',
  'messenger-json',
  'instagram-json',
  'slack-export',
  'line-txt',
  'chatlab-json',
  'chatlab-jsonl',
  'signal-txt',
  'chat-vault-json',
] as const;

export type FormatId = (typeof FORMATS)[number];

export type Detection =
  | Readonly<{
      kind: 'detected';
      format: FormatId;
      platform: Platform;
      /** How the export arrived: a single file, a zip archive, or a folder. */
      container: 'file' | 'zip' | 'folder';
    }>
  | Readonly<{ kind: 'unknown'; reason: string }>;
