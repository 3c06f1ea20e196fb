/**
 * Who may talk to the web host: only a page that was opened with this run's token, from this
 * machine, under the exact host name the server printed (no DNS rebinding, no other origin).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';

export const TOKEN_COOKIE = 'chat_vault_token';
export const TOKEN_HEADER = 'x-chat-vault-token';

export function createToken(): string {
  return randomBytes(24).toString('base64url');
}

export function tokensMatch(expected: string, given: string | null | undefined): boolean {
  if (given === null || given === undefined) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function allowedHosts(port: number): ReadonlySet<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export function cookieToken(cookieHeader: string | undefined): string | null {
  if (cookieHeader === undefined) return null;
  for (const part of cookieHeader.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === TOKEN_COOKIE) return rest.join('=');
  }
  return null;
}

export type RequestFacts = Readonly<{
  host: string | undefined;
  origin: string | undefined;
  /** The token from the URL query, a header, or the cookie, in that order of preference. */
  queryToken: string | null;
  headerToken: string | null;
  cookieToken: string | null;
}>;

export type AuthDecision =
  Readonly<{ ok: true }> | Readonly<{ ok: false; status: 400 | 403; reason: string }>;

export function authorize(facts: RequestFacts, token: string, port: number): AuthDecision {
  const hosts = allowedHosts(port);
  if (facts.host === undefined || !hosts.has(facts.host)) {
    return { ok: false, status: 400, reason: 'unexpected Host header' };
  }
  if (facts.origin !== undefined && !hosts.has(facts.origin.replace(/^http:\/\//u, ''))) {
    return { ok: false, status: 403, reason: 'request from another origin' };
  }
  const presented = [facts.queryToken, facts.headerToken, facts.cookieToken];
  if (!presented.some((candidate) => tokensMatch(token, candidate))) {
    return { ok: false, status: 403, reason: 'missing or wrong token' };
  }
  return { ok: true };
}
