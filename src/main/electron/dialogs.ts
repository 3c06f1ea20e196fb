/**
 * The native dialogs the shell shows: the import pickers, About, the vault folder and fatal
 * errors. Glue only: what they contain comes from the pure modules (`ipc.ts`, `menu.ts`).
 */
import { dialog, shell, type BaseWindow } from 'electron';
import type { PickKind } from '../../shared/desktop-bridge';
import { pickDialogOptions } from './ipc';
import { aboutDialogOptions } from './menu';

declare const __APP_VERSION__: string;

export const APP_NAME = 'Chat Vault';

const logFailure = (what: string) => (error: unknown) => console.error(`${what} failed:`, error);

/** The open dialog for `kind`, attached to `owner` when there is one; empty when cancelled. */
export async function showPickDialog(owner: BaseWindow | null, kind: PickKind): Promise<string[]> {
  const options = pickDialogOptions(kind);
  const result =
    owner === null
      ? await dialog.showOpenDialog(options)
      : await dialog.showOpenDialog(owner, options);
  return result.canceled ? [] : result.filePaths;
}

export function showAbout(owner: BaseWindow | null): void {
  const options = aboutDialogOptions(APP_NAME, __APP_VERSION__, process.versions);
  const shown =
    owner === null ? dialog.showMessageBox(options) : dialog.showMessageBox(owner, options);
  shown.catch(logFailure('The About dialog'));
}

/** Shows a folder in the system file manager, or says why it could not. */
export function openFolder(dir: string): void {
  shell
    .openPath(dir)
    .then((problem) => {
      if (problem !== '')
        dialog.showErrorBox('The folder could not be opened', `${dir}\n\n${problem}`);
    })
    .catch(logFailure('Opening the folder'));
}

/** A blocking error box: the one thing that works before any window exists. */
export function showError(title: string, message: string): void {
  dialog.showErrorBox(title, message);
}
