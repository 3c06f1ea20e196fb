import { describe, expect, it } from 'vitest';
import type { Handlers } from '../../../src/shared/contract';
import { ResponseEnvelopeSchema } from '../../../src/shared/wire';
import { VaultError } from '../../../src/main/engine/errors';
import { handleRequest, parsePickKind, pickDialogOptions } from '../../../src/main/electron/ipc';
import { browseHandlers } from '../../support/browse-handlers';
import { queuedItem } from '../../support/import-item';
import { unusedTaskHandlers } from '../../support/unused-task-handlers';

const APP_PAGE = 'app://chat-vault/index.html';

/** Our own engine interface, answered from memory; records which methods ran. */
function fakeHandlers(calls: string[] = []): Handlers {
  return {
    'vault.info': () => {
      calls.push('vault.info');
      return Promise.resolve({
        dir: '/vault',
        schemaVersion: 1,
        appVersion: '0.1.0',
        importFolder: null,
      });
    },
    'conversations.list': () => {
      calls.push('conversations.list');
      return Promise.reject(new VaultError('VAULT_UNREADABLE', 'The vault could not be read.'));
    },
    'import.submit': ({ paths }) => {
      calls.push('import.submit');
      return Promise.resolve({
        items: paths.map((p) => queuedItem(p)),
      });
    },
    'import.cancel': () => Promise.resolve({ cancelled: false }),
    'messages.page': () => Promise.resolve({ messages: [], more: false }),
    'search.messages': () => Promise.resolve({ total: 0, hits: [], nextCursor: null }),
    ...browseHandlers,
    'import.list': () => {
      calls.push('import.list');
      return Promise.resolve({ items: [] });
    },
    ...unusedTaskHandlers,
  };
}

describe('handleRequest', () => {
  it('answers a good call from the app page with the handler result', async () => {
    const response = await handleRequest(fakeHandlers(), APP_PAGE, 'vault.info', {});
    expect(response).toEqual({
      type: 'response',
      id: 0,
      ok: true,
      result: { dir: '/vault', schemaVersion: 1, appVersion: '0.1.0', importFolder: null },
    });
  });

  it('answers with an envelope the renderer can validate', async () => {
    const response = await handleRequest(fakeHandlers(), APP_PAGE, 'import.submit', {
      paths: ['/a.zip'],
    });
    expect(ResponseEnvelopeSchema.safeParse(response).success).toBe(true);
  });

  it('treats missing params as empty params', async () => {
    const response = await handleRequest(fakeHandlers(), APP_PAGE, 'import.list', undefined);
    expect(response).toMatchObject({ ok: true, result: { items: [] } });
  });

  it('refuses a sender on another origin without running the handler', async () => {
    const calls: string[] = [];
    const response = await handleRequest(
      fakeHandlers(calls),
      'https://evil.example/',
      'vault.info',
      {},
    );
    expect(response).toMatchObject({
      type: 'response',
      ok: false,
      error: { code: 'FORBIDDEN_SENDER' },
    });
    expect(calls).toEqual([]);
  });

  it('refuses a sender whose frame is a local file', async () => {
    const response = await handleRequest(fakeHandlers(), 'file:///tmp/page.html', 'vault.info', {});
    expect(response).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
  });

  it('refuses a sender whose frame is gone', async () => {
    const response = await handleRequest(fakeHandlers(), undefined, 'vault.info', {});
    expect(response).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
  });

  it('answers an unknown method with an error envelope', async () => {
    const response = await handleRequest(fakeHandlers(), APP_PAGE, 'vault.delete', {});
    expect(response).toMatchObject({
      type: 'response',
      ok: false,
      error: { code: 'UNKNOWN_METHOD' },
    });
  });

  it('answers a method name that is not a string with an error envelope', async () => {
    const response = await handleRequest(fakeHandlers(), APP_PAGE, { toString: 'vault.info' }, {});
    expect(response).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('answers bad params with an error envelope without running the handler', async () => {
    const calls: string[] = [];
    const response = await handleRequest(fakeHandlers(calls), APP_PAGE, 'import.submit', {
      paths: [],
    });
    expect(response).toMatchObject({ ok: false, error: { code: 'INVALID_PARAMS' } });
    expect(calls).toEqual([]);
  });

  it('answers a failing handler with its error code and message', async () => {
    const response = await handleRequest(fakeHandlers(), APP_PAGE, 'conversations.list', {});
    expect(response).toEqual({
      type: 'response',
      id: 0,
      ok: false,
      error: { code: 'VAULT_UNREADABLE', message: 'The vault could not be read.' },
    });
  });
});

describe('pick requests', () => {
  it('accepts the files picker', () => {
    expect(parsePickKind('files')).toBe('files');
  });

  it('accepts the folder picker', () => {
    expect(parsePickKind('folder')).toBe('folder');
  });

  it('refuses an unknown picker by name', () => {
    expect(() => parsePickKind('save')).toThrow(/save/);
  });

  it('refuses a picker that is not a string', () => {
    expect(() => parsePickKind({ kind: 'files' })).toThrow();
  });

  it('lets the files picker choose several files and no folders', () => {
    expect(pickDialogOptions('files').properties).toEqual(['openFile', 'multiSelections']);
  });

  it('lets the folder picker choose one folder', () => {
    expect(pickDialogOptions('folder').properties).toEqual(['openDirectory']);
    expect(pickDialogOptions('destination').properties).toEqual([
      'openDirectory',
      'createDirectory',
      'promptToCreate',
    ]);
  });

  it('lets the import-folder picker choose (or create) one folder to watch', () => {
    const options = pickDialogOptions('watch-folder');
    expect(options.properties).toEqual(['openDirectory', 'createDirectory']);
    expect(options.buttonLabel).toBe('Watch this folder');
  });
});
