import { createHash, createHmac, randomInt } from 'node:crypto';

// Crockford's base32 without I, L, O, U: nothing to misread on the phone.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A short code to quote on the phone, e.g. "MD-4K7Q-9PX2". It identifies; it does not give access. */
export function newReference(): string {
  const chars = Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `MD-${chars.slice(0, 4)}-${chars.slice(4)}`;
}

export function normaliseReference(typed: string): string {
  const compact = typed
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '')
    .replace(/^MD/, '');
  return compact.length === 8 ? `MD-${compact.slice(0, 4)}-${compact.slice(4)}` : typed.trim().toUpperCase();
}

/**
 * The tracking link's secret, derived from the application's id with the platform secret: a repeated
 * submission can show the same link again, and only a hash of it is stored.
 */
export function trackingToken(secret: string, applicationId: string): string {
  return createHmac('sha256', secret).update(`application-tracking:${applicationId}`).digest('base64url');
}

export function hashTrackingToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
