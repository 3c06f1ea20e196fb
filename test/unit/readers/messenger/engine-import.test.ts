import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importOneThroughEngine } from '../../../support/engine-import-one';
import { useTempDirs } from '../../../support/temp-dir';
import { facebookJson, fbMessage, fbThread } from './make-export';

const tempDir = useTempDirs();

describe('Messenger export imported through the engine', () => {
  it('stores a thread oldest first, the messages of one millisecond too, with repaired text and its photo', async () => {
    const root = path.join(await tempDir(), 'facebook-ana-2024-05-01');
    const thread = path.join(root, 'your_facebook_activity/messages/inbox/zoe_1');
    await mkdir(path.join(thread, 'photos'), { recursive: true });
    await writeFile(path.join(thread, 'photos/1.jpg'), 'not really a jpeg');
    const uri = 'your_facebook_activity/messages/inbox/zoe_1/photos/1.jpg';
    await writeFile(
      path.join(thread, 'message_1.json'),
      facebookJson(
        fbThread(
          [
            fbMessage('Zoë', 3, { content: 'last' }),
            fbMessage('Ana', 2, { content: 'same ms: second' }),
            fbMessage('Zoë', 2, { content: 'same ms: first' }),
          ],
          { title: 'Zoë', participants: ['Zoë', 'Ana'], threadPath: 'inbox/zoe_1' },
        ),
      ),
    );
    await writeFile(
      path.join(thread, 'message_2.json'),
      facebookJson(
        fbThread([fbMessage('Ana', 1, { content: 'photo 📷', photos: [{ uri }] })], {
          title: 'Zoë',
          participants: ['Zoë', 'Ana'],
          threadPath: 'inbox/zoe_1',
        }),
      ),
    );
    const result = await importOneThroughEngine(await tempDir(), root);
    expect(result.item).toMatchObject({
      status: 'imported',
      format: 'messenger-json',
      conversations: 1,
      messagesAdded: 4,
      error: null,
    });
    const [conversation] = result.conversations;
    expect(conversation).toMatchObject({
      title: 'Zoë',
      platform: 'messenger',
      participants: ['Ana', 'Zoë'],
    });
    const stored = result.messages.get(conversation?.id ?? '') ?? [];
    expect(stored.map((m) => [m.sender, m.text, m.kind])).toEqual([
      ['Ana', 'photo 📷', 'media'],
      ['Zoë', 'same ms: first', 'text'],
      ['Ana', 'same ms: second', 'text'],
      ['Zoë', 'last', 'text'],
    ]);
    expect(stored[0]?.attachments).toEqual([
      {
        name: '1.jpg',
        mime: 'image/jpeg',
        bytes: 17,
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/u),
      },
    ]);
  });
});
