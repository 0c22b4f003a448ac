// Benchmark 1: start-up time, from spawning `node bin/meedoen.mjs serve` to the first 200 from /health.
// Baseline, measured in the same run the same way: `node` running a trivial node:http server.
//
//   node --import tsx bench/startup.ts [--quick]
import { appEnvironment, READY_LINE, startApp, type AppDatabase } from './lib/app.ts';
import { makeTempDir, removeTempDir } from './lib/cleanup.ts';
import { isEntryPoint, runMain } from './lib/main.ts';
import { readOptions, type BenchOptions } from './lib/options.ts';
import { beginSession, endSession, resultsHeading } from './lib/session.ts';
import { createThrowawayDatabase, type ThrowawayDatabase } from './lib/postgres.ts';
import { runNode, startServer, waitForOutput, type ChildServer } from './lib/server.ts';
import { formatMs, formatRatio, maximum, median } from './lib/stats.ts';
import { markdownTable } from './lib/table.ts';

export type StartupCase = {
  name: string;
  role: 'baseline' | 'reference' | 'app';
  /** Spawn to first 200 from the health path, per run. */
  samplesMs: number[];
  /** The app's own "ready in N ms" (from the start of serve(), so without process start and module loading). */
  ownReadyMs: number[];
};

/** Where the time goes, phase by phase (bench/fixtures/startup-phases.ts), median over the runs. */
export type PhaseBreakdown = {
  name: string;
  runs: number;
  phasesMs: Record<string, number>;
  totalMs: number;
};

export type StartupReport = { cases: StartupCase[]; breakdowns: PhaseBreakdown[]; notes: string[] };

const TRIVIAL_SERVER = 'bench/fixtures/trivial-server.mjs';
const PHASES_SCRIPT = 'bench/fixtures/startup-phases.ts';

type Counts = {
  baseline: number;
  fresh: number;
  existing: number;
  phasesFresh: number;
  phasesExisting: number;
};

function counts(options: BenchOptions): Counts {
  return options.quick
    ? { baseline: 2, fresh: 1, existing: 2, phasesFresh: 1, phasesExisting: 1 }
    : { baseline: 5, fresh: 3, existing: 5, phasesFresh: 2, phasesExisting: 3 };
}

function progress(message: string): void {
  console.log(`  startup: ${message}`);
}

/** Starts a server, notes how long it took, stops it. */
async function measureOnce(start: () => Promise<ChildServer>, into: StartupCase): Promise<void> {
  const server = await start();
  try {
    into.samplesMs.push(server.readyMs);
    if (into.role === 'app') {
      // The line is printed just after listen(); the pipe may deliver it a moment after the first 200.
      const line = await waitForOutput(server, READY_LINE);
      if (line) into.ownReadyMs.push(Number(line[1]));
    }
    progress(`${into.name}: ${formatMs(server.readyMs)}`);
  } finally {
    await server.stop();
  }
}

function newCase(name: string, role: StartupCase['role']): StartupCase {
  return { name, role, samplesMs: [], ownReadyMs: [] };
}

async function trivialServers(count: Counts): Promise<StartupCase[]> {
  const baseline = newCase('baseline: node + node:http, trivial server', 'baseline');
  const withTsx = newCase('reference: node + tsx loader, same trivial server', 'reference');
  for (let run = 0; run < count.baseline; run++) {
    await measureOnce(() => startServer({ label: baseline.name, args: [TRIVIAL_SERVER] }), baseline);
    await measureOnce(
      () => startServer({ label: withTsx.name, args: ['--import', 'tsx', TRIVIAL_SERVER] }),
      withTsx,
    );
  }
  return [baseline, withTsx];
}

async function pgliteStarts(count: Counts): Promise<StartupCase[]> {
  const fresh = newCase('app, PGlite, fresh data dir', 'app');
  const existing = newCase('app, PGlite, existing data dir', 'app');
  let dataDir: string | undefined;
  for (let run = 0; run < count.fresh; run++) {
    if (dataDir) await removeTempDir(dataDir);
    dataDir = await makeTempDir('pglite');
    const database: AppDatabase = { kind: 'pglite', dataDir };
    await measureOnce(() => startApp(database, fresh.name), fresh);
  }
  const database: AppDatabase = { kind: 'pglite', dataDir: dataDir! };
  for (let run = 0; run < count.existing; run++)
    await measureOnce(() => startApp(database, existing.name), existing);
  await removeTempDir(dataDir!);
  return [fresh, existing];
}

async function postgresStarts(serverUrl: string, count: Counts): Promise<StartupCase[]> {
  const fresh = newCase('app, PostgreSQL, empty database', 'app');
  const existing = newCase('app, PostgreSQL, existing database', 'app');
  let database: ThrowawayDatabase | undefined;
  for (let run = 0; run < count.fresh; run++) {
    if (database) await database.drop();
    database = await createThrowawayDatabase(serverUrl, 'startup');
    const url = database.url;
    await measureOnce(() => startApp({ kind: 'postgresql', url }, fresh.name), fresh);
  }
  const url = database!.url;
  for (let run = 0; run < count.existing; run++) {
    await measureOnce(() => startApp({ kind: 'postgresql', url }, existing.name), existing);
  }
  await database!.drop();
  return [fresh, existing];
}

type PhaseRun = { phases: Record<string, number>; totalMs: number };

async function phaseRun(env: Record<string, string>): Promise<PhaseRun> {
  const output = await runNode('start-up phases', ['--import', 'tsx', PHASES_SCRIPT], env);
  const lastLine = output.trim().split('\n').at(-1) ?? '';
  return JSON.parse(lastLine) as PhaseRun;
}

