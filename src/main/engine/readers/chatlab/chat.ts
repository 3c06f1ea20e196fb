/**
 * One ChatLab chat turned into records, whichever file form it came in (JSON or JSON Lines): the
 * header (meta) gives the conversation, keeping the meta's platform (a WeChat chat stays WeChat);
 * members give participants and the names of sender ids; messages give messages, with replies by
 * the platform's message ids. Avatars (data URLs on members and the group) are never kept.
 *
 * Times are Unix seconds (fractions allowed); a value too large to be seconds (after the year
 * 5000) is taken as milliseconds, as some exporters write. A sender's name is the message's
 * group nickname, else the member's name (its group nickname, else its account name), else the
 * message's account name, else the sender id — so one member keeps one name where the export allows.
 */
import { isPlatform, type Platform } from '../../../../shared/platforms';
import { entryPathOf, vaultIdOf } from '../export-files';
import { ReadError } from '../read-error';
import type { ReadMessage, ReadRecord } from '../records';
import { WarningBudget } from '../telegram/warnings';
import { kindOfChatLabType } from './message-types';
import {
  HeaderExtensionSchema,
  MemberSchema,
  MessageExtensionSchema,
  MessageSchema,
  MetaSchema,
} from './schema';

const REF = 'chat';
const SECONDS_LIMIT = 1e11;

const toMs = (value: number): number =>
  Math.round(Math.abs(value) >= SECONDS_LIMIT ? value : value * 1000);

const nonEmpty = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

export function platformOf(name: string | null | undefined): Platform {
  const wanted = name?.trim().toLowerCase() ?? '';
  return isPlatform(wanted) ? wanted : 'chatlab';
}

export type Place = Readonly<{ byte?: number; line?: number }>;

export class ChatLabChat {
  readonly #entry: string;
  readonly #root: string;
  readonly warnings: WarningBudget;
  readonly #names = new Map<string, string>();
  readonly #participants = new Set<string>();
  #announced = false;

  constructor(entry: string, root: string) {
    this.#entry = entry;
    this.#root = root;
    this.warnings = new WarningBudget(entry);
  }

  get announced(): boolean {
    return this.#announced;
  }

  #warn(code: string, message: string): ReadRecord[] {
    const record = this.warnings.warn(code, message);
    return record === null ? [] : [record];
  }

  #where(place: Place): string {
    return place.line === undefined ? `at byte ${place.byte ?? 0}` : `on line ${place.line}`;
  }

  notChatLab(why: string, place: Place): ReadError {
    return new ReadError(
      'INVALID_FORMAT',
      `${this.#entry} is not a ChatLab export: ${why} (${this.#where(place)}).`,
      { entry: this.#entry, ...place },
    );
  }

  /** The conversation, from the meta (and Chat Vault's own header extension, if any). */
  header(meta: unknown, extension: unknown, place: Place): ReadRecord[] {
    if (this.#announced) {
      return this.#warn(
        'EXTRA_HEADER',
        `A second header in ${this.#entry} ${this.#where(place)} was ignored.`,
      );
    }
    const parsed = MetaSchema.safeParse(meta ?? {});
    if (!parsed.success) throw this.notChatLab('its "meta" is not an object of names', place);
    this.#announced = true;
    const { name, platform: platformName, type, groupId } = parsed.data;
    const platform = platformOf(platformName);
    const title = nonEmpty(name) ?? 'ChatLab chat';
    const identity =
      groupId == null || groupId === ''
        ? `chatlab:${platform}:${nonEmpty(type) ?? 'chat'}:${title}`
        : `chatlab:${platform}:group:${groupId}`;
    const ours = HeaderExtensionSchema.safeParse(extension ?? {});
    const vaultId = ours.success ? vaultIdOf(ours.data.conversationId) : undefined;
    return [
      {
        type: 'conversation',
        ref: REF,
        platform,
        title,
        identity,
        ...(vaultId === undefined ? {} : { vaultId }),
      },
    ];
  }

  /** A conversation for records that arrive before any meta. */
  #ensureAnnounced(place: Place): ReadRecord[] {
    if (this.#announced) return [];
    return [
      ...this.#warn(
        'CHAT_HEADER_LATE',
        `${this.#entry} has members or messages before its "meta" ${this.#where(place)}; the chat was named "ChatLab chat".`,
      ),
      ...this.header({}, undefined, place),
    ];
  }

  #participant(name: string): ReadRecord[] {
    if (this.#participants.has(name)) return [];
    this.#participants.add(name);
    return [{ type: 'participant', conversationRef: REF, name }];
  }

  member(value: unknown, place: Place): ReadRecord[] {
    const records = this.#ensureAnnounced(place);
    const parsed = MemberSchema.safeParse(value);
    if (!parsed.success) {
      return [
        ...records,
        ...this.#warn(
          'MEMBER_SKIPPED',
          `A member in ${this.#entry} ${this.#where(place)} has no platformId and was skipped.`,
        ),
      ];
    }
    const name =
      nonEmpty(parsed.data.groupNickname) ??
      nonEmpty(parsed.data.accountName) ??
      nonEmpty(parsed.data.platformId);
    if (name === null) return records;
    this.#names.set(parsed.data.platformId, name);
    return [...records, ...this.#participant(name)];
  }

  message(value: unknown, place: Place): ReadRecord[] {
    const records = this.#ensureAnnounced(place);
    const parsed = MessageSchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const detail = issue === undefined ? '' : ` (${issue.path.join('.')}: ${issue.message})`;
      return [
        ...records,
        ...this.#warn(
          'MESSAGE_SKIPPED',
          `A message in ${this.#entry} ${this.#where(place)} was skipped${detail}.`,
        ),
      ];
    }
    const json = parsed.data;
    const extension = MessageExtensionSchema.safeParse(json.chatVault ?? {});
    const ours = extension.success ? extension.data : {};
    const senderId = nonEmpty(json.sender);
    const sender =
      nonEmpty(json.groupNickname) ??
      (senderId === null ? undefined : this.#names.get(senderId)) ??
      nonEmpty(json.accountName) ??
      senderId;
    const message: ReadMessage = {
      externalId: nonEmpty(json.platformMessageId),
      sentAt: toMs(json.timestamp),
      sender,
      text: json.content ?? '',
      kind: ours.kind ?? kindOfChatLabType(json.type),
      replyToExternalId: nonEmpty(json.replyToMessageId),
      forwardedFrom: ours.forwardedFrom ?? null,
      editedAt: ours.editedAt === undefined ? null : toMs(ours.editedAt),
      reactions: ours.reactions ?? [],
      entities: ours.entities ?? null,
      attachments: (ours.attachments ?? []).map((attachment) => ({
        entryPath: attachment.file === null ? null : entryPathOf(attachment.file, this.#root),
        name: attachment.name,
        mime: attachment.mime,
      })),
    };
    if (sender !== null) records.push(...this.#participant(sender));
    records.push({ type: 'message', conversationRef: REF, message });
    return records;
  }
}
