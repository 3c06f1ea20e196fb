import type { MessageView } from '../../shared/contract';

export type TimelineRow =
  | Readonly<{ type: 'day'; key: string; day: string }>
  | Readonly<{ type: 'message'; key: string; message: MessageView }>;

/** Messages with a day separator before the first message of each local day. */
export function timelineRows(messages: readonly MessageView[]): TimelineRow[] {
  const rows: TimelineRow[] = [];
  let previousDay = '';
  for (const message of messages) {
    const date = new Date(message.sentAt);
    const day = `${date.getFullYear()}-${date.getMonth() + 1}-${date.getDate()}`;
    if (day !== previousDay) {
      rows.push({ type: 'day', key: `day-${day}-${message.id}`, day: message.sentAt });
      previousDay = day;
    }
    rows.push({ type: 'message', key: message.id, message });
  }
  return rows;
}

/** A stable colour per sender name (hue from a small hash). */
export function senderHue(name: string): number {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) % 360;
  return hash;
}
