/**
 * The contract over Electron IPC. The renderer invokes `IPC_CHANNELS.request` with a method and its
 * params and gets back one response envelope; `IPC_CHANNELS.pick` shows the native open dialog.
 * Only the app's own page may call either. `handleRequest` is pure (given handlers); `bindIpc` is
 * the glue, taking `ipcMain` and the dialog as parameters so this module imports only Electron types.
 */
import type { IpcMain, IpcMainInvokeEvent, OpenDialogOptions, WebContents } from 'electron';
import * as z from 'zod';
import type { Handlers } from '../../shared/contract';
import { IPC_CHANNELS, PICK_KINDS, type PickKind } from '../../shared/desktop-bridge';
import type { ResponseEnvelope } from '../../shared/wire';
import { dispatch } from '../engine/dispatch';
import { isAppUrl } from './security';

/** `ipcRenderer.invoke` pairs each reply with its call, so envelopes over IPC all carry id 0. */
const IPC_RESPONSE_ID = 0;

const PickKindSchema = z.enum(PICK_KINDS);

/**
 * Runs one request from the renderer and answers with a response envelope; never throws. A sender
 * whose frame is not the app's own page (a stray frame, a page navigated elsewhere) is refused.
 */
export async function handleRequest(
  handlers: Handlers,
  senderUrl: string | undefined,
  method: unknown,
  params: unknown,
): Promise<ResponseEnvelope> {
  if (!isAppUrl(senderUrl)) {
    return {
      type: 'response',
      id: IPC_RESPONSE_ID,
      ok: false,
      error: {
        code: 'FORBIDDEN_SENDER',
        message: 'This request did not come from the Chat Vault window and was refused.',
      },
    };
  }
  const outcome = await dispatch(handlers, method, params);
  return outcome.ok
    ? { type: 'response', id: IPC_RESPONSE_ID, ok: true, result: outcome.result }
    : { type: 'response', id: IPC_RESPONSE_ID, ok: false, error: outcome.error };
}

/** The kind of a pick request, or an error naming what was wrong with it. */
export function parsePickKind(kind: unknown): PickKind {
  const parsed = PickKindSchema.safeParse(kind);
  if (!parsed.success) {
    throw new Error(
      `There is no picker named ${JSON.stringify(kind)}; use one of ${PICK_KINDS.join(', ')}.`,
    );
  }
  return parsed.data;
}

/** The native open dialog for each pick kind: export files or an export folder to import, the
 * folder to watch, or a folder to save into. */
export function pickDialogOptions(kind: PickKind): OpenDialogOptions {
  switch (kind) {
    case 'files':
      return {
        title: 'Import chat exports',
        buttonLabel: 'Import',
        properties: ['openFile', 'multiSelections'],
        filters: [
          { name: 'Chat exports', extensions: ['zip', 'txt', 'json', 'jsonl', 'html'] },
          { name: 'All files', extensions: ['*'] },
        ],
      };
    case 'folder':
      return {
        title: 'Import an export folder',
        buttonLabel: 'Import',
        properties: ['openDirectory'],
      };
    case 'watch-folder':
      return {
        title: 'Choose the import folder',
        message: 'Exports saved into this folder are imported automatically.',
        buttonLabel: 'Watch this folder',
        properties: ['openDirectory', 'createDirectory'],
      };
    case 'destination':
      return {
        title: 'Choose where to save',
        buttonLabel: 'Choose',
        properties: ['openDirectory', 'createDirectory', 'promptToCreate'],
      };
    default: {
      const unreachable: never = kind;
      throw new Error(`Unknown pick kind ${String(unreachable)}`);
    }
  }
}

/** Shows the dialog for `kind` over the sender's window; resolves with the paths (empty if cancelled). */
export type ShowPickDialog = (kind: PickKind, sender: WebContents) => Promise<readonly string[]>;

function senderUrlOf(event: IpcMainInvokeEvent): string | undefined {
  return event.senderFrame?.url;
}

/** Binds both channels; returns a function that unbinds them (for a clean quit or a test harness). */
export function bindIpc(
  ipcMain: IpcMain,
  handlers: Handlers,
  showPickDialog: ShowPickDialog,
): () => void {
  ipcMain.handle(IPC_CHANNELS.request, (event, method: unknown, params: unknown) =>
    handleRequest(handlers, senderUrlOf(event), method, params),
  );
  ipcMain.handle(IPC_CHANNELS.pick, (event, kind: unknown) => {
    if (!isAppUrl(senderUrlOf(event))) {
      throw new Error(
        'This dialog request did not come from the Chat Vault window and was refused.',
      );
    }
    return showPickDialog(parsePickKind(kind), event.sender);
  });
  return () => {
    ipcMain.removeHandler(IPC_CHANNELS.request);
    ipcMain.removeHandler(IPC_CHANNELS.pick);
  };
}
