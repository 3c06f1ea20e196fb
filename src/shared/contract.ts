/**
 * The one API between any UI (Electron renderer, browser) and the engine.
 *
 * Every request is a method name with a params schema and a result schema; every event is a name
 * with a payload schema. Hosts validate what they receive against these schemas, so a message that
 * crossed a process or network boundary is trusted only after `parse`.
 */
import * as z from 'zod';
import { PLATFORMS } from './platforms';
import { taskEvents, taskRequests } from './task-contract';

const isoTime = z.iso.datetime();

export const PlatformSchema = z.enum(PLATFORMS);

export const ConversationSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  platform: PlatformSchema,
  messageCount: z.number().int().nonnegative(),
  firstAt: isoTime.nullable(),
  lastAt: isoTime.nullable(),
  participants: z.array(z.string()),
  /** The start of the newest message, for the list's preview. */
  lastMessage: z.object({ sender: z.string().nullable(), text: z.string() }).nullable(),
});
export type ConversationSummary = Readonly<z.infer<typeof ConversationSummarySchema>>;

export const VaultInfoSchema = z.object({
  dir: z.string(),
  schemaVersion: z.number().int().nonnegative(),
  appVersion: z.string(),
  /** The watched import folder, when there is one. */
  importFolder: z.string().nullable(),
});
export type VaultInfo = Readonly<z.infer<typeof VaultInfoSchema>>;

export const PositionSchema = z.object({
  byte: z.number().int().nonnegative().optional(),
  line: z.number().int().positive().optional(),
  entry: z.string().optional(),
});

export const ErrorInfoSchema = z.object({
  code: z.string(),
  message: z.string(),
  file: z.string().optional(),
  position: PositionSchema.optional(),
});
export type ErrorInfo = Readonly<z.infer<typeof ErrorInfoSchema>>;

export const ImportStatusSchema = z.enum([
  'queued',
  'importing',
  'imported',
  'unchanged',
  'partial',
  'failed',
]);
export type ImportStatus = z.infer<typeof ImportStatusSchema>;

export const ImportProgressSchema = z.object({
  bytesDone: z.number().nonnegative(),
  bytesTotal: z.number().nonnegative(),
  messages: z.number().int().nonnegative(),
  bytesPerSecond: z.number().nonnegative(),
  /** Seconds left at the current rate; null until there is a rate. */
  etaSeconds: z.number().nonnegative().nullable(),
});
export type ImportProgress = Readonly<z.infer<typeof ImportProgressSchema>>;

export const ImportWarningSchema = z.object({
  code: z.string(),
  message: z.string(),
  entry: z.string().optional(),
});

export const ImportItemSchema = z.object({
  id: z.string(),
  path: z.string(),
  name: z.string(),
  status: ImportStatusSchema,
  /** The format the engine recognised, when it recognised one. */
  format: z.string().nullable(),
  archiveId: z.string().nullable(),
  progress: ImportProgressSchema.nullable(),
  conversations: z.number().int().nonnegative(),
  messagesAdded: z.number().int().nonnegative(),
  messagesExisting: z.number().int().nonnegative(),
  warnings: z.array(ImportWarningSchema),
  error: ErrorInfoSchema.nullable(),
});
export type ImportItem = Readonly<z.infer<typeof ImportItemSchema>>;

/**
 * A formatted run of a message's text (Telegram's entities). Offsets and lengths count UTF-16 code
 * units, as JavaScript strings do. `type` is open: a UI shows a type it does not know as plain text.
 */
export const TextEntitySchema = z.object({
  type: z.string(),
  offset: z.number().int().nonnegative(),
  length: z.number().int().nonnegative(),
  /** The target of a text_link, the user id of a mention_name, the language of pre. */
  value: z.string().optional(),
});
export type TextEntity = Readonly<z.infer<typeof TextEntitySchema>>;

export const ReactionSchema = z.object({
  emoji: z.string(),
  count: z.number().int().nonnegative(),
  /** Who reacted, where the export says (it may name fewer than `count`). */
  senders: z.array(z.string()).optional(),
});
export type Reaction = Readonly<z.infer<typeof ReactionSchema>>;

