/** DiscordChatExporter JSON made in tests: the shapes the exporter writes, with small defaults. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

let nextId = 1_000_000_000_000_000_000n;

export const DIRECT_GUILD = {
  id: '0',
  name: 'Direct Messages',
  iconUrl: 'https://cdn.example/0.png',
};
export const SERVER_GUILD = { id: '81384788765712384', name: 'Chiptune Club', iconUrl: null };

export function author(
  name: string,
  fields: Readonly<Record<string, Json>> = {},
): Record<string, Json> {
  return {
    id: String(100 + name.length),
    name: name.toLowerCase(),
    discriminator: '0000',
    nickname: name,
    color: null,
    isBot: false,
    avatarUrl: 'https://cdn.example/avatar.png',
    ...fields,
  };
}

/** A message as DiscordChatExporter writes it (ids count up; times one minute apart). */
export function discordMessage(fields: Readonly<Record<string, Json>> = {}): Record<string, Json> {
  nextId += 1n;
  const minute = Number(nextId % 100_000n);
  return {
    id: String(nextId),
    type: 'Default',
    timestamp: new Date(Date.UTC(2023, 0, 17, 19, 0) + minute * 60_000)
      .toISOString()
      .replace('Z', '+00:00'),
    timestampEdited: null,
    callEndedTimestamp: null,
    isPinned: false,
    content: `message ${nextId}`,
    author: author('Ana'),
    attachments: [],
    embeds: [],
    stickers: [],
    reactions: [],
    mentions: [],
    ...fields,
  };
}

export function channel(fields: Readonly<Record<string, Json>> = {}): Record<string, Json> {
  return {
    id: '530805775262679064',
    type: 'DirectTextChat',
    categoryId: '0',
    category: 'Private',
    name: 'Ana',
    topic: null,
    ...fields,
  };
}

/** A whole file: guild, channel, date range, messages, count, laid out the way the exporter does. */
export function discordExport(
  messages: readonly Json[],
  fields: Readonly<{ guild?: Json; channel?: Json }> = {},
): string {
  return JSON.stringify(
    {
      guild: fields.guild ?? DIRECT_GUILD,
      channel: fields.channel ?? channel(),
      dateRange: { after: null, before: null },
      exportedAt: '2024-01-15T10:00:00+00:00',
      messages: [...messages],
      messageCount: messages.length,
    },
    null,
    2,
  );
}
