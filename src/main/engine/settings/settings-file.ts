/**
 * The vault's own settings, in `settings.json` beside the database: the time zone for exports whose
 * times carry none, and the chosen import folder. Read through a schema (the file may have been
 * edited by hand); written to a temp file and renamed, so a crash leaves the old or the new file.
 */
import { randomUUID } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as z from 'zod';
import { VaultError } from '../errors';

export const SETTINGS_FILE = 'settings.json';

const SavedSettingsSchema = z.object({
  timeZone: z.string().min(1).max(100).optional(),
  importFolder: z.string().min(1).max(4096).optional(),
});
export type SavedSettings = Readonly<z.infer<typeof SavedSettingsSchema>>;

/** The saved settings; none when the file does not exist yet. */
export async function readSettings(vaultDir: string): Promise<SavedSettings> {
  const file = path.join(vaultDir, SETTINGS_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new VaultError(
      'SETTINGS_UNREADABLE',
      `The settings could not be read: ${String(error)}`,
      {
        file,
        cause: error,
      },
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const parsed = SavedSettingsSchema.safeParse(json);
  if (!parsed.success) {
    throw new VaultError(
      'SETTINGS_DAMAGED',
      `The settings file is damaged. Fix it or delete it (the defaults are then used); the vault itself is not affected.`,
      { file },
    );
  }
  return parsed.data;
}

export async function writeSettings(vaultDir: string, settings: SavedSettings): Promise<void> {
  const file = path.join(vaultDir, SETTINGS_FILE);
  const temp = path.join(vaultDir, `.${SETTINGS_FILE}.${randomUUID()}.tmp`);
  try {
    await writeFile(temp, `${JSON.stringify(settings, null, 2)}\n`, { flag: 'wx' });
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw new VaultError(
      'SETTINGS_NOT_SAVED',
      `The settings could not be saved: ${String(error)}`,
      {
        file,
        cause: error,
      },
    );
  }
}
