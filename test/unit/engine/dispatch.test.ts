import { describe, expect, it } from 'vitest';
import type { Handlers } from '../../../src/shared/contract';
import { dispatch } from '../../../src/main/engine/dispatch';
import { VaultError } from '../../../src/main/engine/errors';
import { browseHandlers } from '../../support/browse-handlers';
import { queuedItem } from '../../support/import-item';
import { unusedTaskHandlers } from '../../support/unused-task-handlers';

const handlers: Handlers = {
  'vault.info': () =>
    Promise.resolve({ dir: '/v', schemaVersion: 1, appVersion: '1.0.0', importFolder: null }),
  'conversations.list': () =>
    Promise.reject(new VaultError('VAULT_UNREADABLE', 'The vault could not be read.')),
  'import.submit': ({ paths }) =>
    Promise.resolve({
      items: paths.map((p) => queuedItem(p)),
    }),
  'import.list': () => Promise.reject(new Error('boom')),
  'import.cancel': () => Promise.resolve({ cancelled: false }),
  'messages.page': () => Promise.resolve({ messages: [], more: false }),
  'search.messages': () => Promise.resolve({ total: 0, hits: [], nextCursor: null }),
  ...browseHandlers,
  ...unusedTaskHandlers,
};

describe('dispatch', () => {
  it('runs a known method with valid params', async () => {
    await expect(dispatch(handlers, 'vault.info', {})).resolves.toEqual({
      ok: true,
      result: { dir: '/v', schemaVersion: 1, appVersion: '1.0.0', importFolder: null },
    });
  });

  it('refuses an unknown method by name', async () => {
    const outcome = await dispatch(handlers, 'vault.delete', {});
    expect(outcome).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('refuses inherited object keys as methods', async () => {
    expect(await dispatch(handlers, 'constructor', {})).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_METHOD' },
    });
    expect(await dispatch(handlers, '__proto__', {})).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_METHOD' },
    });
  });

  it('refuses params that do not match the schema, saying which field', async () => {
    const outcome = await dispatch(handlers, 'import.submit', { paths: 'not-a-list' });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'INVALID_PARAMS' } });
    expect(outcome.ok ? '' : outcome.error.message).toContain('paths');
  });

  it('refuses unexpected extra params', async () => {
    const outcome = await dispatch(handlers, 'vault.info', { sql: 'DROP TABLE conversations' });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'INVALID_PARAMS' } });
  });

  it('passes the engine error code through', async () => {
    const outcome = await dispatch(handlers, 'conversations.list', {});
    expect(outcome).toEqual({
      ok: false,
      error: { code: 'VAULT_UNREADABLE', message: 'The vault could not be read.' },
    });
  });

  it('reports unexpected failures as INTERNAL without crashing', async () => {
    const outcome = await dispatch(handlers, 'import.list', {});
    expect(outcome).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
