import { PLATFORMS, type Platform } from '../../../shared/platforms';
import { scanJsonPrefix, type JsonShape } from './json-prefix';
import { metaAppFromContent, metaAppFromPath } from './path-hints';
import { detected, unknown, type Sniffed } from './sniffed';

/** Telegram Desktop's chat `type` values. */
const TELEGRAM_CHAT_TYPES: ReadonlySet<string> = new Set([
  'personal_chat',
  'bot_chat',
  'saved_messages',
  'replies',
  'verification_codes',
  'private_group',
  'private_supergroup',
  'public_supergroup',
  'private_channel',
  'public_channel',
]);

const SLACK_PART =
  'part of a Slack workspace export, not a whole one: import the export folder or zip instead';

function has(shape: JsonShape, ...paths: readonly string[]): boolean {
  return paths.every((path) => shape.paths.has(path));
}

function platformNamed(name: string | undefined): Platform {
  const named = name?.trim().toLowerCase();
  return PLATFORMS.find((platform) => platform === named) ?? 'chatlab';
}

function chatlabPlatform(shape: JsonShape): Platform {
  return platformNamed(shape.strings.get('meta.platform'));
}

function isTelegram(shape: JsonShape): boolean {
  if (has(shape, 'about') && (has(shape, 'personal_information') || has(shape, 'chats')))
    return true;
  if (has(shape, 'chats.list')) return true;
  const type = shape.strings.get('type');
  if (
    type !== undefined &&
    TELEGRAM_CHAT_TYPES.has(type) &&
    (has(shape, 'messages') || has(shape, 'id'))
  ) {
    return true;
  }
  if (has(shape, 'messages[].date_unixtime') || has(shape, 'messages[].text_entities')) return true;
  const messageType = shape.strings.get('messages[].type');
  return (
    (messageType === 'message' || messageType === 'service') &&
    (has(shape, 'messages[].date') ||
      has(shape, 'messages[].from') ||
      has(shape, 'messages[].actor'))
  );
}

function isMeta(shape: JsonShape): boolean {
  if (has(shape, 'messages[].sender_name', 'messages[].timestamp_ms')) return true;
  if (has(shape, 'participants[].name', 'messages')) return true;
  // Messenger's download of end-to-end encrypted chats: camelCase keys, participants as names.
  if (has(shape, 'messages[].senderName', 'messages[].timestamp')) return true;
  return has(shape, 'threadName', 'messages');
}

function sniffArray(shape: JsonShape): Sniffed {
  if (has(shape, '[].ts') && has(shape, '[].type')) {
    return unknown(`a Slack day file (${SLACK_PART})`);
  }
  if (has(shape, '[].is_general') || has(shape, '[].is_channel') || has(shape, '[].purpose')) {
    return unknown(`a Slack channel list (${SLACK_PART})`);
  }
  if (has(shape, '[].team_id') || has(shape, '[].real_name')) {
    return unknown(`a Slack user list (${SLACK_PART})`);
  }
  if (has(shape, '[].change_type')) return unknown(`a Slack integration log (${SLACK_PART})`);
  return unknown('a JSON list that is not a chat export Chat Vault knows');
}

/** True when another JSON object follows the first one on a later line (JSON Lines). */
function moreObjectsFollow(text: string, rootEnd: number | undefined): boolean {
  if (rootEnd === undefined) return false;
  return /^[ \t]*\r?\n\s*\{/.test(text.slice(rootEnd, rootEnd + 4096));
}

/**
 * Classifies a JSON (or JSON Lines) document from its first bytes.
 * @param filePath where it sits, for the Messenger/Instagram hint and the .jsonl extension.
 */
export function sniffJson(text: string, filePath: string): Sniffed {
  const shape = scanJsonPrefix(text);
  if (shape.root === 'none') return unknown('a file that is neither JSON nor a known text export');
  if (shape.root === 'array') return sniffArray(shape);
  // Chat Vault's own JSON export (docs/export-schema.md).
  if (shape.strings.get('chatVault.format') === 'chat-vault-export') {
    return detected('chat-vault-json', platformNamed(shape.strings.get('conversation.platform')));
  }
  // JSON Lines: a header line, a .jsonl name, or more objects on the following lines.
  const header = shape.strings.get('_type') === 'header';
  if (header || has(shape, 'chatlab')) {
    const lines =
      header || filePath.toLowerCase().endsWith('.jsonl') || moreObjectsFollow(text, shape.rootEnd);
    return detected(lines ? 'chatlab-jsonl' : 'chatlab-json', chatlabPlatform(shape));
  }
  if (has(shape, 'guild.id', 'channel.id') || has(shape, 'guild', 'channel', 'messages')) {
    return detected('discord-json', 'discord');
  }
  if (isTelegram(shape)) return detected('telegram-json', 'telegram');
  if (isMeta(shape)) {
    const app = metaAppFromContent(text) ?? metaAppFromPath(filePath) ?? 'messenger';
    return app === 'instagram'
      ? detected('instagram-json', 'instagram')
      : detected('messenger-json', 'messenger');
  }
  if (has(shape, 'messages')) {
    return unknown('JSON with messages in a layout Chat Vault does not know');
  }
  return unknown('JSON without chat messages');
}
