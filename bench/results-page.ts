// Benchmark 2: the results page under load, GET /voorzieningen?municipality=GM0344&age=10.
// Baseline, measured in the same run with the same settings: a bare Fastify server answering with a fixed
// copy of the same page. autocannon runs here; every server under test is a child process.
//
//   node --import tsx bench/results-page.ts [--quick]
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import autocannon from 'autocannon';
import { startApp } from './lib/app.ts';
import { loadComparisonTable, type LoadMeasurement } from './lib/load-table.ts';
import { makeTempDir } from './lib/cleanup.ts';
import { isEntryPoint, runMain } from './lib/main.ts';
import { readOptions, type BenchOptions } from './lib/options.ts';
import { beginSession, endSession, resultsHeading } from './lib/session.ts';
import { createThrowawayDatabase } from './lib/postgres.ts';
import { startServer, type ChildServer } from './lib/server.ts';
import { formatCount, formatMs, quantile, sortedCopy } from './lib/stats.ts';

export const RESULTS_PATH = '/voorzieningen?municipality=GM0344&age=10';

export type LoadSettings = { connections: number; durationS: number; warmUpS: number };

export type ResultsPageReport = { pageBytes: number; measurements: LoadMeasurement[]; notes: string[] };

function settingsFor(options: BenchOptions): { connections: number[]; durationS: number; warmUpS: number } {
  return options.quick
    ? { connections: [10], durationS: 2, warmUpS: 1 }
    : { connections: [10, 50], durationS: 10, warmUpS: 3 };
}

function progress(message: string): void {
  console.log(`  results page: ${message}`);
}

/** Runs autocannon once; every request is bounded by autocannon's 10 s timeout, the run by its duration. */
async function load(url: string, connections: number, durationS: number) {
  const latencies: number[] = [];
  const instance = autocannon({ url, connections, duration: durationS, timeout: 10 });
  instance.on('response', (_client, statusCode, _bytes, responseTimeMs) => {
    if (statusCode >= 200 && statusCode < 300) latencies.push(responseTimeMs);
  });
  const result = await instance;
  return { result, latencies };
}

export async function measureLoad(
  server: ChildServer,
  role: LoadMeasurement['role'],
  settings: LoadSettings,
): Promise<LoadMeasurement> {
  const url = `${server.origin}${RESULTS_PATH}`;
  await load(url, settings.connections, settings.warmUpS);

  const cpuBefore = await server.cpuMs();
  const ownBefore = process.cpuUsage();
  const started = performance.now();
  const { result, latencies } = await load(url, settings.connections, settings.durationS);
  const elapsedMs = performance.now() - started;
  const serverCpuMs = (await server.cpuMs()) - cpuBefore;
  const own = process.cpuUsage(ownBefore);

  const sorted = sortedCopy(latencies);
  const ok = result['2xx'];
  const measurement: LoadMeasurement = {
    target: server.label,
    role,
    connections: settings.connections,
    durationS: elapsedMs / 1000,
    requests: ok,
    requestsPerS: ok / (elapsedMs / 1000),
    p50: quantile(sorted, 0.5),
    p90: quantile(sorted, 0.9),
    p99: quantile(sorted, 0.99),
    max: quantile(sorted, 1),
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    serverCpu: serverCpuMs / elapsedMs,
    serverCpuMsPerRequest: ok > 0 ? serverCpuMs / ok : Number.NaN,
    loadGeneratorCpu: (own.user + own.system) / 1000 / elapsedMs,
  };
  progress(
    `${server.label}, ${settings.connections} conn: ${formatCount(measurement.requestsPerS)} req/s, p99 ${formatMs(measurement.p99)}`,
  );
  return measurement;
}

async function fetchPage(server: ChildServer): Promise<string> {
  const response = await fetch(`${server.origin}${RESULTS_PATH}`);
  const body = await response.text();
  if (response.status !== 200)
    throw new Error(`${server.label}: ${RESULTS_PATH} answered ${response.status}`);
  if (!body.includes('GM0344') && !body.includes('Utrecht')) {
    throw new Error(`${server.label}: ${RESULTS_PATH} does not look like the results page for Utrecht`);
  }
  return body;
}

