import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/main/cli/program';
import { cliPath, repoRoot, workersDir } from '../../support/paths';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();

function capture() {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: {
      json: (value: unknown) => stdout.push(JSON.stringify(value)),
      line: (text: string) => stdout.push(text),
      error: (text: string) => stderr.push(text),
    },
  };
}

async function run(argv: string[], env: Record<string, string> = {}) {
  const io = capture();
  const code = await runCli(argv, {
    appVersion: '1.2.3',
    workersDir,
    rendererDir: path.join(repoRoot, 'out/renderer'),
    env,
    out: io.out,
    isTerminal: false,
  });
  return { code, stdout: io.stdout.join('\n'), stderr: io.stderr.join('\n') };
}

describe('chat-vault command line', () => {
  it('prints its version', async () => {
    expect(await run(['--version'])).toMatchObject({ code: 0, stdout: '1.2.3' });
  });

  it('lists only the commands that work in --help', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('--vault <dir>');
    const commands = (stdout.split('Commands:')[1] ?? '')
      .split('\n')
      .map((line) => /^ {2}(\w+)/.exec(line)?.[1])
      .filter((name) => name !== undefined);
    expect(commands).toEqual([
      'conversations',
      'import',
      'archives',
      'messages',
      'search',
      'verify',
      'restore',
      'export',
      'watch',
      'serve',
      'help',
    ]);
  });

  it('prints an empty JSON list for a new vault given by --vault', async () => {
    const vault = path.join(await tempDir(), 'v');
    const result = await run(['--vault', vault, 'conversations', '--json']);
    expect(result).toMatchObject({ code: 0 });
    expect(JSON.parse(result.stdout)).toEqual([]);
  });

  it('takes the vault from CHAT_VAULT_DIR when --vault is absent', async () => {
    const vault = await tempDir();
    const result = await run(['conversations'], { CHAT_VAULT_DIR: vault });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`No conversations yet in ${vault}.`);
  });

  it('rejects an unknown command with usage and exit code 2', async () => {
    const result = await run(['explode']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown command 'explode'");
  });

  it('rejects a port that is not a number', async () => {
    const result = await run(['serve', '--port', 'eighty']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('a port is a whole number from 0 to 65535');
  });

  it('reports a vault it cannot open as one JSON error document and exit 1', async () => {
    const file = path.join(await tempDir(), 'file');
    await import('node:fs/promises').then((fs) => fs.writeFile(file, 'x'));
    const result = await run(['--vault', path.join(file, 'v'), 'conversations', '--json']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ error: { code: 'VAULT_DIR_UNAVAILABLE' } });
  });

  it('runs as a built program with exactly one JSON document on stdout', async () => {
    const vault = await tempDir();
    const child = spawnSync(process.execPath, [cliPath, 'conversations', '--json'], {
      env: { ...process.env, CHAT_VAULT_DIR: vault },
      encoding: 'utf8',
    });
    expect(child.status).toBe(0);
    expect(JSON.parse(child.stdout)).toEqual([]);
  });
});
