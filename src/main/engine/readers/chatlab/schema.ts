/**
 * ChatLab's records (format 0.0.2), checked leniently: what a reader needs must be there and of
 * the right type; everything else (avatars, roles, merge sources) is ignored. Ids may arrive as
 * strings or numbers (exporters differ) and are read as strings.
 */
import * as z from 'zod';
import { MESSAGE_KINDS } from '../records';
import { TextEntitySchema } from '../text-entity-schema';

const idLike = z.union([z.string(), z.number()]).transform((value) => String(value));
const optionalText = z.string().nullish();

export const MetaSchema = z.object({
  name: z.string().nullish(),
  platform: z.string().nullish(),
  type: z.string().nullish(),
  groupId: idLike.nullish(),
});

export const HeaderExtensionSchema = z.object({ conversationId: z.string().optional() });

export const MemberSchema = z.object({
  platformId: idLike,
  accountName: optionalText,
  groupNickname: optionalText,
});

/** What Chat Vault adds to its own message lines (see export/chatlab-writer.ts). */
export const MessageExtensionSchema = z.object({
  kind: z.enum(MESSAGE_KINDS).optional(),
  attachments: z
    .array(
      z.object({
        name: z.string(),
        mime: z.string().nullable(),
        file: z.string().nullable(),
      }),
    )
    .optional(),
  editedAt: z.number().finite().optional(),
  forwardedFrom: z.string().optional(),
  reactions: z
    .array(
      z.object({
        emoji: z.string(),
        count: z.number().int().nonnegative(),
        senders: z.array(z.string()).optional(),
      }),
    )
    .optional(),
  entities: z.array(TextEntitySchema).optional(),
});

export const MessageSchema = z.object({
  sender: idLike.nullish(),
  accountName: optionalText,
  groupNickname: optionalText,
  timestamp: z.number().finite(),
  type: z.number().int(),
  content: z.string().nullish(),
  platformMessageId: idLike.nullish(),
  replyToMessageId: idLike.nullish(),
  chatVault: z.unknown().optional(),
});

export type ChatLabMeta = z.infer<typeof MetaSchema>;
export type ChatLabMember = z.infer<typeof MemberSchema>;
export type ChatLabMessage = z.infer<typeof MessageSchema>;
