import { formatCount, formatMs, formatRatio } from './stats.ts';
import { markdownTable } from './table.ts';

/** One load run against one server, as autocannon and the CPU sampling saw it. */
export type LoadMeasurement = {
  target: string;
  role: 'baseline' | 'app';
  connections: number;
  durationS: number;
  requests: number;
  requestsPerS: number;
  /** Latency percentiles in ms, of the 2xx responses, from autocannon's per-response timings. */
  p50: number;
  p90: number;
  p99: number;
  max: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  /** Server CPU (user + system) during the measured window, as a share of one core. */
  serverCpu: number;
  /** CPU time the server spent per request, in ms. */
  serverCpuMsPerRequest: number;
  /** CPU of this process (the load generator) during the window, as a share of one core. */
  loadGeneratorCpu: number;
};

/** The table of a load benchmark: each run with its ratios to the baseline at the same connections. */
export function loadComparisonTable(firstHeader: string, measurements: readonly LoadMeasurement[]): string {
  const baselineFor = (connections: number) =>
    measurements.find((m) => m.role === 'baseline' && m.connections === connections);
  const rows = measurements.map((m) => {
    const baseline = baselineFor(m.connections);
    const isBaseline = m.role === 'baseline';
    return [
      m.target,
      String(m.connections),
      formatCount(m.requestsPerS),
      formatMs(m.p50),
      formatMs(m.p90),
      formatMs(m.p99),
      String(m.errors + m.timeouts + m.non2xx),
      `${Math.round(m.serverCpu * 100)}%`,
      formatMs(m.serverCpuMsPerRequest),
      isBaseline ? '1.00×' : baseline ? formatRatio(m.requestsPerS, baseline.requestsPerS) : '—',
      isBaseline ? '1.00×' : baseline ? formatRatio(m.p99, baseline.p99) : '—',
    ];
  });
  return markdownTable(
    [
      firstHeader,
      'conn',
      'req/s',
      'p50',
      'p90',
      'p99',
      'errors+non-2xx',
      'server CPU',
      'CPU/request',
      'req/s vs baseline',
      'p99 vs baseline',
    ],
    rows,
    ['left', ...Array<'right'>(10).fill('right')],
  );
}
