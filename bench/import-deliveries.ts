// Benchmark: importing 1M partner delivery rows (ready child keys) with `importDeliveries`, against a bare COPY
// of the same file into a table with delivery_records' four indexes (bench/import-deliveries-baseline.ts,
// decision 0005), and for comparison with earlier runs into one with the key and the reference only. On
// PostgreSQL three rounds, each step after a checkpoint, medians reported. Each import runs in a child process
// (bench/fixtures/import-deliveries-child.ts) so its peak RSS is its own.
//
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node --import tsx bench/import-deliveries.ts [--quick]
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { makeTempDir, removeTempDir, repoRoot } from './lib/cleanup.ts';
import { isEntryPoint, runMain } from './lib/main.ts';
import { readOptions, type BenchOptions } from './lib/options.ts';
import { KEY_AND_REFERENCE_COPY_TABLE, SAME_INDEXES_COPY_TABLE } from './import-deliveries-baseline.ts';
import { createThrowawayDatabase, type ThrowawayDatabase } from './lib/postgres.ts';
import { beginSession, endSession, resultsHeading } from './lib/session.ts';
import { maximum, median } from './lib/stats.ts';
import { markdownTable } from './lib/table.ts';

/** The targets of issue 6: at least 0.8× the speed of a bare COPY, peak memory under 300 MB. */
export const TARGET = { speedRatio: 0.8, peakRssMb: 300 };
const POSTGRES_ROUNDS = 3;

/** Medians over the rounds; the peak RSS is the highest of them. */
type Case = {
  database: 'postgresql' | 'pglite';
  rounds: number;
  copyMs: number;
  /** The earlier baseline (key and reference only); PostgreSQL only. */
  keyAndReferenceCopyMs: number | null;
  importMs: number;
  /** The median of each round's COPY time over its import time. */
  speedRatio: number;
  peakRssMb: number;
  rssBeforeMb: number;
  /** Each round as measured, so the spread shows beside the medians. */
  perRound: { copyMs: number; importMs: number; peakRssMb: number }[];
};
export type ImportReport = { rows: number; fileMb: number; cases: Case[]; skipped: string[] };

const run = promisify(execFile);
const child = path.join(repoRoot, 'bench/fixtures/import-deliveries-child.ts');
const municipalities = ['GM0363', 'GM0344', 'GM0599', 'GM0518', 'GM0014', 'GM0034', 'GM0772', 'GM0153'];
const categories = ['sport', 'culture', 'school_costs', 'bicycle', 'computer'];
const incomes = ['bijstand', 'work', 'other_benefit', 'other'];

/**
 * A file as a partner sends it: every 3rd child twice, so keys repeat like real deliveries do. The keys look
 * like `meedoen pseudonymize`'s (an HMAC-SHA256, so in no order): until run 9 they were counters in the
 * file's order, which no partner sends and which spared both the COPY and the import most of the work on the
 * index of keys.
 */
