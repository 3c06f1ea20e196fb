/**
 * The first line of a message in signal-export's Markdown (`chat.md`): the time in brackets, the
 * sender, a colon and the text. Two styles, by version of the exporter:
 *   `[2019-05-29, 15:04] Aya: We're great!`       (minutes; the first versions)
 *   `[2019-05-29 15:04:05] Aya: We're great!`     (seconds; later versions)
 * Times are the exporting computer's wall clock, without a zone.
 */
export type SignalLine = Readonly<{
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  sender: string;
  text: string;
}>;

const LINE =
  /^\[(?<y>\d{4})-(?<mo>\d{2})-(?<d>\d{2})(?:, | )(?<h>\d{2}):(?<mi>\d{2})(?::(?<s>\d{2}))?\] (?<sender>[^\n]*?):(?: (?<text>.*))?$/su;

export function parseSignalLine(line: string): SignalLine | null {
  const groups = LINE.exec(line)?.groups;
  if (groups === undefined) return null;
  const [month, day, hour, minute, second] = [
    groups.mo,
    groups.d,
    groups.h,
    groups.mi,
    groups.s,
  ].map((part) => Number(part ?? 0));
  if (
    month === undefined ||
    day === undefined ||
    hour === undefined ||
    minute === undefined ||
    second === undefined ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > 31 ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return null;
  }
  return {
    year: Number(groups.y),
    month,
    day,
    hour,
    minute,
    second,
    sender: groups.sender ?? '',
    text: groups.text ?? '',
  };
}
