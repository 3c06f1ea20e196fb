/**
 * A Slack workspace export (zip or folder), read as streams: users.json first, then the
 * conversation lists (see read-directory.ts), then each conversation's day files in date order,
 * one message object assembled at a time. Every channel, private channel, group DM and DM with day
 * files is a conversation. A file whose content breaks ends as a break at its byte; the other
 * files are still read (see ../file-breaks.ts).
 */
import { FileBreaks } from '../file-breaks';
import { MAX_RECORD_BYTES } from '../read-error';
import type { Reader } from '../records';
import { WarningLog } from '../warning-log';
import type { SlackConversation } from './directory';
import { slackLayout } from './export-layout';
import { convertMessage, type MessageContext } from './message';
import type { Names } from './mrkdwn';
import { readSlackDirectory } from './read-directory';
import { rootItems } from './root-items';

export type SlackReaderLimits = Readonly<{
  /** The largest message or list item, in bytes of JSON (default MAX_RECORD_BYTES, 64 MB). */
  maxRecordBytes?: number;
}>;

function titleOf(conversation: SlackConversation, names: Names): string {
  const people = conversation.members.map((member) => names.user(member) ?? member).join(', ');
  switch (conversation.kind) {
    case 'channel':
    case 'private':
      return `#${conversation.name}`;
    case 'group':
    case 'direct':
      return people || conversation.name || conversation.id;
  }
}

export function createSlackReader(limits: SlackReaderLimits = {}): Reader {
  const maxValueBytes = limits.maxRecordBytes ?? MAX_RECORD_BYTES;
  return async function* readSlack(source) {
    const layout = slackLayout(source);
    const warnings = new WarningLog();
    const breaks = new FileBreaks();
    const directory = await readSlackDirectory({
      source,
      layout,
      breaks,
      warnings,
      maxValueBytes,
    });
    const names: Names = {
      user: (id) => directory.users.get(id) ?? null,
      channel: (id) => directory.channelNames.get(id) ?? null,
    };
    for (const warning of warnings.take()) yield warning;
    const folders = new Set<string>();
    for (const conversation of directory.conversations) {
      const days = layout.days.get(conversation.folder);
      // A listed channel without day files had no messages in the export's range.
      if (days === undefined || folders.has(conversation.folder)) continue;
      folders.add(conversation.folder);
      const ref = `slack-${folders.size}`;
      const title = titleOf(conversation, names);
      const { identity } = conversation;
      yield { type: 'conversation', ref, platform: 'slack', title, identity };
      const senders = new Set<string>();
      const context: MessageContext = {
        root: layout.root,
        folder: conversation.folder,
        has: (entryPath) => source.find(entryPath) !== undefined,
        names,
        learn: (id, name) => directory.users.set(id, name),
      };
      for (const day of days) {
        const stream = await source.open(day);
        try {
          for await (const batch of rootItems(stream, day, maxValueBytes)) {
            for (const { value, byte } of batch) {
              const converted = convertMessage(value, context);
              if (!converted.ok) {
                const text = `A message in ${day} at byte ${byte} was skipped: ${converted.reason}.`;
                warnings.warn('MESSAGE_SKIPPED', text, day);
                for (const warning of warnings.take()) yield warning;
                continue;
              }
              const { message } = converted;
              if (message.sender !== null && !senders.has(message.sender)) {
                senders.add(message.sender);
                yield { type: 'participant', conversationRef: ref, name: message.sender };
              }
              yield { type: 'message', conversationRef: ref, message };
            }
          }
        } catch (error: unknown) {
          breaks.note(error);
        } finally {
          stream.destroy();
        }
      }
    }
    yield* warnings.summary();
    breaks.finish();
  };
}

export const readSlackExport: Reader = createSlackReader();
