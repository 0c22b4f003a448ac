// Benchmark 4: submitting an application, POST /api/v1/applications, under load on PostgreSQL.
// Baseline, measured in the same run on the same PostgreSQL server with the same settings: a bare Fastify
// server storing the same JSON body as one row in one transaction (bench/fixtures/insert-server.ts).
// Every request carries a new Idempotency-Key, so every one is a new application.
//
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node --import tsx bench/submit.ts [--quick]
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { startApp } from './lib/app.ts';
import { loadComparisonTable, type LoadMeasurement } from './lib/load-table.ts';
import { isEntryPoint, runMain } from './lib/main.ts';
import { readOptions, type BenchOptions } from './lib/options.ts';
import { createThrowawayDatabase, type ThrowawayDatabase } from './lib/postgres.ts';
import { beginSession, endSession, resultsHeading } from './lib/session.ts';
import { startServer, type ChildServer } from './lib/server.ts';
import { formatCount, formatMs, quantile, sortedCopy } from './lib/stats.ts';

export const SUBMIT_PATH = '/api/v1/applications';
const BASELINE_PATH = '/insert';
/** The targets: at 50 connections, at least half the baseline's throughput, p99 under 150 ms, no errors. */
export const TARGET = { connections: 50, throughputRatio: 0.5, p99Ms: 150 };

export type SubmitMeasurement = LoadMeasurement;

export type SubmitReport = {
  skipped: string | null;
  provision: string | null;
  bodyBytes: number;
  measurements: SubmitMeasurement[];
  notes: string[];
};

function progress(message: string): void {
  console.log(`  submit: ${message}`);
}

/** A family in Utrecht with one child of ten, for one provision: the usual application. */
function applicationBody(provision: string) {
  return {
    municipality: 'GM0344',
    postcode: '3511 AB',
    houseNumber: '12',
    householdType: 'single_parent',
    ageGroup: '21_to_pension',
    assets: 'within_limit',
    incomeSource: 'bijstand',
    income: { kind: 'monthly_net', cents: 110_000 },
    contact: { email: 'ouder@example.org' },
    locale: 'nl',
    consent: {
      by: 'parent',
      text: 'Ik geef toestemming dat Meedoen deze gegevens gebruikt voor de aanvraag.',
    },
    children: [
      {
        firstName: 'Sanne',
        birthDate: `${new Date().getUTCFullYear() - 10}-01-15`,
        provisions: [provision],
      },
    ],
  };
}

