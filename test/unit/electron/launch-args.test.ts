import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPathsFromArgv, MAX_LAUNCH_PATHS } from '../../../src/main/electron/launch-args';

const cwd = path.resolve('/home/me/Downloads');

describe('importPathsFromArgv', () => {
  it('takes the files after the executable of a packaged app', () => {
    expect(
      importPathsFromArgv(['/opt/chat-vault', '/tmp/chat.zip'], { cwd, isPackaged: true }),
    ).toEqual([path.resolve('/tmp/chat.zip')]);
  });

  it('skips the app path when run from a checkout', () => {
    expect(importPathsFromArgv(['electron', '.', 'chat.txt'], { cwd, isPackaged: false })).toEqual([
      path.join(cwd, 'chat.txt'),
    ]);
  });

  it('resolves relative paths against the launching working directory', () => {
    expect(importPathsFromArgv(['app', 'exports/chat.json'], { cwd, isPackaged: true })).toEqual([
      path.join(cwd, 'exports', 'chat.json'),
    ]);
  });

  it('drops switches, including the ones Chromium adds', () => {
    const argv = [
      'app',
      '--original-process-start-time=1234',
      '--no-sandbox',
      '-psn_0_1234',
      'a.zip',
    ];
    expect(importPathsFromArgv(argv, { cwd, isPackaged: true })).toEqual([path.join(cwd, 'a.zip')]);
  });

  it('finds nothing in a plain launch', () => {
    expect(importPathsFromArgv(['app'], { cwd, isPackaged: true })).toEqual([]);
  });

  it('keeps no more paths than one import request accepts', () => {
    const argv = ['app', ...Array.from({ length: MAX_LAUNCH_PATHS + 5 }, (_, i) => `${i}.zip`)];
    expect(importPathsFromArgv(argv, { cwd, isPackaged: true })).toHaveLength(MAX_LAUNCH_PATHS);
  });
});
