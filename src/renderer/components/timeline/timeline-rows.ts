import type { MessageView } from '../../../shared/contract';

export type TimelineRow =
  | Readonly<{ type: 'day'; key: string; day: Date }>
  | Readonly<{
      type: 'message';
      key: string;
      message: MessageView;
      /** The same sender wrote the message just before, a few minutes earlier: no name again. */
      continued: boolean;
    }>;

/** Messages of one sender closer together than this share one name and avatar. */
const GROUP_GAP_MS = 5 * 60_000;

const isLine = (message: MessageView): boolean =>
  message.kind === 'system' || message.kind === 'call';

/** Messages with a day separator before the first message of each local day, grouped by sender. */
export function timelineRows(messages: readonly MessageView[]): TimelineRow[] {
  const rows: TimelineRow[] = [];
  let previousDay = '';
  let previous: MessageView | null = null;
  for (const message of messages) {
    const date = new Date(message.sentAt);
    const day = `${date.getFullYear()}-${date.getMonth() + 1}-${date.getDate()}`;
    if (day !== previousDay) {
      rows.push({
        type: 'day',
        key: `day-${day}-${message.id}`,
        day: new Date(date.getFullYear(), date.getMonth(), date.getDate()),
      });
      previousDay = day;
      previous = null;
    }
    const continued =
      previous !== null &&
      !isLine(previous) &&
      !isLine(message) &&
      previous.sender === message.sender &&
      date.getTime() - Date.parse(previous.sentAt) < GROUP_GAP_MS;
    rows.push({ type: 'message', key: message.id, message, continued });
    previous = message;
  }
  return rows;
}
