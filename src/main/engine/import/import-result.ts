import type { FormatId } from '../detect/format';

export type ImportWarning = Readonly<{ code: string; message: string; entry?: string }>;

export type ImportErrorInfo = Readonly<{
  code: string;
  message: string;
  file: string;
  position?: Readonly<{ byte?: number; line?: number; entry?: string }>;
}>;

export type ImportStatusFinal = 'imported' | 'unchanged' | 'partial' | 'failed';

/** What one import did: the command line's `--json` report item, and the UI's final state. */
export type ImportResult = Readonly<{
  path: string;
  status: ImportStatusFinal;
  format: FormatId | null;
  archiveId: string | null;
  conversations: number;
  messagesAdded: number;
  messagesExisting: number;
  warnings: readonly ImportWarning[];
  error: ImportErrorInfo | null;
}>;

export type ImportProgress = Readonly<{
  bytesDone: number;
  bytesTotal: number;
  messages: number;
}>;
