/**
 * The quarters a "when" in the reporter's words spans: "Start Q3 2019 looptijd tot eind 2020" is 2019-Q3 to
 * 2020-Q4. The words stay the record; the quarters let the tracker sort and filter. Unknown stays null.
 */
export type Timing = { start: string | null; end: string | null };

const QUARTER = /Q([1-4])\s*(?:en\s*Q[1-4]\s*)*(\d{4})/g;
const YEAR_END = /(?:tot\s+(?:en\s+met\s+)?(?:eind\s+)?|eind\s+)(\d{4})/gi;

export function parseTiming(when: string): Timing {
  const quarters: string[] = [];
  for (const match of when.matchAll(QUARTER)) {
    // "Q3 en Q4 2019": every quarter named before the year belongs to that year.
    quarters.push(...[...match[0].matchAll(/Q([1-4])/g)].map((q) => `${match[2]}-Q${q[1]}`));
  }
  // "tot eind 2020" only ends something: it never says when it started.
  const ends = [...when.matchAll(YEAR_END)].map((match) => `${match[1]}-Q4`);
  const start = quarters.sort()[0] ?? null;
  const end = [...quarters, ...ends].sort().at(-1) ?? null;
  return { start, end: end === start ? null : end };
}

/** "2019-Q3" → "Q3 2019", as the programme writes it in both languages. */
export function quarterLabel(quarter: string): string {
  const [year, q] = quarter.split('-');
  return `${q} ${year}`;
}
