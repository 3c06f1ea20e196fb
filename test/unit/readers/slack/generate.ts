/** Slack workspace exports made in tests: the files Slack writes, with small defaults. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function user(id: string, name: string, profile: Readonly<Record<string, Json>> = {}): Json {
  return {
    id,
    team_id: 'T1',
    name: name.toLowerCase(),
    real_name: name,
    deleted: false,
    is_bot: false,
    profile: { real_name: name, display_name: '', ...profile },
  };
}

export function channel(id: string, name: string, members: readonly string[] = []): Json {
  return {
    id,
    name,
    created: 1_681_000_000,
    creator: 'U1',
    is_archived: false,
    is_general: name === 'general',
    members: [...members],
    topic: { value: '', creator: '', last_set: 0 },
    purpose: { value: '', creator: '', last_set: 0 },
  };
}

let clock = 1_681_413_000;

/** A message of a day file (`ts` one minute after the previous one's). */
export function slackMessage(fields: Readonly<Record<string, Json>> = {}): Record<string, Json> {
  clock += 60;
  return {
    client_msg_id: `m-${clock}`,
    type: 'message',
    text: `message at ${clock}`,
    user: 'U1',
    ts: `${clock}.000200`,
    team: 'T1',
    ...fields,
  };
}

/** JSON laid out the way Slack's export does (four-space indent). */
export const json = (value: Json): string => JSON.stringify(value, null, 4);

export const USERS = [user('U1', 'Ana Lima', { display_name: 'ana' }), user('U2', 'Bo Chen')];