async function post(server: ChildServer, path: string, body: string) {
  const response = await fetch(`${server.origin}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body,
  });
  return { status: response.status, text: await response.text() };
}

/** The first provision of the demo catalogue in Utrecht that a ten-year-old's family can apply for. */
async function findProvision(app: ChildServer): Promise<string> {
  const list = await fetch(`${app.origin}/api/v1/provisions?municipality=GM0344&age=10`);
  const { data } = (await list.json()) as { data: { id: string; applicationRoute: string }[] };
  for (const provision of data.filter((p) => p.applicationRoute !== 'intermediary_only')) {
    const answer = await post(app, SUBMIT_PATH, JSON.stringify(applicationBody(provision.id)));
    if (answer.status === 201) return provision.id;
  }
  throw new Error('no provision in Utrecht accepts an application');
}

/** One autocannon run; a new Idempotency-Key on every request. */
async function load(server: ChildServer, path: string, body: string, connections: number, durationS: number) {
  const latencies: number[] = [];
  const instance = autocannon({
    url: server.origin,
    connections,
    duration: durationS,
    timeout: 10,
    requests: [
      {
        method: 'POST',
        path,
        body,
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => ({
          ...request,
          headers: { ...request.headers, 'idempotency-key': randomUUID() },
        }),
      },
    ],
  });
  instance.on('response', (_client, statusCode, _bytes, responseTimeMs) => {
    if (statusCode >= 200 && statusCode < 300) latencies.push(responseTimeMs);
  });
  const result = await instance;
  return { result, latencies };
}

async function measure(
  server: ChildServer,
  role: SubmitMeasurement['role'],
  path: string,
  body: string,
  connections: number,
  durationS: number,
  warmUpS: number,
): Promise<SubmitMeasurement> {
  await load(server, path, body, connections, warmUpS);
  const cpuBefore = await server.cpuMs();
  const ownBefore = process.cpuUsage();
  const started = performance.now();
  const { result, latencies } = await load(server, path, body, connections, durationS);
  const elapsedMs = performance.now() - started;
  const serverCpuMs = (await server.cpuMs()) - cpuBefore;
  const own = process.cpuUsage(ownBefore);
  const sorted = sortedCopy(latencies);
  const ok = result['2xx'];
  const measurement: SubmitMeasurement = {
    target: server.label,
    role,
    connections,
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
    `${server.label}, ${connections} conn: ${formatCount(measurement.requestsPerS)} req/s, p99 ${formatMs(measurement.p99)}, ${measurement.errors + measurement.timeouts + measurement.non2xx} errors`,
  );
  return measurement;
}

export async function runSubmitBenchmark(options: BenchOptions): Promise<SubmitReport> {
  if (!options.postgresUrl) {
    const skipped = 'skipped: set BENCH_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres).';
    progress(skipped);
    return { skipped, provision: null, bodyBytes: 0, measurements: [], notes: [] };
  }
  const settings = options.quick
    ? { connections: [TARGET.connections], durationS: 2, warmUpS: 1 }
    : { connections: [10, TARGET.connections], durationS: 10, warmUpS: 3 };
  const servers: ChildServer[] = [];
  const databases: ThrowawayDatabase[] = [];
  const measurements: SubmitMeasurement[] = [];
  try {
    progress('starting the app on PostgreSQL with the demo catalogue');
    const appDatabase = await createThrowawayDatabase(options.postgresUrl, 'submit');
    databases.push(appDatabase);
    const app = await startApp(
      { kind: 'postgresql', url: appDatabase.url },
      'app: POST /api/v1/applications',
    );
    servers.push(app);
    const provision = await findProvision(app);
    const body = JSON.stringify(applicationBody(provision));
    // Its own database on the same server: the same PostgreSQL, the same disk, nothing else in the tables.
    const baselineDatabase = await createThrowawayDatabase(options.postgresUrl, 'insert');
    databases.push(baselineDatabase);
    const baseline = await startServer({
      label: 'baseline: bare Fastify, one insert in one transaction',
      args: ['--import', 'tsx', 'bench/fixtures/insert-server.ts'],
      env: { DATABASE_URL: baselineDatabase.url },
    });
    servers.push(baseline);
    const check = await post(baseline, BASELINE_PATH, body);
    if (check.status !== 201) throw new Error(`the baseline answered ${check.status}: ${check.text}`);

    for (const connections of settings.connections) {
      const { durationS, warmUpS } = settings;
      measurements.push(
        await measure(baseline, 'baseline', BASELINE_PATH, body, connections, durationS, warmUpS),
      );
      measurements.push(await measure(app, 'app', SUBMIT_PATH, body, connections, durationS, warmUpS));
    }
    return { skipped: null, provision, bodyBytes: Buffer.byteLength(body), measurements, notes: [] };
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    await Promise.all(databases.map((database) => database.drop()));
  }
}

/** Failures against the targets; every request must have succeeded at every connection count. */
export function submitFailures(report: SubmitReport): string[] {
  const failures: string[] = [];
  for (const m of report.measurements) {
    if (m.errors + m.timeouts + m.non2xx > 0 || m.requests === 0)
      failures.push(
        `submit: ${m.target}, ${m.connections} conn: ${m.errors} errors, ${m.timeouts} timeouts, ${m.non2xx} non-2xx`,
      );
  }
  const at = (role: SubmitMeasurement['role']) =>
    report.measurements.find((m) => m.role === role && m.connections === TARGET.connections);
  const app = at('app');
  const baseline = at('baseline');
  if (app && baseline) {
    const ratio = app.requestsPerS / baseline.requestsPerS;
    if (ratio < TARGET.throughputRatio)
      failures.push(
        `submit: ${ratio.toFixed(2)}× the baseline's throughput at ${TARGET.connections} connections (target ≥ ${TARGET.throughputRatio}×)`,
      );
    if (app.p99 >= TARGET.p99Ms)
      failures.push(
        `submit: p99 ${formatMs(app.p99)} at ${TARGET.connections} connections (target < ${TARGET.p99Ms} ms)`,
      );
  }
  return failures;
}

export function formatSubmitReport(report: SubmitReport): string {
  if (report.skipped) return `Submit benchmark ${report.skipped}`;
  const table = loadComparisonTable('POST, PostgreSQL', report.measurements);
  const failures = submitFailures(report);
  const loader = Math.max(...report.measurements.map((m) => m.loadGeneratorCpu));
  return [
    table,
    `\nOne child, one provision (${report.provision}); ${report.bodyBytes} bytes of JSON; a new Idempotency-Key per request.` +
      ` Load generator (autocannon, this process) peaked at ${Math.round(loader * 100)}% of a core.` +
      ` Target at ${TARGET.connections} connections: ≥ ${TARGET.throughputRatio}× the baseline's req/s, p99 < ${TARGET.p99Ms} ms, 0 errors:` +
      ` ${failures.length === 0 ? 'met' : 'MISSED'}.`,
    ...report.notes,
  ].join('\n');
}

if (isEntryPoint(import.meta.url)) {
  await runMain(async () => {
    const options = readOptions();
    const session = beginSession(options);
    const report = await runSubmitBenchmark(options);
    console.log(`\n${resultsHeading(session)}\n\n${formatSubmitReport(report)}\n`);
    endSession(session);
    const failures = submitFailures(report);
    for (const failure of failures) console.error(`FAILED: ${failure}`);
    return failures.length === 0;
  });
}
