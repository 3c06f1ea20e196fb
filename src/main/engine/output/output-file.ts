/**
 * One file being written, as a stream with back-pressure: text or bytes go in, `close` flushes it
 * to disk (fsync) and reports its size and SHA-256. Memory stays at one buffer whatever the size.
 * Errors carry the file and a code (see output-errors.ts).
 */
import { createHash, type Hash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import { outputError } from './output-errors';

/** Text is gathered up to this many bytes before one write. */
const BUFFER_BYTES = 256 * 1024;

export type WrittenFile = Readonly<{ path: string; bytes: number; sha256: string }>;

export class OutputFile {
  readonly path: string;
  readonly #handle: FileHandle;
  readonly #hash: Hash = createHash('sha256');
  #pending: Buffer[] = [];
  #pendingBytes = 0;
  #bytes = 0;

  private constructor(file: string, handle: FileHandle) {
    this.path = file;
    this.#handle = handle;
  }

  /** Creates `file`, which must not exist yet. */
  static async create(file: string): Promise<OutputFile> {
    try {
      return new OutputFile(file, await open(file, 'wx'));
    } catch (error) {
      throw outputError(error, file);
    }
  }

  get bytes(): number {
    return this.#bytes + this.#pendingBytes;
  }

  /** Adds text (UTF-8) or bytes; resolves once the data is buffered or written. */
  async write(data: string | Uint8Array): Promise<void> {
    const buffer = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
    if (buffer.length >= BUFFER_BYTES) {
      await this.#flush();
      await this.#writeNow(buffer);
      return;
    }
    this.#pending.push(buffer);
    this.#pendingBytes += buffer.length;
    if (this.#pendingBytes >= BUFFER_BYTES) await this.#flush();
  }

  async #flush(): Promise<void> {
    if (this.#pendingBytes === 0) return;
    const joined = Buffer.concat(this.#pending, this.#pendingBytes);
    this.#pending = [];
    this.#pendingBytes = 0;
    await this.#writeNow(joined);
  }

  async #writeNow(buffer: Buffer): Promise<void> {
    this.#hash.update(buffer);
    try {
      let offset = 0;
      while (offset < buffer.length) {
        const { bytesWritten } = await this.#handle.write(buffer, offset);
        offset += bytesWritten;
      }
    } catch (error) {
      throw outputError(error, this.path);
    }
    this.#bytes += buffer.length;
  }

  /** Writes what is buffered, syncs and closes the file. */
  async close(): Promise<WrittenFile> {
    try {
      await this.#flush();
      await this.#handle.sync();
    } catch (error) {
      await this.#handle.close().catch(() => undefined);
      throw outputError(error, this.path);
    }
    await this.#handle.close();
    return { path: this.path, bytes: this.#bytes, sha256: this.#hash.digest('hex') };
  }

  /** Closes without syncing (the file is about to be removed). */
  async abandon(): Promise<void> {
    this.#pending = [];
    await this.#handle.close().catch(() => undefined);
  }
}
