/**
 * The long-running work a UI can start besides imports: restoring an archive, exporting
 * conversations, verifying the vault. Each runs as a task with an id; `task.updated` events carry
 * its progress and, at the end, what it wrote (or found). Part of the contract (see contract.ts).
 */
import * as z from 'zod';

const isoTime = z.iso.datetime();
const id = z.string().min(1).max(100);
/** A folder on the machine that runs the engine; the engine checks it is absolute. */
const folderPath = z.string().min(1).max(4096);

export const EXPORT_FORMATS = ['html', 'txt', 'json', 'chatlab'] as const;
export const ExportFormatSchema = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof ExportFormatSchema>;

export const ArchiveSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  format: z.string(),
  status: z.enum(['complete', 'partial']),
  sha256: z.string().nullable(),
  bytes: z.number().int().nonnegative(),
  importedAt: isoTime.nullable(),
});
export type ArchiveSummary = Readonly<z.infer<typeof ArchiveSummarySchema>>;

export const TaskKindSchema = z.enum(['restore', 'export', 'verify']);
export type TaskKind = z.infer<typeof TaskKindSchema>;

export const TaskStatusSchema = z.enum(['running', 'done', 'failed', 'cancelled']);
export type TaskStatus = z.infer<typeof TaskStatusSchema>;

export const TaskProgressSchema = z.object({
  /** What is counted: bytes (restore), messages (export), stored files (verify). */
  unit: z.enum(['bytes', 'messages', 'files']),
  done: z.number().nonnegative(),
  total: z.number().nonnegative().nullable(),
  perSecond: z.number().nonnegative(),
  etaSeconds: z.number().nonnegative().nullable(),
});
export type TaskProgress = Readonly<z.infer<typeof TaskProgressSchema>>;

/** One file or folder a task wrote, under its final name. */
export const WrittenSchema = z.object({
  path: z.string(),
  /** Files inside it (1 for a file) and their bytes. */
  files: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  /** For an export: the conversation it holds and how many of its messages. */
  conversationId: z.string().optional(),
  messages: z.number().int().nonnegative().optional(),
});
export type Written = Readonly<z.infer<typeof WrittenSchema>>;

export const DamageSchema = z.object({
  kind: z.enum(['blob', 'database']),
  sha256: z.string().optional(),
  message: z.string(),
  archives: z.array(z.string()),
  conversations: z.array(z.string()),
});

export const VerifyReportSchema = z.object({
  ok: z.boolean(),
  checked: z.number().int().nonnegative(),
  damaged: z.array(DamageSchema),
});
export type VerifyReport = Readonly<z.infer<typeof VerifyReportSchema>>;

const TaskErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  file: z.string().optional(),
});

export const TaskSchema = z.object({
  id: z.string(),
  kind: TaskKindSchema,
  /** What it works on, for people: an archive's name, conversation titles, "the vault". */
  title: z.string(),
  status: TaskStatusSchema,
  progress: TaskProgressSchema,
  /** The folder written into (restore, export). */
  destination: z.string().nullable(),
  written: z.array(WrittenSchema),
  /** The verify report, once a verify task is done. */
  report: VerifyReportSchema.nullable(),
  error: TaskErrorSchema.nullable(),
  startedAt: isoTime,
});
export type Task = Readonly<z.infer<typeof TaskSchema>>;

/** Bounded so one request cannot ask for unbounded work. */
export const MAX_EXPORT_CONVERSATIONS = 1000;
export const MAX_EXPORT_MESSAGE_IDS = 100_000;

export const ExportRequestSchema = z
  .object({
    conversationIds: z.array(id).min(1).max(MAX_EXPORT_CONVERSATIONS),
    format: ExportFormatSchema,
    destination: folderPath,
    /** Only messages sent at or after / before these instants. */
    after: isoTime.nullable().optional(),
    before: isoTime.nullable().optional(),
    /** Only these messages (e.g. the hits of a search), within the conversations above. */
    messageIds: z
      .array(z.string().regex(/^\d{1,18}$/u))
      .max(MAX_EXPORT_MESSAGE_IDS)
      .optional(),
    /** Copy photos and files beside the export (default true). */
    media: z.boolean().optional(),
    /** The language of the HTML export's few words, and the zone its times are shown in. */
    language: z.enum(['en', 'zh-CN']).optional(),
    timeZone: z.string().min(1).max(100).optional(),
  })
  .strict();
export type ExportRequest = z.input<typeof ExportRequestSchema>;

const taskResult = z.object({ task: TaskSchema });

export const taskRequests = {
  'archives.list': { params: z.object({}).strict(), result: z.array(ArchiveSummarySchema) },
  'restore.start': {
    params: z.object({ archiveId: id, destination: folderPath }).strict(),
    result: taskResult,
  },
  'export.start': { params: ExportRequestSchema, result: taskResult },
  'verify.start': { params: z.object({}).strict(), result: taskResult },
  'tasks.list': { params: z.object({}).strict(), result: z.object({ tasks: z.array(TaskSchema) }) },
  'task.cancel': {
    params: z.object({ id }).strict(),
    result: z.object({ cancelled: z.boolean() }),
  },
  /**
   * Where exports and restores go unless the person picks a folder: a folder on the machine that
   * runs the engine (in a browser, that is the server, not the browser's machine).
   */
  'destination.default': {
    params: z.object({}).strict(),
    result: z.object({ path: z.string() }),
  },
} as const;

export const taskEvents = {
  /** A restore, export or verify task started, progressed or ended. */
  'task.updated': TaskSchema,
} as const;
