/** The formats Chat Vault writes are recognised when they are imported back. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../src/main/engine/detect/detect-format';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();

const chatVaultJson = `{\n  "chatVault": {"format":"chat-vault-export","version":1,"exportedAt":"2024-01-01T00:00:00.000Z"},\n  "conversation": {"id":"c_0123456789abcdef0123","title":"群","platform":"wechat","participants":[]},\n  "messages": [\n  ]\n}\n`;
const chatLabLines =
  '{"_type":"header","chatlab":{"version":"0.0.2","exportedAt":1},"meta":{"name":"x","platform":"qq","type":"group"}}\n{"_type":"member","platformId":"1","accountName":"a"}\n';

describe('recognising exports written by Chat Vault', () => {
  it('knows its JSON as a file and as a folder with media, with the platform it names', async () => {
    const dir = await tempDir();
    const file = path.join(dir, '群.chatvault.json');
    await writeFile(file, chatVaultJson);
    expect(await detectFormat(file)).toEqual({
      kind: 'detected',
      format: 'chat-vault-json',
      platform: 'wechat',
      container: 'file',
    });
    const folder = path.join(dir, 'result');
    await mkdir(path.join(folder, 'media'), { recursive: true });
    await writeFile(path.join(folder, 'result.chatvault.json'), chatVaultJson);
    await writeFile(path.join(folder, 'media', 'a.jpg'), 'x');
    expect(await detectFormat(folder)).toMatchObject({
      format: 'chat-vault-json',
      container: 'folder',
    });
  });

  it('knows its ChatLab JSONL folder as ChatLab with the meta platform', async () => {
    const folder = path.join(await tempDir(), 'QQ group');
    await mkdir(path.join(folder, 'media'), { recursive: true });
    await writeFile(path.join(folder, 'QQ group.chatlab.jsonl'), chatLabLines);
    expect(await detectFormat(folder)).toEqual({
      kind: 'detected',
      format: 'chatlab-jsonl',
      platform: 'qq',
      container: 'folder',
    });
  });
});
