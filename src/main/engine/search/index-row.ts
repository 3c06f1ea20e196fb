/**
 * What the full-text index holds for one message, in three columns: its text, its sender's name,
 * and its scope (tokens for its conversation, its platform and whether it has media). Filters are
 * then index lookups that FTS5 intersects with the words, so a count stays exact and fast however
 * many messages a word or a filter matches.
 */
import type { Platform } from '../../../shared/platforms';
import { indexText } from './index-text';

export const FTS_COLUMNS = ['text', 'sender', 'scope'] as const;

/** The scope token of a conversation: its id reduced to letters and digits ("c_3f2a…" → "c3f2a…"). */
export function conversationToken(conversationId: string): string {
  return `c${conversationId.toLowerCase().replace(/[^a-z0-9]/gu, '')}`;
}

export const platformToken = (platform: Platform): string => `p${platform}`;

export const MEDIA_TOKEN = 'hasmedia';

export type IndexRow = Readonly<{ text: string; sender: string; scope: string }>;

/** The scope tokens every message of a conversation shares (computed once per conversation). */
export function conversationScope(conversationId: string, platform: Platform): string {
  return `${conversationToken(conversationId)} ${platformToken(platform)}`;
}

/** A message's scope tokens: its conversation's, and the media token when it has media. */
export const indexScope = (scope: string, hasMedia: boolean): string =>
  hasMedia ? `${scope} ${MEDIA_TOKEN}` : scope;

export function indexRow(
  message: Readonly<{ text: string; sender: string | null; hasMedia: boolean }>,
  scope: string,
): IndexRow {
  return {
    text: indexText(message.text),
    sender: indexText(message.sender ?? ''),
    scope: indexScope(scope, message.hasMedia),
  };
}
