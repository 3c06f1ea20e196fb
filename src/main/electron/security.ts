/**
 * Window hardening for the desktop shell: what the app's own pages are, where a window may navigate,
 * which links may leave the app, and the Content-Security-Policy. The decisions are pure functions;
 * `hardenWebContents` is the only glue, and it takes `shell.openExternal` as a parameter so this
 * module imports nothing from Electron at run time.
 */
import type { WebContents } from 'electron';
import { contentSecurityPolicy } from '../common/content-security-policy';

export const APP_SCHEME = 'app';
export const APP_HOST = 'chat-vault';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** The desktop window's pages talk to the engine over IPC only, so they connect nowhere else. */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

/** Links longer than this are not handed to the operating system (Windows stops near 2 KB anyway). */
const MAX_EXTERNAL_URL_LENGTH = 8192;

/** Controls, whitespace and bidirectional marks make a link look like something it is not. */
function hasDeceptiveCharacters(text: string): boolean {
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code <= 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
    if (code === 0x200e || code === 0x200f) return true;
    if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)) return true;
  }
  return false;
}

function parseUrl(url: unknown): URL | null {
  if (typeof url !== 'string') return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True for a URL on the app's own origin (`app://chat-vault/...`), with no credentials or port. */
export function isAppUrl(url: unknown): boolean {
  const parsed = parseUrl(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname.toLowerCase() === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** The only document a window may navigate to is the app's own index page. */
export function isNavigationAllowed(url: unknown): boolean {
  if (!isAppUrl(url)) return false;
  const { pathname } = new URL(url as string);
  return pathname === '/' || pathname === '/index.html';
}

/**
 * The URL to hand to the operating system for a link the page tried to open, or null to drop it.
 * Only plain http(s) links with a host leave the app: no `javascript:`, `file:`, `data:`, `mailto:`
 * or custom schemes (which could start local programs), no credentials that disguise the real host,
 * no control or bidi characters that disguise the text.
 */
export function externalUrlToOpen(url: unknown): string | null {
  if (typeof url !== 'string' || url.length > MAX_EXTERNAL_URL_LENGTH) return null;
  if (hasDeceptiveCharacters(url)) return null;
  const parsed = parseUrl(url);
  if (parsed === null) return null;
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (parsed.username !== '' || parsed.password !== '') return null;
  if (parsed.hostname === '') return null;
  return parsed.href;
}

export type OpenExternal = (url: string) => Promise<void>;

/**
 * Applies the rules above to one web contents (call it from `app.on('web-contents-created')`, so it
 * covers every window): navigation away from the index is cancelled, new windows are denied (http(s)
 * links open in the default browser instead), `<webview>` is refused and every permission is denied.
 */
export function hardenWebContents(contents: WebContents, openExternal: OpenExternal): void {
  const guard = (event: Readonly<{ url: string; preventDefault: () => void }>): void => {
    if (!isNavigationAllowed(event.url)) event.preventDefault();
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const external = externalUrlToOpen(url);
    if (external !== null) {
      openExternal(external).catch((error: unknown) => {
        console.error(`Could not open ${external} in the browser:`, error);
      });
    }
    return { action: 'deny' };
  });
  contents.session.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false),
  );
  contents.session.setPermissionCheckHandler(() => false);
}
