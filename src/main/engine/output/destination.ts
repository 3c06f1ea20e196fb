/**
 * The folder a restore or export writes into: it must be an absolute path; it is created when it
 * does not exist yet (the person chose it), and must be a folder Chat Vault can write to.
 */
import { constants } from 'node:fs';
import { access, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { VaultError } from '../errors';
import { isErrno, outputError } from './output-errors';

export async function prepareDestination(destination: string): Promise<string> {
  if (!path.isAbsolute(destination)) {
    throw new VaultError(
      'DESTINATION_NOT_ABSOLUTE',
      `"${destination}" is not a full path. Give the whole path of the folder to write into.`,
      { file: destination },
    );
  }
  const folder = path.resolve(destination);
  try {
    const info = await stat(folder).catch(async (error: unknown) => {
      if (!isErrno(error, 'ENOENT')) throw error;
      await mkdir(folder, { recursive: true }).catch((mkdirError: unknown) => {
        const mapped = outputError(mkdirError, folder);
        if (mapped instanceof VaultError && mapped.code !== 'DESTINATION_MISSING') throw mapped;
        throw new VaultError(
          'DESTINATION_NOT_CREATED',
          `The folder ${folder} could not be created (${mkdirError instanceof Error ? mkdirError.message : String(mkdirError)}). Choose a folder that exists, on a disk you can write to.`,
          { file: folder, cause: mkdirError },
        );
      });
      return stat(folder);
    });
    if (!info.isDirectory()) {
      throw new VaultError(
        'DESTINATION_NOT_A_FOLDER',
        `${folder} is a file, not a folder. Choose a folder to write into.`,
        { file: folder },
      );
    }
    await access(folder, constants.W_OK);
  } catch (error) {
    throw outputError(error, folder);
  }
  return folder;
}
