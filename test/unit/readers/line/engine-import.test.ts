import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTestEngine } from '../../../support/engine';
import { useTempDirs } from '../../../support/temp-dir';
import { lineExport, say } from './make-export';

const tempDir = useTempDirs();

describe('LINE export imported through the engine', () => {
  it('stores both of two identical messages in one minute, and a newer export adds only what is new', async () => {
    const dir = await tempDir();
    const day = (extra: boolean) => ({
      year: 2024,
      month: 2,
      day: 1,
      messages: [
        say(10, 0, '花子', 'はい'),
        say(10, 0, '花子', 'はい'),
        say(10, 1, '太郎', '[スタンプ]'),
        ...(extra ? [say(11, 0, '太郎', '了解')] : []),
      ],
    });
    const first = path.join(dir, '[LINE] 花子とのトーク.txt');
    await writeFile(first, lineExport('ja', { name: '花子', days: [day(false)] }));
    const newer = path.join(dir, '[LINE] 花子とのトーク (1).txt');
    await writeFile(newer, lineExport('ja', { name: '花子', days: [day(true)] }));

    const engine = await openTestEngine(await tempDir());
    try {
      const [imported] = await engine.importAndWait([first]);
      expect(imported).toMatchObject({ status: 'imported', format: 'line-txt', messagesAdded: 3 });
      const [again] = await engine.importAndWait([first]);
      expect(again).toMatchObject({ status: 'unchanged', messagesAdded: 0 });
      const [update] = await engine.importAndWait([newer]);
      expect(update).toMatchObject({ status: 'imported', messagesAdded: 1, messagesExisting: 3 });

      const [conversation] = await engine.handlers['conversations.list']({});
      expect(conversation).toMatchObject({ title: '花子', platform: 'line', messageCount: 4 });
      const page = await engine.handlers['messages.page']({
        conversationId: conversation?.id ?? '',
        anchor: { kind: 'start' },
        limit: 10,
      });
      expect(page.messages.map((m) => [m.sender, m.text, m.kind, m.sentAt])).toEqual([
        ['花子', 'はい', 'text', '2024-02-01T10:00:00.000Z'],
        ['花子', 'はい', 'text', '2024-02-01T10:00:00.000Z'],
        ['太郎', '', 'media', '2024-02-01T10:01:00.000Z'],
        ['太郎', '了解', 'text', '2024-02-01T11:00:00.000Z'],
      ]);
      expect(page.messages[2]?.attachments).toEqual([
        { name: '[スタンプ]', mime: 'image/png', bytes: null, sha256: null },
      ]);
    } finally {
      await engine.close();
    }
  });
});
