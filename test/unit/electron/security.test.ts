import { describe, expect, it } from 'vitest';
import {
  APP_INDEX_URL,
  CONTENT_SECURITY_POLICY,
  externalUrlToOpen,
  isAppUrl,
  isNavigationAllowed,
} from '../../../src/main/electron/security';

describe('externalUrlToOpen', () => {
  it('opens an https link', () => {
    expect(externalUrlToOpen('https://example.com/a?b=c#d')).toBe('https://example.com/a?b=c#d');
  });

  it('opens an http link', () => {
    expect(externalUrlToOpen('http://example.com/')).toBe('http://example.com/');
  });

  it('returns the normalized form of the link', () => {
    expect(externalUrlToOpen('HTTPS://Example.COM')).toBe('https://example.com/');
  });

  it.each([
    ['javascript:', 'javascript:alert(1)'],
    ['file:', 'file:///etc/passwd'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['vbscript:', 'vbscript:msgbox(1)'],
    ['mailto:', 'mailto:someone@example.com'],
    ['custom protocol handlers', 'ms-settings:privacy'],
    ['the app scheme', 'app://chat-vault/index.html'],
    ['ftp:', 'ftp://example.com/file'],
  ])('refuses %s links', (_name, url) => {
    expect(externalUrlToOpen(url)).toBeNull();
  });

  it('refuses a link carrying a user name and password', () => {
    expect(externalUrlToOpen('https://user:pass@example.com/')).toBeNull();
  });

  it('refuses a link carrying only a user name, which can disguise the real host', () => {
    expect(externalUrlToOpen('https://paypal.com@evil.example/')).toBeNull();
  });

  it('refuses a malformed link', () => {
    expect(externalUrlToOpen('https://exa mple.com:99999/')).toBeNull();
  });

  it('refuses a relative link', () => {
    expect(externalUrlToOpen('/settings')).toBeNull();
  });

  it('refuses a link with bidirectional marks that disguise its text', () => {
    expect(externalUrlToOpen('https://example.com/\u202Egnp.exe')).toBeNull();
  });

  it('refuses a link with control characters', () => {
    expect(externalUrlToOpen('https://example.com/\nx')).toBeNull();
  });

  it('refuses something that is not a string', () => {
    expect(externalUrlToOpen(undefined)).toBeNull();
  });

  it('refuses an absurdly long link', () => {
    expect(externalUrlToOpen(`https://example.com/${'a'.repeat(10_000)}`)).toBeNull();
  });
});

describe('isAppUrl', () => {
  it('accepts a page of the app', () => {
    expect(isAppUrl(APP_INDEX_URL)).toBe(true);
  });

  it('refuses another host on the app scheme', () => {
    expect(isAppUrl('app://evil/index.html')).toBe(false);
  });

  it('refuses the same host on another scheme', () => {
    expect(isAppUrl('https://chat-vault/index.html')).toBe(false);
  });

  it('refuses a file URL', () => {
    expect(isAppUrl('file:///app/out/renderer/index.html')).toBe(false);
  });

  it('refuses the app host with credentials', () => {
    expect(isAppUrl('app://x@chat-vault/index.html')).toBe(false);
  });

  it('refuses a missing URL', () => {
    expect(isAppUrl(undefined)).toBe(false);
  });
});

describe('navigation guard', () => {
  it('allows the app index', () => {
    expect(isNavigationAllowed('app://chat-vault/index.html')).toBe(true);
  });

  it('allows the app root, which serves the index', () => {
    expect(isNavigationAllowed('app://chat-vault/')).toBe(true);
  });

  it('allows the index with a fragment', () => {
    expect(isNavigationAllowed('app://chat-vault/index.html#/settings')).toBe(true);
  });

  it('refuses another file of the app', () => {
    expect(isNavigationAllowed('app://chat-vault/assets/index.js')).toBe(false);
  });

  it('refuses a web page', () => {
    expect(isNavigationAllowed('https://example.com/')).toBe(false);
  });

  it('refuses a local file', () => {
    expect(isNavigationAllowed('file:///etc/passwd')).toBe(false);
  });

  it('refuses a javascript: URL', () => {
    expect(isNavigationAllowed('javascript:alert(1)')).toBe(false);
  });

  it('refuses the index of another app host', () => {
    expect(isNavigationAllowed('app://other/index.html')).toBe(false);
  });
});

describe('Content-Security-Policy', () => {
  it('allows no inline or evaluated code', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
  });

  it('denies everything not named', () => {
    expect(CONTENT_SECURITY_POLICY).toMatch(/^default-src 'none';/);
  });

  it('loads scripts only from the app itself', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self';");
  });

  it('forbids plugins, base rewriting, form posts and framing', () => {
    for (const directive of [
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'none'",
      "frame-ancestors 'none'",
    ]) {
      expect(CONTENT_SECURITY_POLICY).toContain(directive);
    }
  });
});
