/**
 * `chat.md` as signal-export writes it, for the reader's tests: each message is
 * `[time] sender: quote body  ` followed by its reactions, sticker and file links, then a blank
 * line. `style` picks the exporter version: `minutes` (`[2019-05-29, 15:04]`) or `seconds`
 * (`[2019-05-29 15:04:05]`).
 */
export type SignalMessage = Readonly<{
  /** Local wall clock: [year, month, day, hour, minute, second]. */
  at: readonly [number, number, number, number, number, number];
  sender: string;
  body?: string;
  quote?: string;
  reactions?: readonly (readonly [name: string, emoji: string])[];
  /** Older versions: a sticker's emoji on its own line. */
  sticker?: string;
  files?: readonly string[];
  deleted?: boolean;
}>;

const pad = (n: number): string => String(n).padStart(2, '0');
const IMAGE = /\.(?:png|jpe?g|gif|webp)$/iu;

function stamp(at: SignalMessage['at'], style: 'minutes' | 'seconds'): string {
  const [y, mo, d, h, mi, s] = at;
  return style === 'minutes'
    ? `[${y}-${pad(mo)}-${pad(d)}, ${pad(h)}:${pad(mi)}]`
    : `[${y}-${pad(mo)}-${pad(d)} ${pad(h)}:${pad(mi)}:${pad(s)}]`;
}

export function messageMarkdown(message: SignalMessage, style: 'minutes' | 'seconds'): string {
  const head = `${stamp(message.at, style)} ${message.sender}: `;
  if (message.deleted === true) return `${head}(This message was deleted)\n`;
  let body = `${(message.body ?? '').replaceAll('`', '')}  `;
  if (message.reactions !== undefined && message.reactions.length > 0) {
    body += `\n(- ${message.reactions.map(([name, emoji]) => `${name}: ${emoji}`).join(', ')} -)`;
  }
  if (message.sticker !== undefined) body += `\n(( ${message.sticker} ))`;
  for (const file of message.files ?? []) {
    body += `${IMAGE.test(file) ? '!' : ''}[${file}](./media/${file.replaceAll(' ', '%20')})  `;
  }
  const quote =
    message.quote === undefined ? '' : `\n\n> ${message.quote.replaceAll('\n', '\n> ')}\n\n`;
  return `${head}${quote}${body}\n`;
}

/** The whole file: each message followed by the blank line Python's print adds. */
export function chatMarkdown(
  messages: readonly SignalMessage[],
  style: 'minutes' | 'seconds' = 'seconds',
): string {
  return messages.map((message) => `${messageMarkdown(message, style)}\n`).join('');
}
