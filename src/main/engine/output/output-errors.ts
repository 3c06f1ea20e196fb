/**
 * File-system failures while writing a restore or an export, as errors people can act on: a code,
 * the path, and what to do.
 */
import { VaultError } from '../errors';

function errnoOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error
    ? String((error as { code: unknown }).code)
    : undefined;
}

/** A VaultError for `error` raised while writing `file`; other errors pass through unchanged. */
export function outputError(error: unknown, file: string): unknown {
  if (error instanceof VaultError) return error;
  switch (errnoOf(error)) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new VaultError(
        'DISK_FULL',
        `The disk is full: ${file} could not be written. Free some space or choose another folder; nothing was left half-written under its final name.`,
        { file, cause: error },
      );
    case 'EROFS':
      return new VaultError(
        'DESTINATION_READ_ONLY',
        `The folder is on a read-only disk: ${file} could not be written. Choose another folder.`,
        { file, cause: error },
      );
    case 'EACCES':
    case 'EPERM':
      return new VaultError(
        'DESTINATION_NOT_WRITABLE',
        `Chat Vault may not write here: ${file}. Choose a folder you can write to.`,
        { file, cause: error },
      );
    case 'ENAMETOOLONG':
      return new VaultError(
        'PATH_TOO_LONG',
        `The path is too long for this file system: ${file}. Choose a folder with a shorter path.`,
        { file, cause: error },
      );
    case 'ENOENT':
      return new VaultError(
        'DESTINATION_MISSING',
        `${file} could not be written: its folder does not exist (was the folder or the disk removed?). Choose a folder that exists.`,
        { file, cause: error },
      );
    case 'ENOTDIR':
      return new VaultError(
        'DESTINATION_NOT_A_FOLDER',
        `${file} is not a folder. Choose a folder to write into.`,
        { file, cause: error },
      );
    default:
      return error;
  }
}

export function isErrno(error: unknown, ...codes: readonly string[]): boolean {
  const code = errnoOf(error);
  return code !== undefined && codes.includes(code);
}