/** The message a reply quotes: its platform id, and (when the vault holds it) its id and start. */
export const ReplyPreviewSchema = z.object({
  externalId: z.string(),
  messageId: z.string().nullable(),
  sender: z.string().nullable(),
  text: z.string(),
});
export type ReplyPreview = Readonly<z.infer<typeof ReplyPreviewSchema>>;

export const MessageViewSchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  sentAt: isoTime,
  sender: z.string().nullable(),
  text: z.string(),
  kind: z.enum(['text', 'media', 'system', 'call', 'other']),
  attachments: z.array(
    z.object({
      name: z.string(),
      mime: z.string().nullable(),
      bytes: z.number().int().nonnegative().nullable(),
      sha256: z.string().nullable(),
    }),
  ),
  // The parts below are absent when a message has none of them.
  replyTo: ReplyPreviewSchema.optional(),
  forwardedFrom: z.string().optional(),
  editedAt: isoTime.optional(),
  reactions: z.array(ReactionSchema).optional(),
  entities: z.array(TextEntitySchema).optional(),
});
export type MessageView = Readonly<z.infer<typeof MessageViewSchema>>;

/** Where a page of a conversation starts: its beginning, its end, or next to a message already shown. */
export const PageAnchorSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('start') }),
  z.object({ kind: z.literal('end') }),
  z.object({ kind: z.literal('after'), messageId: z.string().regex(/^\d+$/u) }),
  z.object({ kind: z.literal('before'), messageId: z.string().regex(/^\d+$/u) }),
]);
export type PageAnchor = z.infer<typeof PageAnchorSchema>;

export const MAX_PAGE_MESSAGES = 500;

/** One search hit; `snippet` marks its matches as shared/search-snippet.ts describes. */
export const SearchHitSchema = z.object({
  messageId: z.string(),
  conversationId: z.string(),
  conversationTitle: z.string(),
  platform: PlatformSchema,
  sentAt: isoTime,
  sender: z.string().nullable(),
  text: z.string(),
  kind: z.enum(['text', 'media', 'system', 'call', 'other']),
  snippet: z.string(),
});
export type SearchHit = Readonly<z.infer<typeof SearchHitSchema>>;

export const MAX_SEARCH_HITS = 200;
export const MAX_SEARCH_QUERY = 1000;
/** What a page opened in the middle of a conversation centres on: a message, or a moment in time. */
export const AroundTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('message'), messageId: z.string().regex(/^\d+$/u) }),
  /** The first message sent at or after `at` (the last message when none is). */
  z.object({ kind: z.literal('time'), at: isoTime }),
]);
export type AroundTarget = z.infer<typeof AroundTargetSchema>;

/** The engine's settings that belong to the vault (display choices stay in each UI). */
export const SettingsSchema = z.object({
  /** IANA zone for reading exports whose times carry none (WhatsApp, LINE); null: the machine's. */
  timeZone: z.string().nullable(),
  /** The zone the engine's machine is in: what `timeZone: null` means. */
  machineTimeZone: z.string(),
  /** The watched import folder and whether it is being watched; null when none is. */
  importFolder: z
    .object({ path: z.string(), watching: z.boolean(), error: z.string().nullable() })
    .nullable(),
  /** Whether this host lets the import folder be changed (the desktop app does). */
  importFolderChangeable: z.boolean(),
});
export type Settings = Readonly<z.infer<typeof SettingsSchema>>;

const noParams = z.object({}).strict();

/** Paths from a drop or a dialog; bounded so one message cannot ask for unbounded work. */
export const MAX_PATHS_PER_IMPORT = 1000;
const pathList = z.array(z.string().min(1).max(4096)).min(1).max(MAX_PATHS_PER_IMPORT);

/** Paths split into lists no longer than one `import.submit` accepts (a dialog may return more). */
export function importBatches(paths: readonly string[]): string[][] {
  const batches: string[][] = [];
  for (let start = 0; start < paths.length; start += MAX_PATHS_PER_IMPORT) {
    batches.push(paths.slice(start, start + MAX_PATHS_PER_IMPORT));
  }
  return batches;
}

