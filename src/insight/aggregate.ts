import { lifeDomains, type LifeDomain } from './domains.ts';
import { discloseSymmetric, discloseTable, type ProtectedTable, type Published } from './disclose.ts';

/** What aggregation needs of one record: when (quarter), where (municipality), which domains. */
export type RecordFacts = { quarter: string; municipality: string; domains: string[] };

export type InsightFigures = {
  total: Published;
  domains: readonly LifeDomain[];
  /** Records touching both domains; the diagonal is records touching that one. */
  matrix: Published[][];
  quarters: { labels: string[]; table: ProtectedTable };
  municipalities: { labels: string[]; table: ProtectedTable };
};

/** "2026-02-14" → "2026-Q1". */
export function quarterOf(isoDate: string): string {
  const month = Number(isoDate.slice(5, 7));
  return `${isoDate.slice(0, 4)}-Q${Math.ceil(month / 3)}`;
}

function byGroup(records: RecordFacts[], group: (r: RecordFacts) => string) {
  const labels = [...new Set(records.map(group))].sort();
  const cells = labels.map((label) => {
    const mine = records.filter((r) => group(r) === label);
    return lifeDomains.map((domain) => mine.filter((r) => r.domains.includes(domain)).length);
  });
  const rowTotals = labels.map((label) => records.filter((r) => group(r) === label).length);
  const columnTotals = lifeDomains.map((domain) => records.filter((r) => r.domains.includes(domain)).length);
  return {
    labels,
    table: discloseTable({ cells, rowTotals, columnTotals, grandTotal: records.length }),
  };
}

/** The figures of the insight page, every one through disclosure control. Pure. */
export function insightFigures(records: RecordFacts[]): InsightFigures {
  const matrix = lifeDomains.map((a) =>
    lifeDomains.map((b) => records.filter((r) => r.domains.includes(a) && r.domains.includes(b)).length),
  );
  const quarters = byGroup(records, (r) => r.quarter);
  return {
    total: quarters.table.grandTotal!,
    domains: lifeDomains,
    matrix: discloseSymmetric(matrix),
    quarters,
    municipalities: byGroup(records, (r) => r.municipality),
  };
}
