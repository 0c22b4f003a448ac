import { Secret, TOTP } from 'otpauth';

const PERIOD_SECONDS = 30;

function totp(base32Secret: string, label: string): TOTP {
  return new TOTP({
    issuer: 'Meedoen',
    label,
    algorithm: 'SHA1', // what every authenticator app supports
    digits: 6,
    period: PERIOD_SECONDS,
    secret: Secret.fromBase32(base32Secret),
  });
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// address an authenticator app reads, for a QR code or to type in. */
export function totpUri(base32Secret: string, email: string): string {
  return totp(base32Secret, email).toString();
}

/** Accepts the code of this period and of the one before or after, for clocks that drift a little. */
export function verifyTotp(base32Secret: string, code: string, now: Date): boolean {
  const token = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(token)) return false;
  return totp(base32Secret, '').validate({ token, timestamp: now.getTime(), window: 1 }) !== null;
}

export function totpCodeAt(base32Secret: string, moment: Date): string {
  return totp(base32Secret, '').generate({ timestamp: moment.getTime() });
}
