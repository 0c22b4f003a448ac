// The part of autocannon's programmatic API (v8) that the benchmarks use; the package ships no types.
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';

  export type Options = {
    url: string;
    connections?: number;
    /** Seconds. */
    duration?: number;
    /** Seconds before a request counts as timed out. */
    timeout?: number;
    pipelining?: number;
    headers?: Record<string, string>;
    method?: 'GET' | 'POST';
    body?: string;
    /** Per request: setupRequest may change each one (a new Idempotency-Key). */
    requests?: {
      method?: 'GET' | 'POST';
      path?: string;
      headers?: Record<string, string>;
      body?: string;
      setupRequest?: (request: RequestData) => RequestData;
    }[];
  };

  export type RequestData = {
    method: string;
    path: string;
    headers: Record<string, string>;
    body: string | Buffer;
  };

  export type Histogram = {
    average: number;
    mean: number;
    stddev: number;
    min: number;
    max: number;
    total?: number;
    p50: number;
    p90: number;
    p99: number;
  };

  export type Result = {
    url: string;
    connections: number;
    /** Seconds, as measured by autocannon. */
    duration: number;
    errors: number;
    timeouts: number;
    mismatches: number;
    non2xx: number;
    resets: number;
    '2xx': number;
    statusCodeStats: Record<string, { count: number }>;
    latency: Histogram;
    requests: Histogram & { sent: number };
    throughput: Histogram;
  };

  /** The running instance: an event emitter that is also a promise of the result. */
  export type Instance = EventEmitter &
    PromiseLike<Result> & {
      on(
        event: 'response',
        listener: (
          client: unknown,
          statusCode: number,
          responseBytes: number,
          responseTimeMs: number,
        ) => void,
      ): Instance;
      on(event: 'reqError', listener: (error: Error) => void): Instance;
    };

  function autocannon(options: Options): Instance;
  export default autocannon;
}
