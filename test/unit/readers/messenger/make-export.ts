/**
 * Thread files as Facebook and Instagram write them, for the reader's tests: every character
 * outside ASCII written as the \u00XX escapes of its UTF-8 bytes (the famous mojibake), two-space
 * indent, messages newest first, the title and path after the messages.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** JSON with every non-ASCII character escaped byte by byte, as Facebook writes it. */
export function facebookJson(value: Json): string {
  return JSON.stringify(value, null, 2).replace(/[^\p{ASCII}]/gu, (char) =>
    [...Buffer.from(char, 'utf8')]
      .map((byte) => `\\u00${byte.toString(16).padStart(2, '0')}`)
      .join(''),
  );
}

/** JSON written correctly (UTF-8), as the end-to-end encrypted download and fixed files are. */
export function plainJson(value: Json): string {
  return JSON.stringify(value, null, 2);
}

export const T0 = Date.UTC(2023, 4, 1, 12, 0, 0);

/** A message object: `sender_name`, `timestamp_ms` (T0 + minutes), then the given fields. */
export function fbMessage(
  sender: string,
  minutes: number,
  fields: Readonly<Record<string, Json>> = {},
): Record<string, Json> {
  return { sender_name: sender, timestamp_ms: T0 + minutes * 60_000, ...fields };
}

/** A thread file: participants, messages (as given: newest first), then the header's tail. */
export function fbThread(
  messages: readonly Json[],
  header: Readonly<{ title?: string; participants?: readonly string[]; threadPath?: string }> = {},
): Record<string, Json> {
  const thread: Record<string, Json> = {
    participants: (header.participants ?? ['Ana Lima', 'Bo Chen']).map((name) => ({ name })),
    messages: [...messages],
  };
  if (header.title !== undefined) thread.title = header.title;
  thread.is_still_participant = true;
  thread.thread_type = 'Regular';
  if (header.threadPath !== undefined) thread.thread_path = header.threadPath;
  thread.magic_words = [];
  return thread;
}
