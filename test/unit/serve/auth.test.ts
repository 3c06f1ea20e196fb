import { describe, expect, it } from 'vitest';
import { authorize, cookieToken, createToken, tokensMatch } from '../../../src/main/serve/auth';

const token = 'secret-token';
const good = {
  host: '127.0.0.1:4000',
  origin: undefined,
  queryToken: token,
  headerToken: null,
  cookieToken: null,
} as const;

describe('web host authorization', () => {
  it('makes a different long token every run', () => {
    const a = createToken();
    expect(a.length).toBeGreaterThanOrEqual(32);
    expect(createToken()).not.toBe(a);
  });

  it('compares tokens exactly', () => {
    expect(tokensMatch(token, token)).toBe(true);
    expect(tokensMatch(token, 'secret-tokem')).toBe(false);
    expect(tokensMatch(token, '')).toBe(false);
    expect(tokensMatch(token, null)).toBe(false);
  });

  it('lets in a request from this machine that carries the token anywhere', () => {
    expect(authorize(good, token, 4000)).toEqual({ ok: true });
    expect(authorize({ ...good, queryToken: null, cookieToken: token }, token, 4000)).toEqual({
      ok: true,
    });
    expect(authorize({ ...good, queryToken: null, headerToken: token }, token, 4000)).toEqual({
      ok: true,
    });
    expect(
      authorize({ ...good, host: 'localhost:4000', origin: 'http://localhost:4000' }, token, 4000),
    ).toEqual({ ok: true });
  });

  it('refuses a request without the token', () => {
    expect(authorize({ ...good, queryToken: null }, token, 4000)).toMatchObject({
      ok: false,
      status: 403,
    });
    expect(authorize({ ...good, queryToken: 'guess' }, token, 4000)).toMatchObject({
      ok: false,
      status: 403,
    });
  });

  it('refuses another Host name (DNS rebinding) and another port', () => {
    expect(authorize({ ...good, host: 'evil.example:4000' }, token, 4000)).toMatchObject({
      ok: false,
      status: 400,
    });
    expect(authorize({ ...good, host: '127.0.0.1:4001' }, token, 4000)).toMatchObject({
      ok: false,
    });
    expect(authorize({ ...good, host: undefined }, token, 4000)).toMatchObject({ ok: false });
  });

  it('refuses a page from another origin even with the token', () => {
    expect(authorize({ ...good, origin: 'https://evil.example' }, token, 4000)).toMatchObject({
      ok: false,
      status: 403,
    });
  });

  it('reads the token cookie among others', () => {
    expect(cookieToken('a=1; chat_vault_token=abc=; b=2')).toBe('abc=');
    expect(cookieToken('a=1')).toBeNull();
    expect(cookieToken(undefined)).toBeNull();
  });
});
