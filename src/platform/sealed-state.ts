import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Seals a small JSON state into an opaque, tamper-proof string (AES-256-GCM), so a multi-step form can keep
 * its answers in the page address without the server storing them and without them being readable in the
 * browser history or a log. Any instance with the same secret can open it.
 */
export function createSealer(secret: string, purpose: string, maxAgeSeconds: number) {
  const key = createHash('sha256').update(`${purpose}\0${secret}`).digest();
  return {
    seal(state: unknown, now = Date.now()): string {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv(ALGORITHM, key, iv);
      const plain = Buffer.from(JSON.stringify({ t: Math.floor(now / 1000), s: state }));
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
    },
    /** The state, or null when the token is damaged, forged, sealed with another secret or too old. */
    open(token: string, now = Date.now()): unknown {
      try {
        const raw = Buffer.from(token, 'base64url');
        if (raw.length <= IV_BYTES + TAG_BYTES || raw.length > 8192) return null;
        const decipher = createDecipheriv(ALGORITHM, key, raw.subarray(0, IV_BYTES));
        decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
        const plain = Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
        const { t, s } = JSON.parse(plain.toString('utf8')) as { t: number; s: unknown };
        return now / 1000 - t > maxAgeSeconds ? null : s;
      } catch {
        return null;
      }
    },
  };
}
