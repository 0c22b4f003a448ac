import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * A form token bound to the session (HMAC of the session's id hash): a token from another session, or none,
 * is refused, and nothing extra needs storing.
 */
export function csrfToken(secret: string, sessionIdHash: string): string {
  return createHmac('sha256', `csrf\0${secret}`).update(sessionIdHash).digest('base64url');
}

export function csrfTokenMatches(secret: string, sessionIdHash: string, token: unknown): boolean {
  if (typeof token !== 'string') return false;
  const expected = Buffer.from(csrfToken(secret, sessionIdHash));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