function summarise(name: string, runs: PhaseRun[]): PhaseBreakdown {
  const phaseNames = Object.keys(runs[0]?.phases ?? {});
  const phasesMs = Object.fromEntries(
    phaseNames.map((phase) => [phase, median(runs.map((run) => run.phases[phase] ?? Number.NaN))]),
  );
  progress(`${name}: ${formatMs(median(runs.map((run) => run.totalMs)))} until ready to listen`);
  return { name, runs: runs.length, phasesMs, totalMs: median(runs.map((run) => run.totalMs)) };
}

/**
 * The same start, phase by phase: a fresh store each time, then one store again and again. A diagnostic:
 * when it breaks (it mirrors serve()), the run goes on and says so.
 */
async function breakdown(
  label: string,
  count: Counts,
  freshStore: () => Promise<{ env: Record<string, string>; discard: () => Promise<void> }>,
  notes: string[],
): Promise<PhaseBreakdown[]> {
  try {
    return await breakdownUnsafe(label, count, freshStore);
  } catch (error) {
    const message = (error as Error).message.split('\n').slice(0, 6).join(' / ');
    notes.push(`Start-up breakdown (${label}) unavailable: ${message}`);
    return [];
  }
}

async function breakdownUnsafe(
  label: string,
  count: Counts,
  freshStore: () => Promise<{ env: Record<string, string>; discard: () => Promise<void> }>,
): Promise<PhaseBreakdown[]> {
  const fresh: PhaseRun[] = [];
  const existing: PhaseRun[] = [];
  let store = await freshStore();
  for (let run = 0; run < count.phasesFresh; run++) {
    if (run > 0) {
      await store.discard();
      store = await freshStore();
    }
    fresh.push(await phaseRun(store.env));
  }
  for (let run = 0; run < count.phasesExisting; run++) existing.push(await phaseRun(store.env));
  await store.discard();
  return [summarise(`${label}, fresh`, fresh), summarise(`${label}, existing`, existing)];
}

export async function runStartupBenchmark(options: BenchOptions): Promise<StartupReport> {
  const count = counts(options);
  const notes: string[] = [];

  // Unmeasured warm-up: fills the OS file cache and tsx's transform cache, which a real restart also has.
  progress('warm-up (not measured)');
  const warmUpDir = await makeTempDir('warm-up');
  await measureOnce(
    () => startApp({ kind: 'pglite', dataDir: warmUpDir }, 'warm-up'),
    newCase('warm-up', 'app'),
  );
  await removeTempDir(warmUpDir);

  const cases = [...(await trivialServers(count)), ...(await pgliteStarts(count))];
  const breakdowns = await breakdown(
    'PGlite',
    count,
    async () => {
      const dataDir = await makeTempDir('phases');
      return { env: appEnvironment({ kind: 'pglite', dataDir }), discard: () => removeTempDir(dataDir) };
    },
    notes,
  );
  const postgresUrl = options.postgresUrl;
  if (postgresUrl) {
    cases.push(...(await postgresStarts(postgresUrl, count)));
    breakdowns.push(
      ...(await breakdown(
        'PostgreSQL',
        count,
        async () => {
          const database = await createThrowawayDatabase(postgresUrl, 'phases');
          return { env: appEnvironment({ kind: 'postgresql', url: database.url }), discard: database.drop };
        },
        notes,
      )),
    );
  } else {
    notes.push(
      'PostgreSQL cases skipped: set BENCH_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres).',
    );
  }
  return { cases, breakdowns, notes };
}

export function formatStartupReport(report: StartupReport): string {
  const baseline = report.cases.find((entry) => entry.role === 'baseline');
  const baselineMedian = baseline ? median(baseline.samplesMs) : Number.NaN;
  const rows = report.cases.map((entry) => [
    entry.name,
    String(entry.samplesMs.length),
    formatMs(median(entry.samplesMs)),
    formatMs(maximum(entry.samplesMs)),
    entry.role === 'baseline' ? '1.00× (baseline)' : formatRatio(median(entry.samplesMs), baselineMedian),
    entry.ownReadyMs.length > 0 ? formatMs(median(entry.ownReadyMs)) : '—',
  ]);
  const table = markdownTable(
    [
      'Start-up (spawn → first 200 from /health)',
      'runs',
      'median',
      'max',
      'median vs baseline',
      "app's own 'ready in'",
    ],
    rows,
    ['left', 'right', 'right', 'right', 'right', 'right'],
  );
  return [table, formatBreakdowns(report.breakdowns), ...report.notes].join('\n\n');
}

function formatBreakdowns(breakdowns: PhaseBreakdown[]): string {
  if (breakdowns.length === 0) return '';
  const phaseNames = [...new Set(breakdowns.flatMap((entry) => Object.keys(entry.phasesMs)))];
  const rows = [
    ...phaseNames.map((phase) => [
      phase,
      ...breakdowns.map((entry) => formatMs(entry.phasesMs[phase] ?? Number.NaN)),
    ]),
    ['total, until ready to listen', ...breakdowns.map((entry) => formatMs(entry.totalMs))],
  ];
  return markdownTable(
    [
      'Where start-up time goes (in-process phases, median)',
      ...breakdowns.map((entry) => `${entry.name} (${entry.runs}×)`),
    ],
    rows,
    ['left', ...breakdowns.map(() => 'right' as const)],
  );
}

if (isEntryPoint(import.meta.url)) {
  await runMain(async () => {
    const options = readOptions();
    const session = beginSession(options);
    const report = await runStartupBenchmark(options);
    console.log(`\n${resultsHeading(session)}\n\n${formatStartupReport(report)}\n`);
    endSession(session);
  });
}
