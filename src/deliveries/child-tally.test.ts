import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ChildTally } from './child-tally.ts';

type Row = { code: string; year: number; key: string; income: string; category: string };

/** The counts the reach wants, worked out with sets: each child once per cell and once per value. */
function countedWithSets(rows: Row[]) {
  const group = (income: string) => (income === 'bijstand' || income === 'work' ? income : 'other');
  const sets = new Map<string, Set<string>>();
  const add = (name: string, key: string) => sets.set(name, (sets.get(name) ?? new Set()).add(key));
  for (const row of rows) {
    const cell = `${row.code}|${row.year}`;
    add(`${cell} total`, row.key);
    add(`${cell} income ${group(row.income)}`, row.key);
    add(`${cell} category ${row.category}`, row.key);
  }
  return new Map([...sets].map(([name, keys]) => [name, keys.size]));
}

function countedByTally(tally: ChildTally) {
  const counts = new Map<string, number>();
  for (const [cell, cellCounts] of tally.counts()) {
    counts.set(`${cell} total`, cellCounts.children);
    for (const [group, n] of cellCounts.income) if (n > 0) counts.set(`${cell} income ${group}`, n);
    for (const [category, n] of cellCounts.category) if (n > 0) counts.set(`${cell} category ${category}`, n);
  }
  return counts;
}

function tallied(rows: Row[], mostChildren?: number) {
  const tally = new ChildTally(mostChildren);
  for (const row of rows) tally.add(tally.cell(row.code, row.year), row.key, row.income, row.category);
  return tally;
}

/** Keys that differ in one hex digit only, anywhere in the 64: a tally that compared less would merge them. */
const keyWith = (position: number, digit: string) =>
  `ck1_${'0'.repeat(position)}${digit}${'0'.repeat(63 - position)}`;

function generatedRows(count: number, seed: number): Row[] {
  let state = seed;
  const next = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)]!;
  const keys = Array.from({ length: Math.ceil(count / 3) }, (_, n) =>
    next() < 0.5
      ? keyWith(n % 64, ((n >> 6) % 15).toString(16))
      : `ck1_${n.toString(16).padStart(8, '0')}${'ab'.repeat(28)}`,
  );
  return Array.from({ length: count }, () => ({
    code: pick(['GM0363', 'GM0344', 'GM0014']),
    year: pick([2024, 2025]),
    key: pick(keys),
    income: pick(['bijstand', 'work', 'other_benefit', 'other']),
    category: pick(['sport', 'culture', 'birthday', 'computer']),
  }));
}

describe('the tally of an import: children per cell, counted as the rows are read', () => {
  test('each child counts once per cell and once per income group and category, as sets count them', () => {
    const rows = generatedRows(200_000, 7);
    assert.deepEqual(countedByTally(tallied(rows)), countedWithSets(rows));
  });

  test('keys that differ in one digit are different children; the same key in two cells counts in each', () => {
    const rows: Row[] = [
      ...Array.from({ length: 64 }, (_, position) => ({
        code: 'GM0363',
        year: 2025,
        key: keyWith(position, '1'),
        income: 'work',
        category: 'sport',
      })),
      { code: 'GM0344', year: 2025, key: keyWith(0, '1'), income: 'bijstand', category: 'sport' },
      { code: 'GM0363', year: 2024, key: keyWith(0, '1'), income: 'bijstand', category: 'sport' },
    ];
    const counts = tallied(rows).counts();
    assert.equal(counts.get('GM0363|2025')?.children, 64);
    assert.equal(counts.get('GM0344|2025')?.children, 1);
    assert.equal(counts.get('GM0363|2024')?.income.get('bijstand'), 1);
  });

  test('a spoiled cell, or one with a category the catalogue does not list, is left to the database', () => {
    const rows = generatedRows(1_000, 11);
    const tally = tallied([
      ...rows,
      { code: 'GM0014', year: 2024, key: keyWith(3, 'f'), income: 'work', category: 'school' },
    ]);
    tally.spoil([{ municipalityCode: 'GM0363', year: 2025 }]);
    assert.deepEqual([...tally.counts().keys()].sort(), [
      'GM0014|2025',
      'GM0344|2024',
      'GM0344|2025',
      'GM0363|2024',
    ]);
  });

  test('beyond its limit the tally gives up and counts no cell', () => {
    const rows = generatedRows(3_000, 13);
    const distinct = new Set(rows.map((row) => `${row.code}|${row.year}|${row.key}`)).size;
    assert.equal(tallied(rows, distinct).counts().size, 6, 'at the limit it still counts');
    assert.equal(tallied(rows, distinct - 1).counts().size, 0);
  });
});