async function generate(file: string, rows: number) {
  const out = createWriteStream(file);
  out.write('reference,municipality,delivered_on,category,value,income_source,child_key\n');
  for (let i = 0; i < rows; i++) {
    const child = createHash('sha256')
      .update(String(i - (i % 3 === 1 ? 1 : 0)))
      .digest('hex');
    const month = String((i % 12) + 1).padStart(2, '0');
    const line = `ref-${i},${municipalities[i % 8]},2025-${month}-15,${categories[i % 5]},"${(i % 200) + 5},50",${incomes[i % 4]},ck1_${child}\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

async function childJson(args: string[]) {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', child, ...args], {
    cwd: repoRoot,
    maxBuffer: 1024 * 1024,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Each step starts with no dirty pages from the step before: one step's writes are not the next one's work. */
const checkpoint = (url: string) => withClient(url, (client) => client.query('checkpoint'));

async function postgresCopy(url: string, file: string, table: string): Promise<number> {
  await checkpoint(url);
  return withClient(url, async (client) => {
    await client.query(table);
    const started = performance.now();
    await pipeline(
      createReadStream(file),
      client.query(
        copyFrom(`copy plain_copy (reference, municipality, delivered_on, category, value, income_source, child_key)
          from stdin with (format csv, header true)`),
      ),
    );
    return performance.now() - started;
  });
}

type Round = { copyMs: number; keyAndReferenceCopyMs: number; import: Record<string, unknown> };

async function postgresRound(serverUrl: string, file: string, rows: number): Promise<Round> {
  const databases: ThrowawayDatabase[] = [];
  try {
    for (const label of ['import_same', 'import_ours', 'import_keyref'])
      databases.push(await createThrowawayDatabase(serverUrl, label));
    const [sameIndexes, ours, keyAndReference] = databases as [
      ThrowawayDatabase,
      ThrowawayDatabase,
      ThrowawayDatabase,
    ];
    console.log('  import: COPY on PostgreSQL, same indexes');
    const copyMs = await postgresCopy(sameIndexes.url, file, SAME_INDEXES_COPY_TABLE);
    console.log('  import: importDeliveries on PostgreSQL');
    await checkpoint(ours.url);
    const imported = await childJson(['import', file, ours.url]);
    if (imported.imported !== rows) throw new Error(`imported ${String(imported.imported)} of ${rows}`);
    console.log('  import: COPY on PostgreSQL, key and reference only');
    const keyAndReferenceCopyMs = await postgresCopy(keyAndReference.url, file, KEY_AND_REFERENCE_COPY_TABLE);
    const importMs = imported.ms as number;
    console.log(
      `  import: round done: COPY ${(copyMs / 1000).toFixed(1)} s, import ${(importMs / 1000).toFixed(1)} s (${(copyMs / importMs).toFixed(2)}×)`,
    );
    return { copyMs, keyAndReferenceCopyMs, import: imported };
  } finally {
    for (const database of databases) await database.drop();
  }
}

function postgresCase(rounds: Round[]): Case {
  const importMs = (round: Round) => round.import.ms as number;
  return {
    database: 'postgresql',
    rounds: rounds.length,
    copyMs: median(rounds.map((round) => round.copyMs)),
    keyAndReferenceCopyMs: median(rounds.map((round) => round.keyAndReferenceCopyMs)),
    importMs: median(rounds.map(importMs)),
    speedRatio: median(rounds.map((round) => round.copyMs / importMs(round))),
    peakRssMb: maximum(rounds.map((round) => round.import.peakRssMb as number)),
    rssBeforeMb: maximum(rounds.map((round) => round.import.rssBeforeMb as number)),
    perRound: rounds.map((round) => ({
      copyMs: round.copyMs,
      importMs: importMs(round),
      peakRssMb: round.import.peakRssMb as number,
    })),
  };
}

export async function runImportBenchmark(options: BenchOptions): Promise<ImportReport> {
  const rows = options.quick ? 100_000 : 1_000_000;
  const dir = await makeTempDir('import');
  const file = path.join(dir, 'deliveries.csv');
  const report: ImportReport = { rows, fileMb: 0, cases: [], skipped: [] };
  try {
    console.log(`  import: generating ${rows} rows`);
    await generate(file, rows);
    report.fileMb = (await stat(file)).size / 1024 / 1024;
    if (options.postgresUrl) {
      const rounds: Round[] = [];
      for (let round = 1; round <= (options.quick ? 1 : POSTGRES_ROUNDS); round++)
        rounds.push(await postgresRound(options.postgresUrl, file, rows));
      report.cases.push(postgresCase(rounds));
    } else report.skipped.push('PostgreSQL (set BENCH_DATABASE_URL)');
    console.log('  import: COPY and importDeliveries on PGlite');
    const copy = await childJson(['pglite-copy', file]);
    const ours = await childJson(['import', file]);
    report.cases.push({
      database: 'pglite',
      rounds: 1,
      copyMs: copy.ms as number,
      keyAndReferenceCopyMs: null,
      importMs: ours.ms as number,
      speedRatio: (copy.ms as number) / (ours.ms as number),
      peakRssMb: ours.peakRssMb as number,
      rssBeforeMb: ours.rssBeforeMb as number,
      perRound: [],
    });
  } finally {
    await removeTempDir(dir);
  }
  return report;
}

export function formatImportReport(report: ImportReport): string {
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const table = markdownTable(
    [
      'database',
      'rounds',
      'COPY, same indexes',
      'importDeliveries',
      'rows/s (ours)',
      'speed vs COPY',
      'COPY, key + reference',
      'speed vs that',
      'peak RSS (before import)',
    ],
    report.cases.map((c) => [
      c.database,
      String(c.rounds),
      seconds(c.copyMs),
      seconds(c.importMs),
      Math.round(report.rows / (c.importMs / 1000)).toLocaleString('en-GB'),
      `${c.speedRatio.toFixed(2)}×`,
      c.keyAndReferenceCopyMs === null ? '–' : seconds(c.keyAndReferenceCopyMs),
      c.keyAndReferenceCopyMs === null ? '–' : `${(c.keyAndReferenceCopyMs / c.importMs).toFixed(2)}×`,
      `${Math.round(c.peakRssMb)} MB (${Math.round(c.rssBeforeMb)} MB)`,
    ]),
    ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
  );
  const skipped = report.skipped.length > 0 ? `\nSkipped: ${report.skipped.join('; ')}` : '';
  const rounds = report.cases
    .filter((c) => c.perRound.length > 1)
    .map(
      (c) =>
        `\n${c.database} rounds (COPY / import = speed, peak RSS): ${c.perRound
          .map(
            (r) =>
              `${seconds(r.copyMs)} / ${seconds(r.importMs)} = ${(r.copyMs / r.importMs).toFixed(2)}×, ${Math.round(r.peakRssMb)} MB`,
          )
          .join('; ')}`,
    )
    .join('');
  return `### Partner import of deliveries: ${report.rows.toLocaleString('en-GB')} rows, ${report.fileMb.toFixed(0)} MB CSV\n\n${table}${rounds}${skipped}`;
}

export function importFailures(report: ImportReport): string[] {
  return report.cases
    .filter((c) => c.database === 'postgresql')
    .flatMap((c) => [
      ...(c.speedRatio < TARGET.speedRatio
        ? [`import: ${c.speedRatio.toFixed(2)}× the COPY speed, target ${TARGET.speedRatio}×`]
        : []),
      ...(c.peakRssMb >= TARGET.peakRssMb
        ? [`import: peak RSS ${Math.round(c.peakRssMb)} MB, target < ${TARGET.peakRssMb} MB`]
        : []),
    ]);
}

if (isEntryPoint(import.meta.url)) {
  await runMain(async () => {
    const options = readOptions();
    const session = beginSession(options);
    const report = await runImportBenchmark(options);
    console.log(`\n${resultsHeading(session)}\n\n${formatImportReport(report)}\n`);
    endSession(session);
    const failures = importFailures(report);
    for (const failure of failures) console.error(`FAILED: ${failure}`);
    return failures.length === 0;
  });
}
