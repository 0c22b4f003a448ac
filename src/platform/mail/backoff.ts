const MINUTE_MS = 60_000;
const CAP_MS = 6 * 60 * MINUTE_MS;

/**
 * How long to wait before trying a message again after `attempts` failed tries (1 → 1 minute, then
 * doubling up to 6 hours), so a broken mail server is not hammered and a short outage costs little delay.
 */
export function nextAttemptDelayMs(attempts: number): number {
  const failures = Number.isNaN(attempts) ? 1 : Math.max(1, Math.floor(attempts));
  return Math.min(MINUTE_MS * 2 ** (failures - 1), CAP_MS);
}
