/**
 * A Telegram Desktop export folder made by a test: `result.json` with every kind of message the
 * timeline shows (formatting, links safe and unsafe, a reply, a forward, an edit, reactions, a
 * call, a service line, right-to-left text, photos, a document), then one message a day at 20:00
 * UTC from 6 January to 30 June 2023, skipping every third day, for the calendar.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { tinyPng } from './tiny-png';

const at = (iso: string): { date: string; date_unixtime: string } => ({
  date: iso.slice(0, 19),
  date_unixtime: String(Date.parse(iso) / 1000),
});

/** The UTC days that get a filler message ("day 2023-03-15"): every day but each third one. */
export function fillerDays(): string[] {
  const days: string[] = [];
  for (
    let time = Date.UTC(2023, 0, 6), i = 0;
    time <= Date.UTC(2023, 5, 30);
    time += 86_400_000, i += 1
  ) {
    if (i % 3 !== 2) days.push(new Date(time).toISOString().slice(0, 10));
  }
  return days;
}

export async function writeTelegramShowcase(dir: string): Promise<string> {
  await mkdir(path.join(dir, 'photos'), { recursive: true });
  await mkdir(path.join(dir, 'files'), { recursive: true });
  await writeFile(path.join(dir, 'photos', 'photo_1.png'), tinyPng(120, [40, 120, 220]));
  await writeFile(path.join(dir, 'photos', 'photo_2.png'), tinyPng(90, [230, 150, 30]));
  await writeFile(path.join(dir, 'files', 'plan.pdf'), '%PDF-1.4\n% a test document\n');
  const messages: unknown[] = [
    {
      id: 1,
      type: 'service',
      ...at('2023-01-05T10:00:00Z'),
      actor: 'Ana',
      actor_id: 'user1',
      action: 'create_group',
      title: 'Trip',
      members: ['Bo', 'Chen'],
      text: '',
    },
    {
      id: 2,
      type: 'message',
      ...at('2023-01-05T10:01:00Z'),
      from: 'Ana',
      from_id: 'user1',
      text: [
        'Plans: ',
        { type: 'bold', text: 'pack light' },
        ', ',
        { type: 'italic', text: 'bring' },
        ' ',
        { type: 'code', text: 'passport' },
        ', see ',
        { type: 'text_link', text: 'the map', href: 'https://maps.example/route' },
        ' and not ',
        { type: 'text_link', text: 'this trap', href: 'javascript:alert(1)' },
        ' ',
        { type: 'mention', text: '@bo' },
        ' ',
        { type: 'spoiler', text: 'surprise party' },
        '\n',
        { type: 'pre', text: 'let seats = 3;', language: 'js' },
      ],
    },
    {
      id: 3,
      type: 'message',
      ...at('2023-01-05T10:02:00Z'),
      from: 'Bo',
      from_id: 'user2',
      text: '<img src=x onerror=alert(1)> and https://example.org/path.',
    },
    {
      id: 4,
      type: 'message',
      ...at('2023-01-05T10:03:00Z'),
      edited: '2023-01-05T10:09:00',
      edited_unixtime: String(Date.parse('2023-01-05T10:09:00Z') / 1000),
      from: 'Bo',
      from_id: 'user2',
      reply_to_message_id: 2,
      text: 'Got it 👍🏽',
      reactions: [
        { type: 'emoji', count: 2, emoji: '❤️', recent: [{ from: 'Ana', from_id: 'user1' }] },
        { type: 'emoji', count: 1, emoji: '😂' },
      ],
    },
    {
      id: 5,
      type: 'message',
      ...at('2023-01-05T10:04:00Z'),
      from: 'Chen',
      from_id: 'user3',
      forwarded_from: 'Dana',
      text: 'مرحبا بالعالم',
    },
    {
      id: 6,
      type: 'message',
      ...at('2023-01-05T10:05:00Z'),
      from: 'Ana',
      from_id: 'user1',
      photo: 'photos/photo_1.png',
      width: 120,
      height: 120,
      text: '',
    },
    {
      id: 7,
      type: 'message',
      ...at('2023-01-05T10:06:00Z'),
      from: 'Bo',
      from_id: 'user2',
      photo: 'photos/photo_2.png',
      width: 90,
      height: 90,
      text: 'the view',
    },
    {
      id: 8,
      type: 'message',
      ...at('2023-01-05T10:07:00Z'),
      from: 'Chen',
      from_id: 'user3',
      file: 'files/plan.pdf',
      file_name: 'plan.pdf',
      mime_type: 'application/pdf',
      text: '',
    },
    {
      id: 9,
      type: 'service',
      ...at('2023-01-05T10:08:00Z'),
      actor: 'Ana',
      actor_id: 'user1',
      action: 'phone_call',
      duration_seconds: 95,
      text: '',
    },
    ...fillerDays().map((day, index) => ({
      id: 100 + index,
      type: 'message',
      ...at(`${day}T20:00:00Z`),
      from: index % 2 === 0 ? 'Ana' : '李雷',
      from_id: index % 2 === 0 ? 'user1' : 'user4',
      text: `day ${day}`,
    })),
  ];
  const file = path.join(dir, 'result.json');
  await writeFile(
    file,
    JSON.stringify({ name: 'Trip', type: 'private_group', id: 777, messages }, null, 1),
  );
  return dir;
}
