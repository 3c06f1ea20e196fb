/**
 * Reads the root files of a Slack export: users.json (a name per user) and the conversation lists,
 * each streamed one item at a time. A folder of day files that no list names is added under its
 * folder name, with a warning. A root file whose content breaks is noted (the names it would
 * have given fall back to ids) and the read goes on.
 */
import { type FileBreaks } from '../file-breaks';
import { idField } from '../json/json-fields';
import { isJsonObject, type JsonObject } from '../json/json-value';
import type { WarningLog } from '../warning-log';
import type { ExportSource } from '../../source/export-source';
import { conversationOf, displayName, KIND_OF_LIST, type SlackConversation } from './directory';
import { LIST_FILES, rootEntry, type SlackLayout } from './export-layout';
import { rootItems } from './root-items';

export type SlackDirectory = Readonly<{
  users: Map<string, string>;
  channelNames: ReadonlyMap<string, string>;
  /** In the order of the lists (channels, private channels, group DMs, DMs), then unlisted folders. */
  conversations: readonly SlackConversation[];
}>;

export type DirectoryContext = Readonly<{
  source: ExportSource;
  layout: SlackLayout;
  breaks: FileBreaks;
  warnings: WarningLog;
  maxValueBytes: number;
}>;

async function readList(
  context: DirectoryContext,
  entry: string,
  take: (item: JsonObject) => void,
): Promise<void> {
  const stream = await context.source.open(entry);
  try {
    for await (const batch of rootItems(stream, entry, context.maxValueBytes)) {
      for (const { value } of batch) if (isJsonObject(value)) take(value);
    }
  } catch (error: unknown) {
    context.breaks.note(error);
  } finally {
    stream.destroy();
  }
}

export async function readSlackDirectory(context: DirectoryContext): Promise<SlackDirectory> {
  const { source, layout, warnings } = context;
  const users = new Map<string, string>();
  const channelNames = new Map<string, string>();
  const conversations: SlackConversation[] = [];
  const usersEntry = rootEntry(source, layout, 'users.json');
  if (usersEntry === null) {
    warnings.warn(
      'USERS_MISSING',
      `${source.name} has no users.json: people are named as their messages name them.`,
    );
  } else {
    await readList(context, usersEntry, (user) => {
      const id = idField(user, 'id');
      const name = displayName(user);
      if (id !== null && name !== null) users.set(id, name);
    });
  }
  for (const list of LIST_FILES) {
    const entry = rootEntry(source, layout, list);
    if (entry === null) continue;
    await readList(context, entry, (item) => {
      const conversation = conversationOf(item, KIND_OF_LIST[list]);
      if (conversation === null) return;
      conversations.push(conversation);
      if (conversation.name !== '') channelNames.set(conversation.id, conversation.name);
    });
  }
  const listed = new Set(conversations.map((conversation) => conversation.folder));
  for (const folder of [...layout.days.keys()].sort()) {
    if (listed.has(folder)) continue;
    warnings.warn(
      'CONVERSATION_UNLISTED',
      `The folder ${layout.root}${folder} holds messages but no list of the export names it; it is imported as "${folder}".`,
    );
    conversations.push({
      id: folder,
      identity: `slack:folder:${folder}`,
      kind: 'channel',
      name: folder,
      folder,
      members: [],
    });
  }
  return { users, channelNames, conversations };
}
