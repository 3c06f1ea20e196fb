/**
 * Chat Vault's own JSON export (docs/export-schema.md), version 1, as zod schemas: the writer
 * builds these shapes and the reader accepts nothing else (every value crossing back into the vault
 * is checked). Unknown keys are ignored so later versions can add fields.
 */
import * as z from 'zod';
import { PLATFORMS } from '../../../../shared/platforms';
import { MESSAGE_KINDS } from '../records';
import { TextEntitySchema } from '../text-entity-schema';

export const CHAT_VAULT_FORMAT = 'chat-vault-export';
export const CHAT_VAULT_VERSION = 1;

const instant = z.iso.datetime({ offset: true });

export const ExportInfoSchema = z.object({
  format: z.literal(CHAT_VAULT_FORMAT),
  version: z.number().int().min(1),
  exportedAt: instant,
  generator: z.string().max(200).optional(),
});

export const ConversationSchema = z.object({
  id: z.string().max(200),
  title: z.string().max(10_000),
  platform: z.enum(PLATFORMS),
  participants: z.array(z.string().max(10_000)).max(1_000_000),
  selection: z
    .object({
      after: instant.nullable(),
      before: instant.nullable(),
      chosen: z.boolean(),
    })
    .optional(),
});

export const EntitySchema = TextEntitySchema;

export const ReactionSchema = z.object({
  emoji: z.string().max(1000),
  count: z.number().int().nonnegative(),
  senders: z.array(z.string()).optional(),
});

export const AttachmentSchema = z.object({
  name: z.string().max(10_000),
  mime: z.string().max(200).nullable(),
  bytes: z.number().int().nonnegative().nullable(),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/u)
    .nullable(),
  /** The copy beside the export (`media/IMG.jpg`), or null when it was not copied. */
  file: z.string().max(4096).nullable(),
});

export const MessageSchema = z.object({
  id: z.string().max(100).optional(),
  externalId: z.string().max(1000).nullable(),
  sentAt: instant,
  sender: z.string().max(10_000).nullable(),
  kind: z.enum(MESSAGE_KINDS),
  text: z.string(),
  replyTo: z.string().max(1000).nullable(),
  forwardedFrom: z.string().max(10_000).nullable(),
  editedAt: instant.nullable(),
  reactions: z.array(ReactionSchema),
  entities: z.array(EntitySchema).nullable(),
  attachments: z.array(AttachmentSchema),
});

export type ExportInfoJson = z.infer<typeof ExportInfoSchema>;
export type ConversationJson = z.infer<typeof ConversationSchema>;
export type MessageJson = z.infer<typeof MessageSchema>;
export type AttachmentJson = z.infer<typeof AttachmentSchema>;
