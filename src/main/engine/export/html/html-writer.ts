/**
 * The offline HTML export: a folder that opens in any browser from disk, with no server and no
 * script — index.html (the conversation and its list of pages), style.css, and the messages in
 * pages of PAGE_MESSAGES each (page-00001.html, ...), linked to the pages before and after them.
 * One page is held in memory at a time: its links to a next page are known only once a message for
 * it arrives.
 */
import path from 'node:path';
import { PLATFORM_NAMES } from '../../../../shared/platforms';
import { OutputFile } from '../../output/output-file';
import type { ExportItem, FormatWriter, ReplyPreview, WriterContext } from '../export-types';
import { ZonedClock } from '../zoned-clock';
import { escapeHtml } from './escape';
import { LABELS } from './labels';
import { messageHtml } from './message-html';
import { indexHtml, pageFileName, pageHtml, type PageInfo } from './page-html';
import { exportStylesheet } from './style';

export const PAGE_MESSAGES = 1000;

type OpenPage = {
  number: number;
  firstAt: number;
  lastAt: number;
  count: number;
  body: string;
  lastDay: string;
};

export function createHtmlWriter(
  context: WriterContext,
  pageMessages = PAGE_MESSAGES,
): FormatWriter {
  const { header, folder } = context;
  const labels = LABELS[header.language];
  const clock = new ZonedClock(header.timeZone);
  const dayFormat = new Intl.DateTimeFormat(header.language, {
    dateStyle: 'full',
    timeZone: header.timeZone,
  });
  const spanFormat = new Intl.DateTimeFormat(header.language, {
    dateStyle: 'medium',
    timeZone: header.timeZone,
  });
  const span = (first: number, last: number): string => {
    const from = spanFormat.format(first);
    const to = spanFormat.format(last);
    return from === to ? from : `${from} – ${to}`;
  };
  const pages: PageInfo[] = [];
  let open: OpenPage | null = null;
  const files: OutputFile[] = [];

  const writeFile = async (name: string, text: string): Promise<void> => {
    const file = await OutputFile.create(path.join(folder, name));
    files.push(file);
    await file.write(text);
    await file.close();
    files.splice(files.indexOf(file), 1);
  };

  /** Writes the open page, now that whether another follows is known. */
  const flush = async (hasNext: boolean): Promise<void> => {
    if (open === null) return;
    const info: PageInfo = {
      number: open.number,
      firstAt: open.firstAt,
      lastAt: open.lastAt,
      count: open.count,
      span: span(open.firstAt, open.lastAt),
    };
    pages.push(info);
    const body = open.body;
    open = null;
    await writeFile(pageFileName(info.number), pageHtml(header, info, hasNext, body, labels));
  };

  return {
    wantsReplies: true,
    async page(items: readonly ExportItem[], replies: ReadonlyMap<string, ReplyPreview>) {
      for (const item of items) {
        const { sentAt } = item.message;
        if (open !== null && open.count >= pageMessages) await flush(true);
        if (open === null) {
          open = {
            number: pages.length + 1,
            firstAt: sentAt,
            lastAt: sentAt,
            count: 0,
            body: '',
            lastDay: '',
          };
        }
        const local = clock.local(sentAt);
        if (local.date !== open.lastDay) {
          open.lastDay = local.date;
          open.body += `<h2 class="day"><span>${escapeHtml(dayFormat.format(sentAt))}</span></h2>\n`;
        }
        open.body += messageHtml(item, local.time.slice(0, 5), replies, labels);
        open.count += 1;
        open.lastAt = sentAt;
      }
    },
    async finish() {
      await flush(false);
      const first = pages[0];
      const last = pages.at(-1);
      const count = pages.reduce((sum, page) => sum + page.count, 0);
      const now = header.exportedAt;
      const range =
        header.after === null && header.before === null
          ? null
          : `${labels.range}: ${header.after === null ? '…' : spanFormat.format(header.after)} – ${header.before === null ? '…' : spanFormat.format(header.before - 1)}`;
      await writeFile('style.css', exportStylesheet());
      await writeFile(
        'index.html',
        indexHtml(
          header,
          {
            platformName: PLATFORM_NAMES[header.conversation.platform],
            count,
            span:
              first === undefined || last === undefined ? null : span(first.firstAt, last.lastAt),
            range,
            timeNote: labels.times(header.timeZone, clock.offset(last?.lastAt ?? now)),
            exportedNote: labels.exported(
              `${spanFormat.format(now)} ${clock.local(now).time.slice(0, 5)}`,
              header.generator,
            ),
          },
          pages,
          labels,
        ),
      );
    },
    async abandon() {
      await Promise.all(files.map((file) => file.abandon()));
    },
  };
}