export async function runResultsPageBenchmark(options: BenchOptions): Promise<ResultsPageReport> {
  const settings = settingsFor(options);
  const notes: string[] = [];
  const measurements: LoadMeasurement[] = [];
  const stopAfterwards: ChildServer[] = [];

  try {
    progress('starting the app on PGlite with the demo catalogue');
    const dataDir = await makeTempDir('load-pglite');
    const pgliteApp = await startApp({ kind: 'pglite', dataDir }, 'app, PGlite');
    stopAfterwards.push(pgliteApp);

    const page = await fetchPage(pgliteApp);
    const pageFile = path.join(await makeTempDir('static-page'), 'results.html');
    await writeFile(pageFile, page);
    const staticServer = await startServer({
      label: 'baseline: bare Fastify, fixed page',
      args: ['--import', 'tsx', 'bench/fixtures/static-page-server.ts'],
      env: { STATIC_PAGE_FILE: pageFile },
    });
    stopAfterwards.push(staticServer);

    for (const connections of settings.connections) {
      const each = { connections, durationS: settings.durationS, warmUpS: settings.warmUpS };
      measurements.push(await measureLoad(staticServer, 'baseline', each));
      measurements.push(await measureLoad(pgliteApp, 'app', each));
    }
    await pgliteApp.stop();

    if (options.postgresUrl) {
      progress('starting the app on PostgreSQL with the demo catalogue');
      const database = await createThrowawayDatabase(options.postgresUrl, 'load');
      const postgresApp = await startApp({ kind: 'postgresql', url: database.url }, 'app, PostgreSQL');
      stopAfterwards.push(postgresApp);
      if ((await fetchPage(postgresApp)) !== page)
        notes.push('Note: the page from PostgreSQL differs from the PGlite one.');
      for (const connections of settings.connections) {
        const each = { connections, durationS: settings.durationS, warmUpS: settings.warmUpS };
        measurements.push(await measureLoad(postgresApp, 'app', each));
      }
      await postgresApp.stop();
      await database.drop();
    } else {
      notes.push(
        'PostgreSQL case skipped: set BENCH_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres).',
      );
    }
    return { pageBytes: Buffer.byteLength(page), measurements, notes };
  } finally {
    await Promise.all(stopAfterwards.map((server) => server.stop()));
  }
}

/** Every request must have succeeded, or the figures mean nothing. */
export function loadFailures(report: ResultsPageReport): string[] {
  return report.measurements
    .filter((m) => m.errors + m.timeouts + m.non2xx > 0 || m.requests === 0)
    .map(
      (m) =>
        `${m.target}, ${m.connections} connections: ${m.errors} errors, ${m.timeouts} timeouts, ${m.non2xx} non-2xx, ${m.requests} ok`,
    );
}

export function formatResultsPageReport(report: ResultsPageReport): string {
  const table = loadComparisonTable(`GET ${RESULTS_PATH}`, report.measurements);
  const durations = [...new Set(report.measurements.map((m) => Math.round(m.durationS)))].join(', ');
  const loader = Math.max(...report.measurements.map((m) => m.loadGeneratorCpu));
  return [
    table,
    `\nPage: ${report.pageBytes} bytes of HTML. Each row: ${durations} s measured after a warm-up.` +
      ` Load generator (autocannon, this process) peaked at ${Math.round(loader * 100)}% of a core.`,
    ...report.notes,
  ].join('\n');
}

if (isEntryPoint(import.meta.url)) {
  await runMain(async () => {
    const options = readOptions();
    const session = beginSession(options);
    const report = await runResultsPageBenchmark(options);
    console.log(`\n${resultsHeading(session)}\n\n${formatResultsPageReport(report)}\n`);
    endSession(session);
    const failures = loadFailures(report);
    for (const failure of failures) console.error(`FAILED: ${failure}`);
    return failures.length === 0;
  });
}
