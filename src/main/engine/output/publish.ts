/**
 * Gives a finished temporary file or folder its final name without ever replacing anything: the
 * name itself if it is free, else "name (2)", "name (3)"... A file is published with a hard link
 * (which fails rather than replace), where the file system has them; otherwise, and for folders,
 * with a rename after checking the name is free (a folder is never renamed onto another: Windows
 * refuses, and POSIX refuses unless the other is empty).
 */
import { randomBytes } from 'node:crypto';
import { link, lstat, mkdir, rename, rm, unlink } from 'node:fs/promises';
import path from 'node:path';
import { numberedFileName } from '../../../shared/safe-file-name';
import { VaultError } from '../errors';
import { isErrno, outputError } from './output-errors';

/** Prefix of every temporary name (hidden on macOS and Linux). */
export const PARTIAL_PREFIX = '.chat-vault-partial-';
const MAX_ATTEMPTS = 10_000;

/** A fresh temporary name inside `dir`. */
export function partialPath(dir: string): string {
  return path.join(dir, `${PARTIAL_PREFIX}${randomBytes(8).toString('hex')}`);
}

async function exists(file: string): Promise<boolean> {
  try {
    await lstat(file);
    return true;
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return false;
    throw error;
  }
}

/** A link could not be made for a reason other than the name being taken. */
const NO_LINKS = ['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK', 'EINVAL'];

async function publishFile(temp: string, candidate: string): Promise<boolean> {
  try {
    await link(temp, candidate);
    await unlink(temp);
    return true;
  } catch (error) {
    if (isErrno(error, 'EEXIST')) return false;
    if (!isErrno(error, ...NO_LINKS)) throw error;
  }
  if (await exists(candidate)) return false;
  await rename(temp, candidate);
  return true;
}

async function publishFolder(temp: string, candidate: string): Promise<boolean> {
  if (await exists(candidate)) return false;
  try {
    await rename(temp, candidate);
    return true;
  } catch (error) {
    if (isErrno(error, 'EEXIST', 'ENOTEMPTY', 'EPERM', 'EACCES') && (await exists(candidate)))
      return false;
    throw error;
  }
}

/**
 * Moves `temp` into `dir` under `name` (a safe file name) or the first free numbered variant, and
 * returns the final path. `isTaken` can reserve names the caller has already used.
 */
export async function publish(
  temp: string,
  dir: string,
  name: string,
  kind: 'file' | 'folder',
  isTaken: (candidate: string) => boolean = () => false,
): Promise<string> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    const candidateName = numberedFileName(name, attempt);
    if (isTaken(candidateName)) continue;
    const candidate = path.join(dir, candidateName);
    try {
      const done =
        kind === 'file' ? await publishFile(temp, candidate) : await publishFolder(temp, candidate);
      if (done) return candidate;
    } catch (error) {
      throw outputError(error, candidate);
    }
  }
  throw new VaultError(
    'NO_FREE_NAME',
    `Every name from "${name}" to "${numberedFileName(name, MAX_ATTEMPTS)}" is taken in ${dir}. Choose another folder.`,
    { file: dir },
  );
}

/** A temporary folder that becomes a finished one under its final name, or disappears. */
export class StagingFolder {
  readonly path: string;
  readonly #dir: string;
  #settled = false;

  private constructor(dir: string, tempPath: string) {
    this.#dir = dir;
    this.path = tempPath;
  }

  static async create(dir: string): Promise<StagingFolder> {
    const tempPath = partialPath(dir);
    try {
      await mkdir(tempPath);
    } catch (error) {
      throw outputError(error, tempPath);
    }
    return new StagingFolder(dir, tempPath);
  }

  /** Renames the folder to `name` (or a free variant of it); returns the final path. */
  async publish(name: string): Promise<string> {
    const final = await publish(this.path, this.#dir, name, 'folder');
    this.#settled = true;
    return final;
  }

  /** Removes the folder and everything in it (after a failure or a cancel). */
  async discard(): Promise<void> {
    if (this.#settled) return;
    this.#settled = true;
    await rm(this.path, { recursive: true, force: true });
  }
}
