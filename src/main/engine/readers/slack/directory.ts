/**
 * What the root files of a Slack export say: each user's display name (users.json) and each
 * conversation (the lists), read as streams one item at a time. Only what the reader needs is
 * kept: a name per user, and per conversation its id, name, folder and members.
 */
import { arrayField, idField, objectField, stringField } from '../json/json-fields';
import type { JsonObject } from '../json/json-value';
import type { ListFile } from './export-layout';

export type SlackConversationKind = 'channel' | 'private' | 'group' | 'direct';

export type SlackConversation = Readonly<{
  id: string;
  /** `slack:<id>`; a folder no list names: `slack:folder:<folder>`. */
  identity: string;
  kind: SlackConversationKind;
  name: string;
  /** The folder of its day files. */
  folder: string;
  members: readonly string[];
}>;

export const KIND_OF_LIST: Readonly<Record<ListFile, SlackConversationKind>> = {
  'channels.json': 'channel',
  'groups.json': 'private',
  'mpims.json': 'group',
  'dms.json': 'direct',
};

/** The name Slack shows for a user object (users.json) or a message's `user_profile`. */
export function displayName(user: JsonObject): string | null {
  const profile = objectField(user, 'profile') ?? user;
  const candidates = [
    stringField(profile, 'display_name'),
    stringField(profile, 'real_name'),
    stringField(user, 'real_name'),
    stringField(user, 'name'),
  ];
  return candidates.map((name) => name?.trim() ?? '').find((name) => name !== '') ?? null;
}

/** One item of a conversation list, or null when it has no id. */
export function conversationOf(
  item: JsonObject,
  kind: SlackConversationKind,
): SlackConversation | null {
  const id = idField(item, 'id');
  if (id === null) return null;
  const name = stringField(item, 'name')?.trim() ?? '';
  const members = (arrayField(item, 'members') ?? []).filter(
    (member): member is string => typeof member === 'string',
  );
  const folder = kind === 'direct' || name === '' ? id : name;
  return { id, identity: `slack:${id}`, kind, name, folder, members };
}
