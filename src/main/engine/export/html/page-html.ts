/**
 * The shells of the offline HTML export's files: a page of messages with links to the pages
 * before and after it, and index.html with the conversation's details and the list of pages.
 * Every page forbids scripts and anything from the network (a Content-Security-Policy in the page).
 */
import type { ExportHeader } from '../export-types';
import { escapeHtml } from './escape';
import type { ExportLabels } from './labels';

/** Scripts, frames, forms and network requests are all refused; files beside the page load. */
const POLICY =
  "default-src 'none'; img-src 'self' file:; media-src 'self' file:; style-src 'self' file:; base-uri 'none'; form-action 'none'";

export function pageFileName(number: number): string {
  return `page-${String(number).padStart(5, '0')}.html`;
}

function head(title: string, language: string): string {
  return `<!doctype html>
<html lang="${escapeHtml(language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${POLICY}">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="style.css">
</head>
`;
}

export type PageInfo = Readonly<{
  number: number;
  firstAt: number;
  lastAt: number;
  count: number;
  /** "1 Mar 2021 – 5 Mar 2021", in the export's zone. */
  span: string;
}>;

function pager(page: PageInfo, hasNext: boolean, labels: ExportLabels): string {
  const older =
    page.number > 1
      ? `<a rel="prev" href="${pageFileName(page.number - 1)}">${escapeHtml(labels.older)}</a>`
      : '<span></span>';
  const newer = hasNext
    ? `<a rel="next" href="${pageFileName(page.number + 1)}">${escapeHtml(labels.newer)}</a>`
    : '<span></span>';
  return `<nav class="pager">${older}${newer}</nav>\n`;
}

export function pageHtml(
  header: ExportHeader,
  page: PageInfo,
  hasNext: boolean,
  body: string,
  labels: ExportLabels,
): string {
  const title = header.conversation.title;
  return `${head(`${title} · ${labels.page(page.number)}`, header.language)}<body class="platform-${header.conversation.platform}">
<header class="bar"><a href="index.html">${escapeHtml(labels.contents)}</a><h1>${escapeHtml(title)}</h1><span class="where">${escapeHtml(labels.page(page.number))} · ${escapeHtml(page.span)}</span></header>
${pager(page, hasNext, labels)}<main class="chat">
${body}</main>
${pager(page, hasNext, labels)}</body>
</html>
`;
}

export type IndexDetails = Readonly<{
  platformName: string;
  count: number;
  span: string | null;
  range: string | null;
  timeNote: string;
  exportedNote: string;
}>;

export function indexHtml(
  header: ExportHeader,
  details: IndexDetails,
  pages: readonly PageInfo[],
  labels: ExportLabels,
): string {
  const { conversation } = header;
  const list =
    pages.length === 0
      ? `<p>${escapeHtml(labels.noMessages)}</p>`
      : `<ol class="pages">\n${pages
          .map(
            (page) =>
              `<li><a href="${pageFileName(page.number)}">${escapeHtml(labels.page(page.number))}</a> · ${escapeHtml(page.span)} <span class="count">(${escapeHtml(labels.messages(page.count))})</span></li>`,
          )
          .join('\n')}\n</ol>`;
  const participants =
    conversation.participants.length === 0
      ? ''
      : `<p><b>${escapeHtml(labels.participants)}:</b> ${escapeHtml(conversation.participants.join(', '))}</p>`;
  return `${head(conversation.title, header.language)}<body class="platform-${conversation.platform}">
<header class="bar"><h1>${escapeHtml(conversation.title)}</h1><span class="where">${escapeHtml(details.platformName)} · ${escapeHtml(labels.messages(details.count))}</span></header>
<main class="overview">
<section>
${participants}
${details.span === null ? '' : `<p>${escapeHtml(details.span)}</p>`}
${details.range === null ? '' : `<p>${escapeHtml(details.range)}</p>`}
${header.chosen ? `<p>${escapeHtml(labels.chosen)}</p>` : ''}
<p>${escapeHtml(details.timeNote)}</p>
<p>${escapeHtml(details.exportedNote)}</p>
</section>
<section>
<h2>${escapeHtml(labels.contents)}</h2>
${list}
</section>
</main>
</body>
</html>
`;
}
