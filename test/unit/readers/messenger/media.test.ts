import { describe, expect, it } from 'vitest';
import { readMessengerJson } from '../../../../src/main/engine/readers/messenger';
import { memorySource } from '../../../support/memory-source';
import { messagesOf } from '../../../support/read-records';
import { readOutcome, warningsOf } from '../../../support/read-outcome';
import { facebookJson, fbMessage, fbThread, type Json } from './make-export';

const THREAD = 'messages/inbox/ana_111';

/** One message in a thread file at `root` + THREAD, with `files` beside it; its records. */
async function readOne(
  message: Record<string, Json>,
  files: Readonly<Record<string, string>> = {},
  root = '',
) {
  const source = memorySource(
    {
      [`${root}${THREAD}/message_1.json`]: facebookJson(
        fbThread([message], { title: 'Ana', threadPath: 'inbox/ana_111' }),
      ),
      ...files,
    },
    { container: 'zip' },
  );
  const outcome = await readOutcome(readMessengerJson, source);
  expect(outcome.error).toBeNull();
  return outcome.records;
}

describe('Messenger reader: media, shares, reactions, calls', () => {
  it('reads photos, videos, audio, GIFs, files and stickers as attachments found in the export', async () => {
    const uri = (folder: string, name: string): Json => ({
      uri: `${THREAD}/${folder}/${name}`,
      creation_timestamp: 1_700_000_000,
    });
    const records = await readOne(
      fbMessage('Ana', 1, {
        photos: [uri('photos', '1.jpg'), uri('photos', '2.png')],
        videos: [
          {
            ...(uri('videos', 'v.mp4') as Record<string, Json>),
            thumbnail: { uri: `${THREAD}/videos/v.mp4` },
          },
        ],
        audio_files: [uri('audio', 'clip.mp4')],
        gifs: [{ uri: `${THREAD}/gifs/g.gif` }],
        files: [uri('files', 'Report.pdf')],
        sticker: {
          uri: 'messages/stickers_used/39178562_1505197616293642_5411344281094848512_n.png',
        },
      }),
      {
        [`${THREAD}/photos/1.jpg`]: 'x',
        [`${THREAD}/photos/2.png`]: 'x',
        [`${THREAD}/videos/v.mp4`]: 'x',
        [`${THREAD}/audio/clip.mp4`]: 'x',
        [`${THREAD}/gifs/g.gif`]: 'x',
        [`${THREAD}/files/Report.pdf`]: 'x',
        'messages/stickers_used/39178562_1505197616293642_5411344281094848512_n.png': 'x',
      },
    );
    const [message] = messagesOf(records);
    expect(message?.kind).toBe('media');
    expect(message?.text).toBe('');
    expect(message?.attachments).toEqual([
      { entryPath: `${THREAD}/photos/1.jpg`, name: '1.jpg', mime: 'image/jpeg' },
      { entryPath: `${THREAD}/photos/2.png`, name: '2.png', mime: 'image/png' },
      { entryPath: `${THREAD}/gifs/g.gif`, name: 'g.gif', mime: 'image/gif' },
      { entryPath: `${THREAD}/videos/v.mp4`, name: 'v.mp4', mime: 'video/mp4' },
      { entryPath: `${THREAD}/audio/clip.mp4`, name: 'clip.mp4', mime: 'audio/mp4' },
      { entryPath: `${THREAD}/files/Report.pdf`, name: 'Report.pdf', mime: 'application/pdf' },
      {
        entryPath: 'messages/stickers_used/39178562_1505197616293642_5411344281094848512_n.png',
        name: '39178562_1505197616293642_5411344281094848512_n.png',
        mime: 'image/png',
      },
    ]);
  });

  it('finds media when the export sits in a folder of the zip, and when the uri names a folder the import left out', async () => {
    const inFolder = await readOne(
      fbMessage('Ana', 1, { photos: [{ uri: `your_facebook_activity/${THREAD}/photos/1.jpg` }] }),
      { [`facebook-ana-2024/your_facebook_activity/${THREAD}/photos/1.jpg`]: 'x' },
      'facebook-ana-2024/your_facebook_activity/',
    );
    expect(messagesOf(inFolder)[0]?.attachments[0]?.entryPath).toBe(
      `facebook-ana-2024/your_facebook_activity/${THREAD}/photos/1.jpg`,
    );
  });

  it('finds a file whose name is not ASCII: the uri is mojibake like the rest', async () => {
    const records = await readOne(
      fbMessage('Ana', 1, { files: [{ uri: `${THREAD}/files/Résumé 履歴書.pdf` }] }),
      { [`${THREAD}/files/Résumé 履歴書.pdf`]: 'x' },
    );
    expect(messagesOf(records)[0]?.attachments).toEqual([
      {
        entryPath: `${THREAD}/files/Résumé 履歴書.pdf`,
        name: 'Résumé 履歴書.pdf',
        mime: 'application/pdf',
      },
    ]);
  });

  it('keeps a photo the export left out as an attachment without a file', async () => {
    const records = await readOne(
      fbMessage('Ana', 1, { photos: [{ uri: `${THREAD}/photos/gone.jpg` }] }),
    );
    expect(messagesOf(records)[0]?.attachments).toEqual([
      { entryPath: null, name: 'gone.jpg', mime: 'image/jpeg' },
    ]);
  });

  it('never looks up a uri that leaves the export, and warns about it', async () => {
    const records = await readOne(fbMessage('Ana', 1, { photos: [{ uri: '../../etc/passwd' }] }), {
      'etc/passwd': 'secret',
    });
    expect(messagesOf(records)[0]?.attachments).toEqual([
      { entryPath: null, name: 'passwd', mime: 'image/jpeg' },
    ]);
    expect(warningsOf(records).map((w) => w.code)).toEqual(['MEDIA_PATH_UNSAFE']);
  });

  it('keeps a caption beside the photos as the text of the media message', async () => {
    const records = await readOne(
      fbMessage('Ana', 1, { content: 'look at this', photos: [{ uri: `${THREAD}/photos/1.jpg` }] }),
    );
    expect(messagesOf(records)[0]).toMatchObject({ kind: 'media', text: 'look at this' });
  });

  it('adds a shared link and its text to the message text, once', async () => {
    const shared = await readOne(
      fbMessage('Ana', 1, {
        content: 'Ana sent a link.',
        share: { link: 'https://example.com/a', share_text: 'Example page' },
        type: 'Share',
      }),
    );
    expect(messagesOf(shared)[0]).toMatchObject({
      kind: 'text',
      text: 'Ana sent a link.\nhttps://example.com/a\nExample page',
    });
    const already = await readOne(
      fbMessage('Ana', 1, {
        content: 'see https://example.com/a',
        share: { link: 'https://example.com/a' },
      }),
    );
    expect(messagesOf(already)[0]?.text).toBe('see https://example.com/a');
  });

  it('groups reactions by emoji with the people who reacted', async () => {
    const records = await readOne(
      fbMessage('Ana', 1, {
        content: 'hi',
        reactions: [
          { reaction: '😆', actor: 'Bo' },
          { reaction: '❤', actor: 'Cy' },
          { reaction: '😆', actor: 'Ana' },
        ],
      }),
    );
    expect(messagesOf(records)[0]?.reactions).toEqual([
      { emoji: '😆', count: 2, senders: ['Bo', 'Ana'] },
      { emoji: '❤', count: 1, senders: ['Cy'] },
    ]);
  });

  it('reads calls as kind call, with their duration or as missed', async () => {
    const called = await readOne(fbMessage('Ana', 1, { call_duration: 3725, type: 'Call' }));
    expect(messagesOf(called)[0]).toMatchObject({ kind: 'call', text: 'Call (1:02:05)' });
    const missed = await readOne(fbMessage('Ana', 1, { call_duration: 0, missed: true }));
    expect(messagesOf(missed)[0]).toMatchObject({ kind: 'call', text: 'Missed call' });
    const worded = await readOne(
      fbMessage('Ana', 1, { content: 'Ana called you.', call_duration: 65 }),
    );
    expect(messagesOf(worded)[0]).toMatchObject({ kind: 'call', text: 'Ana called you.' });
  });

  it('reads people added and removed as system lines', async () => {
    const added = await readOne(
      fbMessage('Ana', 1, { type: 'Subscribe', users: [{ name: 'Bo' }, { name: 'Zoë' }] }),
    );
    expect(messagesOf(added)[0]).toMatchObject({
      kind: 'system',
      sender: 'Ana',
      text: 'Ana added Bo, Zoë',
    });
    const left = await readOne(
      fbMessage('Bo', 1, {
        type: 'Unsubscribe',
        content: 'Bo left the group.',
        users: [{ name: 'Bo' }],
      }),
    );
    expect(messagesOf(left)[0]).toMatchObject({ kind: 'system', text: 'Bo left the group.' });
  });

  it('keeps an unsent message as kind other, with its reactions', async () => {
    const records = await readOne(
      fbMessage('Ana', 1, { is_unsent: true, reactions: [{ reaction: '😮', actor: 'Bo' }] }),
    );
    expect(messagesOf(records)[0]).toMatchObject({
      kind: 'other',
      text: '',
      reactions: [{ emoji: '😮', count: 1, senders: ['Bo'] }],
    });
  });

  it('reads the media of the end-to-end encrypted download from the folder beside its chat files', async () => {
    const source = memorySource(
      {
        'ana_1.json': JSON.stringify({
          participants: ['Ana', 'Bo'],
          threadName: 'Ana',
          messages: [
            {
              senderName: 'Ana',
              timestamp: 1_700_000_000_000,
              text: '',
              media: [{ uri: 'media/ph.jpg' }],
              isUnsent: false,
              reactions: [],
            },
          ],
        }),
        'media/ph.jpg': 'x',
      },
      { container: 'zip' },
    );
    const { records, error } = await readOutcome(readMessengerJson, source);
    expect(error).toBeNull();
    expect(messagesOf(records)[0]).toMatchObject({
      kind: 'media',
      attachments: [{ entryPath: 'media/ph.jpg', name: 'ph.jpg', mime: 'image/jpeg' }],
    });
  });
});
