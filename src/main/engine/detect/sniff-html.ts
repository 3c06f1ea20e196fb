import { detected, unknown, type Sniffed } from './sniffed';

/**
 * Telegram Desktop's HTML export: every page is titled "Exported Data" and is built from
 * `page_wrap` / `page_body` blocks; chat pages hold a `history` block of `message` divs.
 */
export function sniffHtml(text: string): Sniffed {
  const lower = text.toLowerCase();
  const title = /<title>\s*exported data\s*<\/title>/.test(lower);
  const wrap = /class="page_wrap"/.test(lower);
  const history = /class="history"/.test(lower) || /class="page_body[^"]*chat_page/.test(lower);
  const telegramMessage = /class="message (?:default|service)/.test(lower);
  if ((title && (wrap || history)) || (wrap && (history || telegramMessage))) {
    return detected('telegram-html', 'telegram');
  }
  return unknown('an HTML page that is not a Telegram export');
}
