/**
 * A message line of a LINE export: a time, a tab, the sender, a tab, the text. A line with no
 * sender (`10:30<tab><tab>Ana joined the group.`, or only one tab) is a system line. Times come as
 * `10:30`, `9:05 AM`, `09:05PM`, `AM 9:05`, `上午09:05` / `下午02:16` (Chinese), `午前9:05` /
 * `午後2:16` (Japanese), `오전` / `오후` (Korean): minutes only, no seconds.
 */
export type MessageLine = Readonly<{
  hour: number;
  minute: number;
  /** Null for a system line. */
  sender: string | null;
  text: string;
}>;

const BEFORE = String.raw`(?:(?<before>上午|下午|午前|午後|凌晨|早上|中午|晚上|오전|오후|AM|PM|am|pm)\s?)?`;
const AFTER = String.raw`(?:\s?(?<after>[AaPp]\.?[Mm]\.?))?`;
const MESSAGE = new RegExp(
  String.raw`^${BEFORE}(?<h>\d{1,2}):(?<mi>\d{2})${AFTER}\t(?<rest>.*)$`,
  'su',
);

type Meridiem = 'am' | 'pm' | 'noon';

const MERIDIEM: Readonly<Record<string, Meridiem>> = {
  上午: 'am',
  午前: 'am',
  凌晨: 'am',
  早上: 'am',
  오전: 'am',
  am: 'am',
  下午: 'pm',
  午後: 'pm',
  晚上: 'pm',
  오후: 'pm',
  pm: 'pm',
  中午: 'noon',
};

/** The hour of the day (0-23), or null when the hour does not fit the clock. */
function hourOf(hour: number, meridiem: Meridiem | undefined): number | null {
  if (meridiem === undefined) return hour <= 23 ? hour : null;
  // Japanese clocks write 午後0:30 for half past noon: 0 and 12 are the same hour.
  if (hour > 12) return null;
  switch (meridiem) {
    case 'am':
      return hour % 12;
    case 'pm':
      return (hour % 12) + 12;
    case 'noon':
      // 中午 covers the hours around noon: 11:30 is before it, 12:xx and 1:xx after.
      return hour === 11 ? 11 : (hour % 12) + 12;
  }
}

/** The parts of a message line, or null when the line is not one. */
export function parseMessageLine(line: string): MessageLine | null {
  const found = MESSAGE.exec(line);
  const groups = found?.groups;
  if (groups === undefined) return null;
  const word = groups.before ?? groups.after?.replaceAll('.', '');
  const meridiem =
    word === undefined ? undefined : (MERIDIEM[word.toLowerCase()] ?? MERIDIEM[word]);
  const hour = hourOf(Number(groups.h), meridiem);
  const minute = Number(groups.mi);
  if (hour === null || minute > 59) return null;
  const rest = groups.rest ?? '';
  const tab = rest.indexOf('\t');
  if (tab === -1) return { hour, minute, sender: null, text: rest };
  const sender = rest.slice(0, tab).trim();
  return { hour, minute, sender: sender === '' ? null : sender, text: rest.slice(tab + 1) };
}
