import { open, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import path from 'node:path';
import { VaultError } from '../errors';
import { HEAD_BYTES } from './sniffed';

function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code: unknown = error.code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

/** Turns a file-system error into the error people see, naming the file. */
export function ioError(error: unknown, filePath: string): VaultError {
  const name = path.basename(filePath);
  const code = errorCode(error);
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return new VaultError(
      'NOT_FOUND',
      `Chat Vault cannot find "${name}": it may have been moved or deleted.`,
      {
        file: filePath,
        cause: error,
      },
    );
  }
  const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (code ?? 'read error');
  return new VaultError('UNREADABLE', `Chat Vault cannot read "${name}" (${why}).`, {
    file: filePath,
    cause: error,
  });
}

export async function statPath(filePath: string): Promise<Stats> {
  try {
    return await stat(filePath);
  } catch (error: unknown) {
    throw ioError(error, filePath);
  }
}

/** The first bytes of a file, in one read: never more than HEAD_BYTES. */
export async function readHead(filePath: string, maxBytes: number = HEAD_BYTES): Promise<Buffer> {
  try {
    const handle = await open(filePath, 'r');
    try {
      const buffer = Buffer.alloc(Math.min(maxBytes, HEAD_BYTES));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (error: unknown) {
    throw ioError(error, filePath);
  }
}
