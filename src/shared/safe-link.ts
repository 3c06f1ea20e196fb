/**
 * Which link targets a message may turn into a clickable link: plain http(s) with a readable ASCII
 * host and no credentials, nothing that could start a program (`javascript:`, `file:`, custom
 * schemes) or disguise where it goes (control or bidi characters, mixed-script hosts). Anything
 * else stays inert text. Pure string checks: this folder has no URL parser to lean on.
 */

/** Longer links are not offered (Windows stops near 2 KB anyway). */
const MAX_LINK_LENGTH = 8192;

/** Controls, spaces, bidi and zero-width marks: characters that make a link look like another. */
function hasDeceptiveCharacters(text: string): boolean {
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code <= 0x20 || (code >= 0x7f && code <= 0xa0)) return true;
    if (code >= 0x200b && code <= 0x200f) return true;
    if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)) return true;
    if (code === 0xfeff || code === 0x2028 || code === 0x2029) return true;
  }
  return false;
}

const SCHEME = /^https?:\/\//iu;
/** A DNS name or IPv4 address in ASCII (IDN hosts arrive as punycode `xn--` labels), or [IPv6]. */
const HOST =
  /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.?$|^\[[0-9a-f:.]+\]$/iu;
const PORT = /^\d{1,5}$/u;

/**
 * The link to open for `target`, or null when it must stay text. A bare domain as Telegram marks
 * it (`example.com/page`) gets `https://`.
 */
export function safeLink(target: string): string | null {
  const trimmed = target.trim();
  if (trimmed === '' || trimmed.length > MAX_LINK_LENGTH || hasDeceptiveCharacters(trimmed))
    return null;
  let link = trimmed;
  if (!SCHEME.test(link)) {
    // Any other scheme (javascript:, data:, file:, mailto:, tg:, …) is refused; a bare host is not.
    if (/^[a-z][a-z0-9+.-]*:/iu.test(link) && !/^[^:/]+:\d/u.test(link)) return null;
    if (link.startsWith('/') || link.startsWith('\\')) return null;
    link = `https://${link}`;
  }
  const afterScheme = link.slice(link.indexOf('//') + 2);
  const authority = afterScheme.split(/[/?#]/u, 1)[0] ?? '';
  if (authority.includes('@') || authority.includes('\\')) return null;
  const portAt = authority.startsWith('[')
    ? authority.indexOf(']:') + 1
    : authority.lastIndexOf(':');
  const host = portAt > 0 ? authority.slice(0, portAt) : authority;
  const port = portAt > 0 ? authority.slice(portAt + 1) : '';
  if (!HOST.test(host) || (portAt > 0 && !PORT.test(port))) return null;
  return link;
}

/** Where plain text holds http(s) links: start (UTF-16 offset), end, and the link itself. */
export type FoundLink = Readonly<{ start: number; end: number; link: string }>;

const URL_CANDIDATE = /\bhttps?:\/\/[^\s<>"'`]+/giu;
const TRAILING_PUNCTUATION = /[.,;:!?'"»”’…]+$/u;
const CLOSERS: Readonly<Record<string, string>> = { ')': '(', ']': '[', '}': '{' };

/** Drops trailing punctuation and closing brackets that the link did not open. */
function trimCandidate(candidate: string): string {
  let text = candidate;
  for (;;) {
    const trimmed = text.replace(TRAILING_PUNCTUATION, '');
    const last = trimmed.at(-1) ?? '';
    const opener = CLOSERS[last];
    if (opener !== undefined) {
      const opens = trimmed.split(opener).length - 1;
      const closes = trimmed.split(last).length - 1;
      if (closes > opens) {
        text = trimmed.slice(0, -1);
        continue;
      }
    }
    return trimmed;
  }
}

/** The http(s) links written out in `text` that are safe to offer as links. */
export function findLinks(text: string): FoundLink[] {
  const found: FoundLink[] = [];
  for (const match of text.matchAll(URL_CANDIDATE)) {
    const candidate = trimCandidate(match[0]);
    const link = safeLink(candidate);
    if (link === null) continue;
    found.push({ start: match.index, end: match.index + candidate.length, link });
  }
  return found;
}
