// All benchmarks, one table each: `npm run bench`.
//
//   npm run bench                         everything (about 3 minutes; 4 with PostgreSQL)
//   npm run bench -- --quick              short smoke run (or BENCH_QUICK=1)
//   npm run bench -- startup              only the start-up benchmark (or: results-page, eligibility, submit)
//   npm run bench -- --json out.json      also write the raw figures
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench   adds PostgreSQL
import { writeFile } from 'node:fs/promises';
import { runMain } from './lib/main.ts';
import { readOptions } from './lib/options.ts';
import { beginSession, endSession, resultsHeading } from './lib/session.ts';
import {
  formatResultsPageReport,
  loadFailures,
  runResultsPageBenchmark,
  type ResultsPageReport,
} from './results-page.ts';
import { formatStartupReport, runStartupBenchmark, type StartupReport } from './startup.ts';
import { formatEligibilityReport, runEligibilityBenchmark, type EligibilityReport } from './eligibility.ts';
import { formatSubmitReport, runSubmitBenchmark, submitFailures, type SubmitReport } from './submit.ts';
import {
  formatImportReport,
  importFailures,
  runImportBenchmark,
  type ImportReport,
} from './import-deliveries.ts';
import { formatReachReport, reachFailures, runReachBenchmark, type ReachReport } from './reach.ts';

const BENCHMARKS = ['startup', 'results-page', 'eligibility', 'submit', 'reach', 'import'] as const;
type BenchmarkName = (typeof BENCHMARKS)[number];

function parseArguments(argv: readonly string[]): { only: BenchmarkName[]; jsonFile: string | undefined } {
  const only: BenchmarkName[] = [];
  let jsonFile: string | undefined;
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]!;
    if (argument === '--quick') continue;
    if (argument === '--json') {
      jsonFile = argv[++index];
      if (!jsonFile) throw new Error('--json needs a file name');
    } else if ((BENCHMARKS as readonly string[]).includes(argument)) {
      only.push(argument as BenchmarkName);
    } else {
      throw new Error(
        `unknown argument ${argument}; expected --quick, --json FILE, or ${BENCHMARKS.join(', ')}`,
      );
    }
  }
  return { only: only.length > 0 ? only : [...BENCHMARKS], jsonFile };
}

await runMain(async () => {
  const argv = process.argv.slice(2);
  const { only, jsonFile } = parseArguments(argv);
  const options = readOptions(argv);
  const session = beginSession(options);

  let startup: StartupReport | undefined;
  let resultsPage: ResultsPageReport | undefined;
  if (only.includes('startup')) startup = await runStartupBenchmark(options);
  if (only.includes('results-page')) resultsPage = await runResultsPageBenchmark(options);
  let eligibility: EligibilityReport | undefined;
  if (only.includes('eligibility')) eligibility = await runEligibilityBenchmark(options);
  let submit: SubmitReport | undefined;
  if (only.includes('submit')) submit = await runSubmitBenchmark(options);
  let reach: ReachReport | undefined;
  if (only.includes('reach')) reach = await runReachBenchmark(options);

  let deliveriesImport: ImportReport | undefined;
  if (only.includes('import')) deliveriesImport = await runImportBenchmark(options);
  console.log(`\n${resultsHeading(session)}\n`);
  if (startup) console.log(`${formatStartupReport(startup)}\n`);
  if (resultsPage) console.log(`${formatResultsPageReport(resultsPage)}\n`);
  if (eligibility) console.log(`${formatEligibilityReport(eligibility)}\n`);
  if (submit) console.log(`${formatSubmitReport(submit)}\n`);
  if (reach) console.log(`${formatReachReport(reach)}\n`);
  if (deliveriesImport) console.log(`${formatImportReport(deliveriesImport)}\n`);
  const otherWorkCores = endSession(session);

  if (jsonFile) {
    const { machine } = session;
    const raw = {
      machine,
      otherWorkCores,
      quick: options.quick,
      postgres: Boolean(options.postgresUrl),
      startup,
      resultsPage,
      eligibility,
      submit,
      reach,
      deliveriesImport,
    };
    await writeFile(jsonFile, `${JSON.stringify(raw, null, 2)}\n`);
    console.log(`Raw figures written to ${jsonFile}`);
  }

  const failures = resultsPage ? loadFailures(resultsPage) : [];
  if (eligibility?.cases.some((c) => c.p99Ms >= 1))
    failures.push('eligibility: p99 of a check is 1 ms or more');
  if (submit) failures.push(...submitFailures(submit));
  if (deliveriesImport) failures.push(...importFailures(deliveriesImport));
  if (reach) failures.push(...reachFailures(reach));
  for (const failure of failures) console.error(`FAILED: ${failure}`);
  return failures.length === 0;
});
