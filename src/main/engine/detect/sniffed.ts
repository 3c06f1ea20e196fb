import type { Platform } from '../../../shared/platforms';
import type { Detection, FormatId } from './format';

/** The detector never looks further than this into one file or one zip entry. */
export const HEAD_BYTES = 64 * 1024;

/** Not a chat export Chat Vault knows, with a short human reason ("a JPEG image"). */
export type Unknown = Readonly<{ kind: 'unknown'; reason: string }>;

/** What the first bytes of one file (or zip entry) say, before knowing how it arrived. */
export type Sniffed =
  Readonly<{ kind: 'detected'; format: FormatId; platform: Platform }> | Unknown;

export function detected(format: FormatId, platform: Platform): Sniffed {
  return { kind: 'detected', format, platform };
}

export function unknown(reason: string): Unknown {
  return { kind: 'unknown', reason };
}

/** Adds how the export arrived. A WhatsApp chat inside a zip is the zip layout (media beside it). */
export function withContainer(sniffed: Sniffed, container: 'file' | 'zip' | 'folder'): Detection {
  if (sniffed.kind === 'unknown') return sniffed;
  const format: FormatId =
    container === 'zip' && sniffed.format === 'whatsapp-txt' ? 'whatsapp-zip' : sniffed.format;
  return { kind: 'detected', format, platform: sniffed.platform, container };
}
