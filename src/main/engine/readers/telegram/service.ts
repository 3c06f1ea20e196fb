/**
 * Service messages (`"type": "service"`): group created, members added, a message pinned, a call.
 * The exporter leaves their `text` empty and says what happened in `action` and its fields; each
 * becomes a readable line. Calls (`phone_call`, and `group_call`, a voice or video chat) are kind
 * 'call'; every other action is 'system'.
 */
import type { JsonObject } from '../json/json-value';
import type { MessageKind } from '../records';
import { arrayField, numberField, stringField } from '../json/json-fields';

export type ServiceLine = Readonly<{ kind: Extract<MessageKind, 'system' | 'call'>; text: string }>;

/** "0:56", "1:02:03". */
export function formatDuration(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = String(whole % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

function phoneCall(object: JsonObject): string {
  const duration = numberField(object, 'duration_seconds');
  const reason = stringField(object, 'discard_reason');
  if (duration !== null && duration > 0) return `Call (${formatDuration(duration)})`;
  if (reason === 'missed') return 'Missed call';
  if (reason === 'busy') return 'Declined call';
  return 'Call';
}

function groupCall(actor: string, object: JsonObject): string {
  const duration = numberField(object, 'duration') ?? numberField(object, 'duration_seconds');
  if (duration !== null && duration > 0) return `Video chat (${formatDuration(duration)})`;
  return `${actor} started a video chat`;
}

/** The names in `members`, joined for a sentence; deleted accounts (null) are "a deleted account". */
function members(object: JsonObject, clean: (text: string) => string): string[] {
  return (arrayField(object, 'members') ?? []).map((member) =>
    typeof member === 'string' && member !== '' ? clean(member) : 'a deleted account',
  );
}

function list(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? 'someone';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
}

/** The sentence for one action; `actor` is the sender's name (or "Someone"). */
function sentence(
  action: string,
  actor: string,
  object: JsonObject,
  clean: (text: string) => string,
): string {
  const title = clean(stringField(object, 'title') ?? stringField(object, 'new_title') ?? '');
  const names = members(object, clean);
  switch (action) {
    case 'create_group':
      return `${actor} created the group “${title}”`;
    case 'create_channel':
      return `${actor} created the channel “${title}”`;
    case 'edit_group_title':
      return `${actor} changed the group name to “${title}”`;
    case 'edit_group_photo':
      return `${actor} changed the group photo`;
    case 'delete_group_photo':
      return `${actor} removed the group photo`;
    case 'invite_members':
      return names.length === 1 && names[0] === actor
        ? `${actor} joined the group`
        : `${actor} added ${list(names)}`;
    case 'remove_members':
      return names.length === 1 && names[0] === actor
        ? `${actor} left the group`
        : `${actor} removed ${list(names)}`;
    case 'join_group_by_link':
      return `${actor} joined the group via an invite link`;
    case 'join_group_by_request':
      return `${actor} was accepted into the group`;
    case 'migrate_to_supergroup':
      return `${actor} converted this group to a supergroup`;
    case 'migrate_from_group':
      return `${actor} converted the group “${title}” to a supergroup`;
    case 'pin_message':
      return `${actor} pinned a message`;
    case 'clear_history':
      return 'History was cleared';
    case 'joined_telegram':
      return `${actor} joined Telegram`;
    case 'take_screenshot':
      return `${actor} took a screenshot`;
    case 'score_in_game':
      return `${actor} scored ${numberField(object, 'score') ?? 0} in a game`;
    case 'send_payment':
      return 'A payment was sent';
    case 'topic_created':
      return `${actor} created the topic “${title}”`;
    case 'topic_edit':
      return title === ''
        ? `${actor} edited the topic`
        : `${actor} renamed the topic to “${title}”`;
    case 'invite_to_group_call':
      return `${actor} invited ${list(names)} to the video chat`;
    case 'group_call_scheduled':
      return `${actor} scheduled a video chat`;
    case 'set_messages_ttl':
      return numberField(object, 'period')
        ? `${actor} turned on auto-delete`
        : `${actor} turned off auto-delete`;
    case 'edit_chat_theme':
      return `${actor} changed the chat theme`;
    case 'set_chat_wallpaper':
    case 'set_same_chat_wallpaper':
      return `${actor} changed the chat wallpaper`;
    default:
      return `${actor}: ${action.replaceAll('_', ' ')}`;
  }
}

/** What a service message says and which kind it is. */
export function serviceLine(
  object: JsonObject,
  actor: string | null,
  clean: (text: string) => string,
): ServiceLine {
  const action = stringField(object, 'action') ?? '';
  const who = actor ?? 'Someone';
  if (action === 'phone_call') return { kind: 'call', text: phoneCall(object) };
  if (action === 'group_call') return { kind: 'call', text: groupCall(who, object) };
  const information = stringField(object, 'information_text');
  if (action === '' && information !== null) return { kind: 'system', text: clean(information) };
  return {
    kind: 'system',
    text: action === '' ? `${who}: service message` : sentence(action, who, object, clean),
  };
}
