import { randomUUID } from 'node:crypto';

/** A W3C Trace Context trace id: 32 lowercase hex digits, not all zero. */
export type TraceId = string;

const TRACEPARENT_V00 = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;
// A later version may add fields after the version-00 ones; its first four fields keep their meaning.
const TRACEPARENT_LATER = /^(?!00-|ff-)[0-9a-f]{2}-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(?:-.*)?$/;
const ALL_ZERO = /^0+$/;

export function isTraceId(value: string): value is TraceId {
  return /^[0-9a-f]{32}$/.test(value) && !ALL_ZERO.test(value);
}

/** The trace id of a `traceparent` header, or null when the header is not one the standard accepts. */
export function parseTraceparent(header: string): TraceId | null {
  const match = TRACEPARENT_V00.exec(header) ?? TRACEPARENT_LATER.exec(header);
  if (!match) return null;
  const [, traceId, parentId] = match as unknown as [string, string, string];
  return isTraceId(traceId) && !ALL_ZERO.test(parentId) ? traceId : null;
}

export function newTraceId(): TraceId {
  // randomUUID draws on a pool of random bytes it keeps, unlike randomBytes per call: a submission makes one
  // per request. Its 122 random bits are plenty for a trace id, and its version digit keeps it from being zero.
  return randomUUID().replaceAll('-', '');
}

/**
 * Continues the caller's trace when it sent a valid `traceparent`, so a processing can be followed across
 * systems; otherwise starts a new one. A repeated header is ambiguous, so it starts a new trace too.
 */
export function traceIdFor(headers: Record<string, string | string[] | undefined>): TraceId {
  const header = headers['traceparent'];
  return (typeof header === 'string' && parseTraceparent(header)) || newTraceId();
}
