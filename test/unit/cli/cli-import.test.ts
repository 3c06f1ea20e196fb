import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { blobPath } from '../../../src/main/engine/vault/blob-store';
import { makeZip } from '../../support/make-zip';
import { cliPath } from '../../support/paths';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();

function cli(vaultDir: string, ...args: string[]) {
  const child = spawnSync(process.execPath, [cliPath, '--vault', vaultDir, ...args], {
    encoding: 'utf8',
  });
  return {
    status: child.status,
    stdout: child.stdout,
    stderr: child.stderr,
    json: () => JSON.parse(child.stdout) as unknown,
  };
}

const CHAT = [
  '12/31/20, 9:41 PM - Ana: Happy new year!',
  '12/31/20, 9:42 PM - Bo: IMG-20201231-WA0001.jpg (file attached)',
  '1/1/21, 10:00 AM - Ana: 新年快乐',
  '',
].join('\n');

async function whatsappZip(): Promise<{ zip: string; photo: Buffer }> {
  const photo = Buffer.from('\u00ff\u00d8\u00ff fake jpeg bytes');
  const zip = path.join(await tempDir(), 'WhatsApp Chat with Ana.zip');
  await writeFile(
    zip,
    makeZip([
      { name: '_chat.txt', data: CHAT },
      { name: 'IMG-20201231-WA0001.jpg', data: photo },
    ]),
  );
  return { zip, photo };
}

describe('chat-vault import, archives, conversations, messages, verify', () => {
  it('imports a WhatsApp zip and reports it exactly as the contract says', async () => {
    const vault = await tempDir();
    const { zip } = await whatsappZip();
    const result = cli(vault, 'import', zip, '--json');
    expect(result.status).toBe(0);
    const report = result.json() as { imports: Record<string, unknown>[] };
    expect(Object.keys(report.imports[0] ?? {}).sort()).toEqual(
      [
        'archiveId',
        'conversations',
        'format',
        'messagesAdded',
        'messagesExisting',
        'path',
        'status',
        'warnings',
      ].sort(),
    );
    expect(report.imports[0]).toMatchObject({
      path: zip,
      format: 'whatsapp-zip',
      status: 'imported',
      conversations: 1,
      messagesAdded: 3,
      messagesExisting: 0,
      warnings: [],
    });

    const archives = cli(vault, 'archives', '--json').json() as Record<string, unknown>[];
    expect(archives).toEqual([
      {
        id: report.imports[0]?.['archiveId'],
        name: 'WhatsApp Chat with Ana.zip',
        format: 'whatsapp-zip',
        status: 'complete',
        sha256: createHash('sha256')
          .update(await readFile(zip))
          .digest('hex'),
        bytes: (await readFile(zip)).length,
        importedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/u) as unknown,
      },
    ]);
  });

  it('lists messages oldest first with their attachments, and filters by time', async () => {
    const vault = await tempDir();
    const { zip, photo } = await whatsappZip();
    cli(vault, 'import', zip);
    const [conversation] = cli(vault, 'conversations', '--json').json() as {
      id: string;
      title: string;
      messageCount: number;
    }[];
    expect(conversation).toMatchObject({
      title: 'Ana',
      messageCount: 3,
      platform: 'whatsapp',
      participants: ['Ana', 'Bo'],
    });
    const messages = cli(vault, 'messages', conversation?.id ?? '', '--json').json() as Record<
      string,
      unknown
    >[];
    expect(
      messages.map((message) => [message['sentAt'], message['sender'], message['kind']]),
    ).toEqual([
      ['2020-12-31T21:41:00.000Z', 'Ana', 'text'],
      ['2020-12-31T21:42:00.000Z', 'Bo', 'media'],
      ['2021-01-01T10:00:00.000Z', 'Ana', 'text'],
    ]);
    expect(messages[1]?.['attachments']).toEqual([
      {
        name: 'IMG-20201231-WA0001.jpg',
        mime: expect.anything() as unknown,
        bytes: photo.length,
        sha256: createHash('sha256').update(photo).digest('hex'),
      },
    ]);
    const later = cli(
      vault,
      'messages',
      conversation?.id ?? '',
      '--after',
      '2021-01-01',
      '--json',
    ).json() as unknown[];
    expect(later).toHaveLength(1);
    expect(cli(vault, 'messages', 'c_missing', '--json').status).toBe(1);
    expect(cli(vault, 'messages', conversation?.id ?? '', '--after', 'yesterday').status).toBe(2);
  });

  it('exits 1 for a failed input while still importing the others', async () => {
    const vault = await tempDir();
    const { zip } = await whatsappZip();
    const bad = path.join(await tempDir(), 'notes.txt');
    await writeFile(bad, 'just notes\n');
    const result = cli(vault, 'import', zip, bad, '--json');
    expect(result.status).toBe(1);
    expect(
      (result.json() as { imports: { status: string }[] }).imports.map((item) => item.status),
    ).toEqual(['imported', 'failed']);
  });

  it('verify passes on an intact vault and names the damage when a stored file changes', async () => {
    const vault = await tempDir();
    const { zip, photo } = await whatsappZip();
    cli(vault, 'import', zip);
    expect(cli(vault, 'verify', '--json').json()).toMatchObject({ ok: true, damaged: [] });

    await appendFile(blobPath(vault, createHash('sha256').update(photo).digest('hex')), 'bit rot');
    const result = cli(vault, 'verify', '--json');
    expect(result.status).toBe(1);
    const [conversation] = cli(vault, 'conversations', '--json').json() as { id: string }[];
    expect(result.json()).toMatchObject({
      ok: false,
      damaged: [{ kind: 'blob', archives: [], conversations: [conversation?.id] }],
    });
  });
});
