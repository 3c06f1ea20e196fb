/**
 * The conversation a DiscordChatExporter file belongs to, from its `guild` and `channel` objects:
 * its title (the person or group of a direct message; "Server · #channel" in a server, with the
 * parent channel for a thread) and its identity, the channel id, so that every partition of a
 * channel and every later export of it land in the same conversation.
 */
import { idField, stringField } from '../json/json-fields';
import type { JsonObject } from '../json/json-value';

export type DiscordChannel = Readonly<{ id: string; title: string }>;

/** DiscordChatExporter's "Direct Messages" pseudo-guild has the id 0. */
const DIRECT_GUILD_ID = '0';

function text(object: JsonObject | null, key: string): string {
  return (object === null ? null : stringField(object, key))?.trim() ?? '';
}

export function channelTitle(guild: JsonObject | null, channel: JsonObject): string {
  const name = text(channel, 'name');
  const type = text(channel, 'type');
  const guildName = text(guild, 'name');
  const direct = type.startsWith('Direct') || text(guild, 'id') === DIRECT_GUILD_ID;
  if (direct) return name || (type === 'DirectGroupTextChat' ? 'Group chat' : 'Direct message');
  // The exporter writes a thread's parent channel as its "category".
  const parent = type.endsWith('Thread') ? text(channel, 'category') : '';
  const where = parent === '' ? `#${name}` : `#${parent} › ${name}`;
  return guildName === '' ? where : `${guildName} · ${where}`;
}

/** The channel's id and title, or null when the `channel` object has no id. */
export function discordChannel(
  guild: JsonObject | null,
  channel: JsonObject | null,
): DiscordChannel | null {
  if (channel === null) return null;
  const id = idField(channel, 'id')?.trim() ?? '';
  return id === '' ? null : { id, title: channelTitle(guild, channel) };
}
