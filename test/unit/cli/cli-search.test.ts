import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliPath } from '../../support/paths';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();

function cli(vaultDir: string, ...args: string[]) {
  const child = spawnSync(process.execPath, [cliPath, '--vault', vaultDir, ...args], {
    encoding: 'utf8',
    env: { ...process.env, TZ: 'UTC' },
  });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

const CHAT = [
  '1/2/24, 9:00 AM - Ana: 我们明天去吃饭吧',
  '1/2/24, 9:01 AM - Bo: 好，明天见!',
  '1/3/24, 8:00 PM - Ana: Dinner was great, merci',
  '1/4/24, 7:00 AM - Bo: 明天 again?',
  '',
].join('\n');

async function vaultWithChat(): Promise<string> {
  const vault = await tempDir();
  const chat = path.join(await tempDir(), 'WhatsApp Chat with Ana.txt');
  await writeFile(chat, CHAT);
  expect(cli(vault, 'import', chat).status).toBe(0);
  return vault;
}

describe('chat-vault search', () => {
  it('prints exactly the contract: total and hits, newest first, with marked snippets', async () => {
    const vault = await vaultWithChat();
    const result = cli(vault, 'search', '明天', '--json');
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as {
      total: number;
      hits: Record<string, unknown>[];
    };
    expect(Object.keys(report).sort()).toEqual(['hits', 'total']);
    expect(report.total).toBe(3);
    expect(report.hits.map((hit) => hit['sender'])).toEqual(['Bo', 'Bo', 'Ana']);
    expect(Object.keys(report.hits[0] ?? {}).sort()).toEqual(
      ['conversationId', 'messageId', 'sender', 'sentAt', 'snippet', 'text'].sort(),
    );
    expect(report.hits[0]).toMatchObject({
      sentAt: '2024-01-04T07:00:00.000Z',
      text: '明天 again?',
      snippet: '\u0002明天\u0003 again?',
    });
  });

  it('narrows by --sender, --after and --limit, and keeps the total exact', async () => {
    const vault = await vaultWithChat();
    const bySender = JSON.parse(
      cli(vault, 'search', '明天', '--sender', 'ana', '--json').stdout,
    ) as {
      total: number;
    };
    expect(bySender.total).toBe(1);
    const limited = JSON.parse(cli(vault, 'search', '明天', '--limit', '1', '--json').stdout) as {
      total: number;
      hits: unknown[];
    };
    expect(limited).toMatchObject({ total: 3 });
    expect(limited.hits).toHaveLength(1);
    const after = JSON.parse(
      cli(vault, 'search', '明天', '--after', '2024-01-03', '--json').stdout,
    ) as { total: number };
    expect(after.total).toBe(1);
  });

  it('shows hits as lines on a terminal', async () => {
    const vault = await vaultWithChat();
    const result = cli(vault, 'search', 'dinner');
    expect(result.stdout).toContain('1 message found');
    expect(result.stdout).toContain('Ana: [Dinner] was great, merci');
  });

  it('explains a malformed query and exits 1', async () => {
    const vault = await vaultWithChat();
    const result = cli(vault, 'search', 'from:', '--json');
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({
      error: {
        code: 'SEARCH_QUERY_INVALID',
        message: expect.stringMatching(/from: needs a value/u),
      },
    });
  });
});
