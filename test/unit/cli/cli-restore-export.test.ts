/** `chat-vault restore` and `chat-vault export` through the real command line, as scripts use them. */
import { spawnSync } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { makeZip } from '../../support/make-zip';
import { sha256Of } from '../../support/hash-tree';
import { cliPath } from '../../support/paths';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();
// Every test runs the command line several times, each a new process with its own threads.
vi.setConfig({ testTimeout: 60_000 });

function cli(vaultDir: string, ...args: string[]) {
  const child = spawnSync(process.execPath, [cliPath, '--vault', vaultDir, ...args], {
    encoding: 'utf8',
    env: { ...process.env, TZ: 'UTC', LANG: 'C' },
  });
  return {
    status: child.status,
    stdout: child.stdout,
    stderr: child.stderr,
    json: () => JSON.parse(child.stdout) as unknown,
  };
}

async function importedVault() {
  const vault = await tempDir();
  const zip = path.join(await tempDir(), 'WhatsApp Chat with Ana.zip');
  await writeFile(
    zip,
    makeZip([
      {
        name: '_chat.txt',
        data: '12/30/20, 9:41 PM - Ana: one\n12/31/20, 9:42 PM - Bo: IMG-1.jpg (file attached)\n1/1/21, 10:00 AM - Ana: 新年快乐\n',
      },
      { name: 'IMG-1.jpg', data: 'jpeg bytes' },
    ]),
  );
  const imported = cli(vault, 'import', zip, '--json').json() as {
    imports: { archiveId: string }[];
  };
  const [conversation] = cli(vault, 'conversations', '--json').json() as { id: string }[];
  return {
    vault,
    zip,
    archiveId: imported.imports[0]?.archiveId ?? '',
    conversationId: conversation?.id ?? '',
  };
}

describe('chat-vault restore', () => {
  it('restores an archive and reports every file it wrote with its hash', async () => {
    const { vault, zip, archiveId } = await importedVault();
    const to = await tempDir();
    const first = cli(vault, 'restore', archiveId, '--to', to, '--json');
    expect(first.status).toBe(0);
    const hash = await sha256Of(zip);
    expect(first.json()).toEqual({
      archiveId,
      path: path.join(to, 'WhatsApp Chat with Ana.zip'),
      kind: 'file',
      bytes: (await readFile(zip)).length,
      files: [
        { path: 'WhatsApp Chat with Ana.zip', bytes: (await readFile(zip)).length, sha256: hash },
      ],
    });
    const second = cli(vault, 'restore', archiveId, '--to', to);
    expect(second.status).toBe(0);
    expect(second.stdout).toContain(`to ${path.join(to, 'WhatsApp Chat with Ana (2).zip')}`);
    expect((await readdir(to)).sort()).toEqual([
      'WhatsApp Chat with Ana (2).zip',
      'WhatsApp Chat with Ana.zip',
    ]);
    expect(await sha256Of(path.join(to, 'WhatsApp Chat with Ana (2).zip'))).toBe(hash);
  });

  it('fails with one JSON error document and exit 1 for an unknown archive', async () => {
    const { vault } = await importedVault();
    const result = cli(vault, 'restore', 'a_missing', '--to', await tempDir(), '--json');
    expect(result.status).toBe(1);
    expect(result.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });
});

describe('chat-vault export', () => {
  it.each(['html', 'txt', 'json', 'chatlab'] as const)(
    'exports to %s and reports what it wrote',
    async (format) => {
      const { vault, conversationId } = await importedVault();
      const to = await tempDir();
      const result = cli(vault, 'export', conversationId, '--to', to, '--format', format, '--json');
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      const report = result.json() as {
        format: string;
        to: string;
        exports: { path: string; messages: number; files: number; bytes: number }[];
      };
      expect(report).toMatchObject({
        format,
        to,
        exports: [{ conversationId, path: path.join(to, 'Ana'), messages: 3 }],
      });
      const written = await readdir(path.join(to, 'Ana'));
      expect(written).toContain('media');
      expect(report.exports[0]?.files).toBeGreaterThanOrEqual(2);
    },
  );

  it('exports only the messages between --after and --before', async () => {
    const { vault, conversationId } = await importedVault();
    const to = await tempDir();
    const result = cli(
      vault,
      'export',
      conversationId,
      '--to',
      to,
      '--format',
      'txt',
      '--after',
      '2020-12-31',
      '--before',
      '2021-01-01',
      '--no-media',
      '--json',
    );
    expect(result.status).toBe(0);
    expect(result.json()).toMatchObject({ exports: [{ messages: 1, files: 1 }] });
    const text = await readFile(path.join(to, 'Ana', 'Ana.txt'), 'utf8');
    expect(text).toContain('Bo: [IMG-1.jpg: not in the export]');
    expect(text).not.toContain('Ana: one');
  });

  it('refuses an unknown format before opening the vault', async () => {
    const result = cli(await tempDir(), 'export', 'c_x', '--to', '/tmp', '--format', 'pdf');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('html, txt, json, chatlab');
  });
});
