import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EngineEvent, Settings } from '../../../src/shared/contract';
import { openEngine, type Engine, type EngineOptions } from '../../../src/main/engine/engine';
import { SETTINGS_FILE } from '../../../src/main/engine/settings/settings-file';
import { workersDir } from '../../support/paths';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();

function open(vaultDir: string, options: Partial<EngineOptions> = {}): Promise<Engine> {
  return openEngine({
    vaultDir,
    workersDir,
    appVersion: '0.0.0-test',
    importFolderStableMs: 200,
    ...options,
  });
}

/** Resolves with the first `settings.changed` payload that passes `test`. */
function settingsChange(engine: Engine, test: (settings: Settings) => boolean): Promise<Settings> {
  return new Promise((resolve) => {
    const stop = engine.subscribe((event: EngineEvent) => {
      if (event.event === 'settings.changed' && test(event.payload)) {
        stop();
        resolve(event.payload);
      }
    });
  });
}

describe('the vault’s settings', () => {
  it('start with the machine’s zone and no import folder in a host that has none', async () => {
    const engine = await open(await tempDir());
    await expect(engine.handlers['settings.get']({})).resolves.toEqual({
      timeZone: null,
      machineTimeZone: 'UTC',
      importFolder: null,
      importFolderChangeable: false,
    });
    await expect(
      engine.handlers['settings.update']({ importFolder: '/tmp/elsewhere' }),
    ).rejects.toMatchObject({ code: 'IMPORT_FOLDER_FIXED' });
    await engine.close();
  });

  it('keep a chosen time zone across restarts and read zoneless exports in it', async () => {
    const vaultDir = await tempDir();
    let engine = await open(vaultDir);
    await expect(
      engine.handlers['settings.update']({ timeZone: 'Atlantis/Capital' }),
    ).rejects.toMatchObject({ code: 'UNKNOWN_TIME_ZONE' });
    const updated = await engine.handlers['settings.update']({ timeZone: 'Asia/Shanghai' });
    expect(updated.timeZone).toBe('Asia/Shanghai');
    await engine.close();

    engine = await open(vaultDir);
    expect((await engine.handlers['settings.get']({})).timeZone).toBe('Asia/Shanghai');
    const chat = path.join(await tempDir(), 'WhatsApp Chat with Ana.txt');
    await writeFile(chat, '1/13/21, 09:00 - Ana: morning in Shanghai\n');
    const [item] = await engine.importAndWait([chat]);
    expect(item?.status).toBe('imported');
    const [conversation] = await engine.handlers['conversations.list']({});
    const page = await engine.handlers['messages.page']({
      conversationId: conversation?.id ?? '',
      anchor: { kind: 'start' },
      limit: 5,
    });
    // 09:00 in Shanghai (UTC+8) is 01:00 UTC.
    expect(page.messages[0]?.sentAt).toBe('2021-01-13T01:00:00.000Z');

    // Back to the machine's zone: the saved choice is removed.
    expect((await engine.handlers['settings.update']({ timeZone: null })).timeZone).toBeNull();
    expect(JSON.parse(await readFile(path.join(vaultDir, SETTINGS_FILE), 'utf8'))).toEqual({});
    await engine.close();
  });

  it('watch the host’s default import folder until another is chosen, and remember the choice', async () => {
    const vaultDir = await tempDir();
    const root = await tempDir();
    const defaultFolder = path.join(root, 'Chat Vault Import');
    let engine = await open(vaultDir, { defaultImportFolder: defaultFolder });
    await engine.watcherReady;
    await expect
      .poll(async () => (await engine.handlers['settings.get']({})).importFolder)
      .toEqual({
        path: defaultFolder,
        watching: true,
        error: null,
      });
    expect((await engine.handlers['settings.get']({})).importFolderChangeable).toBe(true);

    const chosen = path.join(root, 'Exports');
    const watching = settingsChange(engine, (s) => s.importFolder?.watching === true);
    const updated = await engine.handlers['settings.update']({ importFolder: chosen });
    expect(updated.importFolder?.path).toBe(chosen);
    await watching;
    expect((await engine.handlers['vault.info']({})).importFolder).toBe(chosen);

    // A chat saved into the chosen folder is imported.
    const imported = new Promise<string>((resolve) =>
      engine.subscribe((event) => {
        if (event.event === 'import.updated' && event.payload.status === 'imported')
          resolve(event.payload.name);
      }),
    );
    await writeFile(path.join(chosen, 'WhatsApp Chat with Bo.txt'), '1/2/21, 09:00 - Bo: hi\n');
    await expect(imported).resolves.toBe('WhatsApp Chat with Bo.txt');
    await engine.close();

    engine = await open(vaultDir, { defaultImportFolder: defaultFolder });
    expect((await engine.handlers['settings.get']({})).importFolder?.path).toBe(chosen);
    await engine.close();
  });

  it('refuse an import folder that is relative, or inside the vault, and keep the old one', async () => {
    const vaultDir = await tempDir();
    const folder = path.join(await tempDir(), 'Import');
    const engine = await open(vaultDir, { defaultImportFolder: folder });
    await expect(
      engine.handlers['settings.update']({ importFolder: 'relative/folder' }),
    ).rejects.toMatchObject({ code: 'IMPORT_FOLDER_NOT_ABSOLUTE' });
    await expect(
      engine.handlers['settings.update']({ importFolder: path.join(vaultDir, 'blobs') }),
    ).rejects.toMatchObject({ code: 'IMPORT_FOLDER_IN_VAULT' });
    expect((await engine.handlers['settings.get']({})).importFolder?.path).toBe(folder);
    await engine.close();
  });

  it('report an import folder that cannot be watched instead of failing to open', async () => {
    const vaultDir = await tempDir();
    const file = path.join(await tempDir(), 'not-a-folder');
    await writeFile(file, 'x');
    const engine = await open(vaultDir, { defaultImportFolder: path.join(file, 'Import') });
    const { importFolder } = await engine.handlers['settings.get']({});
    expect(importFolder).toMatchObject({ watching: false });
    expect(importFolder?.error).toMatch(/cannot be watched/u);
    await engine.close();
  });

  it('open with the defaults when the settings file is damaged', async () => {
    const vaultDir = await tempDir();
    await mkdir(vaultDir, { recursive: true });
    await writeFile(path.join(vaultDir, SETTINGS_FILE), '{"timeZone": 42');
    const engine = await open(vaultDir);
    expect((await engine.handlers['settings.get']({})).timeZone).toBeNull();
    await engine.handlers['settings.update']({ timeZone: 'Europe/Berlin' });
    expect(JSON.parse(await readFile(path.join(vaultDir, SETTINGS_FILE), 'utf8'))).toEqual({
      timeZone: 'Europe/Berlin',
    });
    await engine.close();
  });
});
