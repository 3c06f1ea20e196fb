import { describe, expect, it } from 'vitest';
import { defaultVaultDir, resolveVaultDir } from '../../../src/main/engine/vault/default-vault-dir';

describe('the default vault folder', () => {
  it('lives under ~/.config on Linux, or XDG_CONFIG_HOME when set', () => {
    expect(defaultVaultDir('linux', {}, '/home/ana')).toBe('/home/ana/.config/Chat Vault/Vault');
    expect(defaultVaultDir('linux', { XDG_CONFIG_HOME: '/xdg' }, '/home/ana')).toBe(
      '/xdg/Chat Vault/Vault',
    );
  });

  it('lives under Application Support on macOS', () => {
    expect(defaultVaultDir('darwin', {}, '/Users/ana')).toBe(
      '/Users/ana/Library/Application Support/Chat Vault/Vault',
    );
  });

  it('lives under APPDATA on Windows', () => {
    expect(
      defaultVaultDir('win32', { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'C:\\Users\\ana'),
    ).toBe('C:\\Users\\ana\\AppData\\Roaming\\Chat Vault\\Vault');
  });

  it('prefers --vault, then CHAT_VAULT_DIR, then the app folder', () => {
    const env = { CHAT_VAULT_DIR: '/env/vault' };
    expect(resolveVaultDir('/flag/vault', 'linux', env, '/home/ana')).toBe('/flag/vault');
    expect(resolveVaultDir(undefined, 'linux', env, '/home/ana')).toBe('/env/vault');
    expect(resolveVaultDir(undefined, 'linux', { CHAT_VAULT_DIR: '' }, '/home/ana')).toBe(
      '/home/ana/.config/Chat Vault/Vault',
    );
  });
});
