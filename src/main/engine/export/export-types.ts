/** The parts every export format shares: what it is given, page by page, and what it reports. */
import type { ExportConversation, ExportMessage, ReplyPreview } from '../db/queries/export';

export type { ExportConversation, ExportMessage, ReplyPreview };

export type ExportLanguage = 'en' | 'zh-CN';

/** A message with, per attachment, the path of its copy inside the export (null: not copied). */
export type ExportItem = Readonly<{ message: ExportMessage; files: readonly (string | null)[] }>;

export type ExportHeader = Readonly<{
  conversation: ExportConversation;
  /** Messages this export holds (as counted when it started). */
  messageCount: number;
  /** The date range asked for (ms), if any. */
  after: number | null;
  before: number | null;
  /** True when only chosen messages (a search's hits) are exported. */
  chosen: boolean;
  exportedAt: number;
  /** "Chat Vault 0.1.0". */
  generator: string;
  /** IANA zone the times of text and HTML exports are written in. */
  timeZone: string;
  language: ExportLanguage;
}>;

/** One format's writer for one conversation, writing into its (temporary) folder. */
export type FormatWriter = Readonly<{
  /** The next messages, oldest first; `replies` has the messages replies point at, by platform id. */
  page(items: readonly ExportItem[], replies: ReadonlyMap<string, ReplyPreview>): Promise<void>;
  /** Completes and closes every file. */
  finish(): Promise<void>;
  /** Closes what is open after a failure or cancel (the folder is then removed). */
  abandon(): Promise<void>;
  /** Whether `page` wants reply previews (only the HTML export shows them). */
  wantsReplies: boolean;
}>;

export type WriterContext = Readonly<{
  /** The folder being written (temporary until the export completes). */
  folder: string;
  header: ExportHeader;
}>;
