/**
 * Telegram Desktop HTML pages made in tests, laid out the way the exporter writes them (one block
 * element per line, indented; text escaped; line breaks as <br>).
 */
export type HtmlMessage = Readonly<{
  id: number;
  /** "DD.MM.YYYY HH:MM:SS UTC+HH:MM" as the exporter writes it. */
  title?: string;
  from?: string;
  joined?: boolean;
  /** Inner HTML of the text block (already escaped). */
  html?: string;
  media?: string;
  replyTo?: number | 'other chat';
  forwardedFrom?: string;
}>;

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;')
    .replaceAll('\n', '<br>');
}

export function defaultMessage(message: HtmlMessage): string {
  const title = message.title ?? '23.08.2023 13:11:23 UTC+00:00';
  const joined = message.joined === true;
  const lines = [
    `     <div class="message default clearfix${joined ? ' joined' : ''}" id="message${message.id}">`,
  ];
  if (!joined) {
    lines.push(
      '      <div class="pull_left userpic_wrap">',
      '       <div class="userpic userpic2" style="width: 42px; height: 42px">',
      '        <div class="initials" style="line-height: 42px">',
      'AL',
      '        </div>',
      '       </div>',
      '      </div>',
    );
  }
  lines.push(
    '      <div class="body">',
    `       <div class="pull_right date details" title="${title}">`,
    '13:11',
    '       </div>',
  );
  if (!joined) {
    lines.push(
      '       <div class="from_name">',
      escapeHtml(message.from ?? 'Ana Lima'),
      '       </div>',
    );
  }
  if (message.forwardedFrom !== undefined) {
    lines.push(
      '       <div class="forwarded body">',
      '        <div class="from_name">',
      `${escapeHtml(message.forwardedFrom)}<span class="date details" title="01.01.2023 10:00:00 UTC+00:00"> 01.01.2023 10:00:00</span>`,
      '        </div>',
    );
  }
  if (message.replyTo !== undefined) {
    lines.push('       <div class="reply_to details">');
    lines.push(
      message.replyTo === 'other chat'
        ? 'In reply to a message in another chat'
        : `In reply to <a href="#go_to_message${message.replyTo}" onclick="return GoToMessage(${message.replyTo})">this message</a>`,
    );
    lines.push('       </div>');
  }
  if (message.media !== undefined) lines.push(message.media);
  if (message.html !== undefined) {
    lines.push('       <div class="text">', message.html, '       </div>');
  }
  if (message.forwardedFrom !== undefined) lines.push('       </div>');
  lines.push('      </div>', '     </div>');
  return lines.join('\n');
}

export function serviceMessage(id: number, html: string): string {
  return [
    `     <div class="message service" id="message${id}">`,
    '      <div class="body details">',
    html,
    '      </div>',
    '     </div>',
  ].join('\n');
}

export function page(title: string, blocks: readonly string[]): string {
  return [
    '<!DOCTYPE html>',
    '<html>',
    ' <head>',
    '  <meta charset="utf-8"/>',
    '<title>Exported Data</title>',
    '  <link href="css/style.css" rel="stylesheet"/>',
    '  <script src="js/script.js" type="text/javascript">',
    '  </script>',
    ' </head>',
    ' <body onload="CheckLocation();">',
    '  <div class="page_wrap">',
    '   <div class="page_header">',
    '    <div class="content">',
    '     <div class="text bold">',
    escapeHtml(title),
    '     </div>',
    '    </div>',
    '   </div>',
    '   <div class="page_body chat_page">',
    '    <div class="history">',
    ...blocks,
    '    </div>',
    '   </div>',
    '  </div>',
    ' </body>',
    '</html>',
    '',
  ].join('\n');
}

/** A generic media block (a file, a voice message, a call...) as pushGenericMedia writes it. */
export function genericMedia(
  type: string,
  parts: Readonly<{ href?: string; title?: string; description?: string; status?: string }>,
): string {
  const open =
    parts.href === undefined
      ? `        <div class="media clearfix pull_left ${type}">`
      : `        <a class="media clearfix pull_left block_link ${type}" href="${parts.href}">`;
  const lines = [
    '       <div class="media_wrap clearfix">',
    open,
    '         <div class="fill pull_left">',
    '         </div>',
    '         <div class="body">',
  ];
  for (const key of ['title', 'description', 'status'] as const) {
    const value = parts[key];
    if (value === undefined) continue;
    const className = key === 'title' ? 'title bold' : key === 'status' ? 'status details' : key;
    lines.push(`          <div class="${className}">`, escapeHtml(value), '          </div>');
  }
  lines.push(
    '         </div>',
    parts.href === undefined ? '        </div>' : '        </a>',
    '       </div>',
  );
  return lines.join('\n');
}

export function photo(href: string): string {
  return [
    '       <div class="media_wrap clearfix">',
    `        <a class="photo_wrap clearfix pull_left" href="${href}">`,
    `         <img class="photo" src="${href.replace('.jpg', '_thumb.jpg')}" style="width: 260px; height: 195px"/>`,
    '        </a>',
    '       </div>',
  ].join('\n');
}
