/** How long a staff session lives: an idle limit with a warning before it, and an absolute limit. */
export type SessionLimits = { idleSeconds: number; absoluteSeconds: number; warnBeforeSeconds: number };

export const defaultSessionLimits: SessionLimits = {
  idleSeconds: 30 * 60,
  absoluteSeconds: 12 * 3600,
  warnBeforeSeconds: 5 * 60,
};

export type SessionTimes = { createdAt: Date; lastSeenAt: Date };

export type SessionState =
  { kind: 'active'; idleEndsAt: Date; warn: boolean } | { kind: 'expired'; why: 'idle' | 'absolute' };

/** Whether a session is still valid at a moment, and whether to warn that it will soon end (WCAG 2.2.1). */
export function sessionState(
  times: SessionTimes,
  now: Date,
  limits: SessionLimits = defaultSessionLimits,
): SessionState {
  const absoluteEnd = times.createdAt.getTime() + limits.absoluteSeconds * 1000;
  if (now.getTime() >= absoluteEnd) return { kind: 'expired', why: 'absolute' };
  const idleEnd = Math.min(times.lastSeenAt.getTime() + limits.idleSeconds * 1000, absoluteEnd);
  if (now.getTime() >= idleEnd)
    return { kind: 'expired', why: idleEnd === absoluteEnd ? 'absolute' : 'idle' };
  return {
    kind: 'active',
    idleEndsAt: new Date(idleEnd),
    warn: idleEnd - now.getTime() <= limits.warnBeforeSeconds * 1000,
  };
}