export const requests = {
  'vault.info': { params: noParams, result: VaultInfoSchema },
  'conversations.list': { params: noParams, result: z.array(ConversationSummarySchema) },
  'import.submit': {
    params: z.object({ paths: pathList }).strict(),
    result: z.object({ items: z.array(ImportItemSchema) }),
  },
  'import.list': { params: noParams, result: z.object({ items: z.array(ImportItemSchema) }) },
  'messages.page': {
    params: z
      .object({
        conversationId: z.string().min(1).max(100),
        anchor: PageAnchorSchema,
        limit: z.number().int().min(1).max(MAX_PAGE_MESSAGES),
      })
      .strict(),
    /** Oldest first; `more` says whether the conversation goes on beyond the page in its direction. */
    result: z.object({ messages: z.array(MessageViewSchema), more: z.boolean() }),
  },
  'import.cancel': {
    params: z.object({ id: z.string().min(1).max(100) }).strict(),
    result: z.object({ cancelled: z.boolean() }),
  },
  /**
   * Search every message (or one conversation's). `total` counts every hit, exactly. Newest-first
   * pages continue from `nextCursor`; relevance pages from an `offset`.
   */
  'search.messages': {
    params: z
      .object({
        query: z.string().max(MAX_SEARCH_QUERY),
        conversationId: z.string().min(1).max(100).nullable(),
        order: z.enum(['newest', 'relevance']),
        limit: z.number().int().min(1).max(MAX_SEARCH_HITS),
        cursor: z
          .string()
          .regex(/^-?\d{1,17}$/u)
          .nullable(),
        offset: z.number().int().min(0).max(100_000),
      })
      .strict(),
    result: z.object({
      total: z.number().int().nonnegative(),
      hits: z.array(SearchHitSchema),
      nextCursor: z.string().nullable(),
    }),
  },
  /** A page centred on a message (a reply's original) or a time (jump to a date), oldest first. */
  'messages.around': {
    params: z
      .object({
        conversationId: z.string().min(1).max(100),
        target: AroundTargetSchema,
        limit: z.number().int().min(2).max(MAX_PAGE_MESSAGES),
      })
      .strict(),
    /** `targetId` is the message the page centres on (null when the conversation has none). */
    result: z.object({
      messages: z.array(MessageViewSchema),
      targetId: z.string().nullable(),
      moreBefore: z.boolean(),
      moreAfter: z.boolean(),
    }),
  },
  /** The days of one month, in a time zone, on which a conversation has messages (a calendar). */
  'messages.days': {
    params: z
      .object({
        conversationId: z.string().min(1).max(100),
        year: z.number().int().min(1).max(9999),
        month: z.number().int().min(1).max(12),
        timeZone: z.string().min(1).max(100),
      })
      .strict(),
    result: z.object({ days: z.array(z.number().int().min(1).max(31)) }),
  },
  'settings.get': { params: noParams, result: SettingsSchema },
  /** Changes the given settings (null time zone: the machine's); answers with all of them. */
  'settings.update': {
    params: z
      .object({
        timeZone: z.string().min(1).max(100).nullable().optional(),
        importFolder: z.string().min(1).max(4096).optional(),
      })
      .strict(),
    result: SettingsSchema,
  },
  ...taskRequests,
} as const;

export type Requests = typeof requests;
export type Method = keyof Requests;
export type Params<M extends Method> = z.input<Requests[M]['params']>;
export type Result<M extends Method> = z.output<Requests[M]['result']>;

export const METHODS = Object.keys(requests) as readonly Method[];

export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.hasOwn(requests, name);
}

export const events = {
  /** An import changed state (queued, checked, finished). */
  'import.updated': ImportItemSchema,
  /** Conversations were added or changed; lists should refresh. */
  'conversations.changed': z.object({}).strict(),
  /** The settings changed, or the import folder's watch started or failed. */
  'settings.changed': SettingsSchema,
  ...taskEvents,
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export type EngineEvent = {
  [E in EventName]: Readonly<{ event: E; payload: EventPayload<E> }>;
}[EventName];

/** The engine's side of the contract: one async handler per method. */
export type Handlers = { readonly [M in Method]: (params: Params<M>) => Promise<Result<M>> };

/** What a UI holds: typed calls and a subscription to events. */
export type Api = Readonly<{
  call<M extends Method>(method: M, params: Params<M>): Promise<Result<M>>;
  subscribe(listener: (event: EngineEvent) => void): () => void;
}>;
