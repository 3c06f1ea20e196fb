/**
 * Discord, Slack and Telegram HTML exports as people drop them (a folder or a zip, with their
 * media): recognised by the detector, and imported through the engine with their media stored.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../src/main/engine/detect/detect-format';
import { importThroughEngine } from '../../support/engine-import';
import { makeZip } from '../../support/make-zip';
import { tinyPng } from '../../support/tiny-png';
import { useTempDirs } from '../../support/temp-dir';
import { channel, discordExport, discordMessage, SERVER_GUILD } from './discord/generate';
import { json, slackMessage, USERS } from './slack/generate';
import { defaultMessage, page, photo } from './telegram-html/generate';

const tempDir = useTempDirs();

async function folderWith(files: Readonly<Record<string, string | Uint8Array>>): Promise<string> {
  const root = path.join(await tempDir(), 'export');
  for (const [name, data] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, name)), { recursive: true });
    await writeFile(path.join(root, name), data);
  }
  return root;
}

function discordFiles(): Record<string, string | Uint8Array> {
  const general = channel({ id: '10', type: 'GuildTextChat', name: 'general' });
  return {
    'Chiptune Club - general [10].json': discordExport(
      [
        discordMessage({
          content: 'look',
          attachments: [
            {
              id: '1',
              url: 'Chiptune Club - general [10].json_Files/cat-1A2B3.png',
              fileName: 'cat.png',
              fileSizeBytes: 10,
            },
          ],
        }),
      ],
      { guild: SERVER_GUILD, channel: general },
    ),
    'Chiptune Club - general [10] [part 2].json': discordExport([discordMessage()], {
      guild: SERVER_GUILD,
      channel: general,
    }),
    'Chiptune Club - general [10].json_Files/cat-1A2B3.png': tinyPng(2, [200, 40, 40]),
  };
}

describe('exports of the other platforms', () => {
  it('recognises a DiscordChatExporter folder and zip with partitions and media', async () => {
    const files = discordFiles();
    expect(await detectFormat(await folderWith(files))).toEqual({
      kind: 'detected',
      format: 'discord-json',
      platform: 'discord',
      container: 'folder',
    });
    const zipPath = path.join(await tempDir(), 'discord.zip');
    await writeFile(
      zipPath,
      makeZip(Object.entries(files).map(([name, data]) => ({ name, data }))),
    );
    expect(await detectFormat(zipPath)).toMatchObject({ format: 'discord-json', container: 'zip' });
  });

  it('recognises Telegram HTML folders, one chat or a whole account', async () => {
    const one = await folderWith({
      'messages.html': page('Ana', [defaultMessage({ id: 1, html: 'hi' })]),
      'messages2.html': page('Ana', [defaultMessage({ id: 2, html: 'again' })]),
      'photos/photo_1.jpg': 'jpeg',
    });
    const account = await folderWith({
      'export_results.html': '<html></html>',
      'chats/chat_1/messages.html': page('Ana', [defaultMessage({ id: 1, html: 'hi' })]),
    });
    for (const folder of [one, account]) {
      expect(await detectFormat(folder)).toEqual({
        kind: 'detected',
        format: 'telegram-html',
        platform: 'telegram',
        container: 'folder',
      });
    }
  });

  it('recognises a Slack export of direct messages only', async () => {
    const folder = await folderWith({
      'users.json': json(USERS),
      'dms.json': json([{ id: 'D1', members: ['U1', 'U2'] }]),
      'D1/2023-04-13.json': json([slackMessage()]),
    });
    expect(await detectFormat(folder)).toMatchObject({ format: 'slack-export', platform: 'slack' });
  });

  it('imports a Discord folder through the engine: one conversation, the image stored in the vault', async () => {
    const { items, conversations, attachments } = await importThroughEngine(await tempDir(), [
      await folderWith(discordFiles()),
    ]);
    expect(items.map((item) => [item.status, item.messagesAdded, item.warnings])).toEqual([
      ['imported', 2, []],
    ]);
    expect(conversations).toEqual([
      { title: 'Chiptune Club · #general', platform: 'discord', messageCount: 2 },
    ]);
    expect(attachments).toHaveLength(1);
    expect(attachments[0]?.name).toBe('cat.png');
    expect(attachments[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('imports a Telegram HTML folder through the engine with its photo stored', async () => {
    const folder = await folderWith({
      'messages.html': page('Ana', [defaultMessage({ id: 1, media: photo('photos/photo_1.jpg') })]),
      'photos/photo_1.jpg': tinyPng(2, [200, 40, 40]),
    });
    const { items, attachments } = await importThroughEngine(await tempDir(), [folder]);
    expect(items.map((item) => [item.status, item.format, item.messagesAdded])).toEqual([
      ['imported', 'telegram-html', 1],
    ]);
    expect(attachments.map((a) => [a.name, a.sha256 !== null])).toEqual([['photo_1.jpg', true]]);
  });

  it('imports a broken Slack day file as partial, keeping the other channel and saying where it broke', async () => {
    const folder = await folderWith({
      'users.json': json(USERS),
      'channels.json': json([
        { id: 'C1', name: 'general', members: [] },
        { id: 'C2', name: 'random', members: [] },
      ]),
      'general/2023-04-13.json':
        '[{"type": "message", "ts": "1681413000.000100", "text": "kept", "user": "U1"}, {"ty',
      'random/2023-04-13.json': json([slackMessage({ text: 'other channel' })]),
    });
    const { items, messages } = await importThroughEngine(await tempDir(), [folder]);
    expect(items[0]?.status).toBe('partial');
    expect(items[0]?.error).toMatchObject({
      code: 'TRUNCATED',
      position: { entry: 'general/2023-04-13.json' },
    });
    expect(messages.map((m) => m.text).sort()).toEqual(['kept', 'other channel']);
  });
});
