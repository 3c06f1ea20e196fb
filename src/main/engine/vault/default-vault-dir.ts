import path from 'node:path';

export const APP_DIR_NAME = 'Chat Vault';
export const VAULT_DIR_NAME = 'Vault';

type Environment = Readonly<Record<string, string | undefined>>;

/**
 * The OS application-data folder, following the same rules as Electron's `app.getPath('appData')`,
 * so the command line and the desktop app find the same vault.
 */
export function appDataDir(platform: NodeJS.Platform, env: Environment, home: string): string {
  switch (platform) {
    case 'win32':
      return env['APPDATA'] ?? path.win32.join(home, 'AppData', 'Roaming');
    case 'darwin':
      return path.posix.join(home, 'Library', 'Application Support');
    default:
      return env['XDG_CONFIG_HOME'] ?? path.posix.join(home, '.config');
  }
}

/** The vault the desktop app uses: `<appData>/Chat Vault/Vault`. */
export function defaultVaultDir(platform: NodeJS.Platform, env: Environment, home: string): string {
  const join = platform === 'win32' ? path.win32.join : path.posix.join;
  return join(appDataDir(platform, env, home), APP_DIR_NAME, VAULT_DIR_NAME);
}

/** `--vault DIR`, else `CHAT_VAULT_DIR`, else the desktop app's own vault. */
export function resolveVaultDir(
  option: string | undefined,
  platform: NodeJS.Platform,
  env: Environment,
  home: string,
): string {
  const chosen = option ?? env['CHAT_VAULT_DIR'];
  if (chosen !== undefined && chosen !== '') return path.resolve(chosen);
  return defaultVaultDir(platform, env, home);
}
