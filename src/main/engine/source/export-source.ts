import type { Readable } from 'node:stream';

/** One file inside an export: its path relative to the export (always `/`-separated) and size. */
export type SourceEntry = Readonly<{ path: string; bytes: number }>;

/**
 * An export as readers see it, whatever it arrived as: a single file, a zip (read in place, each
 * entry inflated as a stream under quotas), or a folder. Readers only ever stream; nothing here reads
 * or counts the content ahead of them.
 */
export type ExportSource = Readonly<{
  /** The base name of what was imported (`WhatsApp Chat with Ana.zip`, `result.json`, a folder). */
  name: string;
  container: 'file' | 'zip' | 'folder';
  /** Every entry, from the zip's central directory or the folder listing (a single file: itself). */
  entries: readonly SourceEntry[];
  /** The entry with this exact path, if the export has one. */
  find(entryPath: string): SourceEntry | undefined;
  /**
   * Streams one entry's bytes. Rejects with a `ReadError` when the entry is missing, unsafe or over
   * the zip quotas; a stream may also fail part-way with a `ReadError` (quota, corrupt data).
   */
  open(entryPath: string): Promise<Readable>;
  /** Bytes of the export read from disk so far (compressed bytes for a zip): progress, for free. */
  bytesRead(): number;
  /** Total bytes on disk (the file size, the zip size, or the folder's files added up). */
  totalBytes: number;
  close(): Promise<void>;
}>;
