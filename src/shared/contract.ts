/**
 * The one API between any UI (Electron renderer, browser) and the engine.
 *
 * Every request is a method name with a params schema and a result schema; every event is a name
 * with a payload schema. Hosts validate what they receive against these schemas, so a message that
 * crossed a process or network boundary is trusted only after `parse`.
 */
import { z } from 'zod';
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
