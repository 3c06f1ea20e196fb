/**
 * Text into HTML, safely: every character that means something in HTML is escaped, so message text
 * can never become markup; the only links made are plain http(s) addresses, and links that mix in
 * direction marks (which can disguise where a link goes) stay text.
 */
const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (char) => ESCAPES[char] ?? char);
}

/** http(s) addresses in running text, up to whitespace or a character that cannot end one. */
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'`]+/giu;
const TRAILING_PUNCTUATION = /[.,;:!?)\]}»”’]+$/u;
const DECEPTIVE = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069]/u;

/** A link target that is a well-formed http(s) URL, else null. */
export function safeHttpUrl(candidate: string): string | null {
  if (DECEPTIVE.test(candidate)) return null;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
}

function link(href: string, label: string): string {
  return `<a href="${escapeHtml(href)}" rel="noopener noreferrer nofollow" target="_blank">${escapeHtml(label)}</a>`;
}

/** Escaped text with its http(s) addresses made into links (everything else stays text). */
export function textToHtml(text: string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index;
    const raw = match[0].replace(TRAILING_PUNCTUATION, '');
    const href = safeHttpUrl(raw);
    if (href === null) continue;
    out += escapeHtml(text.slice(last, start)) + link(href, raw);
    last = start + raw.length;
  }
  return out + escapeHtml(text.slice(last));
}

/** A path relative to the page (`media/IMG 1.jpg`) as a URL, each level percent-encoded. */
export function relativeUrl(relativePath: string): string {
  return relativePath.split('/').map(encodeURIComponent).join('/');
}
