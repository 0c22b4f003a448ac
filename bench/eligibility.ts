// Eligibility: evaluating one household against every provision of a municipality (target: under 1 ms).
// Pure CPU work in this process; the baseline is the plain age filter over the same provisions, measured
// in the same run, so the ratio says what the rules themselves cost.
//
//   node --import tsx bench/eligibility.ts [--quick]
import { readFile } from 'node:fs/promises';
import YAML from 'yaml';
import { catalogueFileSchema } from '../src/catalogue/catalogue-file.ts';
import type { Provision } from '../src/catalogue/index.ts';
import { checkHousehold, type CheckRequest } from '../src/eligibility/check.ts';
import { loadParameters } from '../src/eligibility/load-parameters.ts';
import { exampleSchemesFile, readSchemesFile } from '../src/eligibility/scheme-file.ts';
import { isEntryPoint, runMain } from './lib/main.ts';
import { formatMs, formatRatio, quantile, sortedCopy } from './lib/stats.ts';

export type EligibilityReport = {
  provisions: number;
  cases: { label: string; children: number; medianMs: number; p99Ms: number; baselineMedianMs: number }[];
};

/** The Utrecht part of the example catalogue as the store would return it. */
async function utrechtProvisions(): Promise<Provision[]> {
  const file = catalogueFileSchema.parse(
    YAML.parse(await readFile(new URL('../data/demo/catalogue.yaml', import.meta.url), 'utf8')),
  );
  const names = new Map(file.organisations.map((o) => [o.key, { key: o.key, name: o.name, kind: o.kind }]));
  return file.provisions
    .filter((p) => p.offeredIn === 'nationwide' || p.offeredIn.includes('GM0344'))
    .map((p) => ({
      key: p.key,
      name: p.name,
      description: p.description,
      category: p.category,
      ages: p.ages,
      offeredIn:
        p.offeredIn === 'nationwide' ? 'nationwide' : p.offeredIn.map((code) => ({ code, name: code })),
      fundedBy: names.get(p.fundedBy)!,
      handledBy: names.get(p.handledBy)!,
      owner: names.get(p.owner)!,
      applicationRoute: p.applicationRoute,
      scheme: p.scheme ?? null,
      amount: p.amount ?? null,
      link: p.link ?? null,
      lastChecked: p.lastChecked,
      isExample: true,
    }));
}

function timeEach(iterations: number, work: () => unknown): Float64Array {
  const samples = new Float64Array(iterations);
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    work();
    samples[i] = performance.now() - start;
  }
  return sortedCopy(samples);
}

export async function runEligibilityBenchmark(options: { quick: boolean }): Promise<EligibilityReport> {
  const rules = await readSchemesFile(exampleSchemesFile);
  // The check is pure: the benchmark gives it the example rules as the page would load them.
  const parameters = { ...(await loadParameters()), schemes: new Map(rules.schemes.map((s) => [s.key, s])) };
  const provisions = await utrechtProvisions();
  const iterations = options.quick ? 2_000 : 20_000;
  const cases = [];
  for (const children of [1, 3]) {
    const request: CheckRequest = {
      municipality: 'GM0344',
      household: { type: 'single_parent', ageGroup: '21_to_pension' },
      income: { kind: 'monthly_net', cents: 160000 },
      assets: { kind: 'within_limit' },
      children: Array.from({ length: children }, (_, i) => ({ age: 4 + i * 5 })),
    };
    const ages = request.children.map((c) => ('age' in c ? c.age : 0));
    const run = () => checkHousehold(request, provisions, parameters, '2025-08-01');
    const baseline = () =>
      ages.map((age) => provisions.filter((p) => age >= p.ages.min && age <= p.ages.max));
    timeEach(iterations / 4, run); // warm up both before measuring
    timeEach(iterations / 4, baseline);
    const measured = timeEach(iterations, run);
    const base = timeEach(iterations, baseline);
    cases.push({
      label: `${children} ${children === 1 ? 'child' : 'children'}`,
      children,
      medianMs: quantile(measured, 0.5),
      p99Ms: quantile(measured, 0.99),
      baselineMedianMs: quantile(base, 0.5),
    });
  }
  return { provisions: provisions.length, cases };
}

export function formatEligibilityReport(report: EligibilityReport): string {
  const rows = report.cases.map(
    (c) =>
      `| ${c.label} × ${report.provisions} provisions | ${formatMs(c.medianMs)} | ${formatMs(c.p99Ms)} | ${formatMs(c.baselineMedianMs)} | ${formatRatio(c.medianMs, c.baselineMedianMs)} | ${c.p99Ms < 1 ? 'yes' : 'NO'} |`,
  );
  return [
    '### Eligibility: one household against every provision of Utrecht',
    '',
    '| case | median | p99 | baseline (age filter) median | ratio | p99 under 1 ms |',
    '|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

if (isEntryPoint(import.meta.url)) {
  await runMain(async () => {
    const report = await runEligibilityBenchmark({ quick: process.argv.includes('--quick') });
    console.log(formatEligibilityReport(report));
    return report.cases.every((c) => c.p99Ms < 1);
  });
}
