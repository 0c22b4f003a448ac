import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  defaultDisclosureRules as rules,
  protectTable,
  publishPercent,
  type CountTable,
  type Published,
} from './index.ts';

/**
 * An attacker's independent solver: the published figures, every row and column sum, and what a reader
 * knows of a hidden figure (its reason: "fewer than 10" means 1-9, "to protect another" means 10 or more).
 * For each hidden figure it looks for another integer solution in which that figure differs.
 */
type Unknown = { truth: number; low: number; high: number };
type Equation = { terms: { unknown: number; sign: number }[]; constant: number };

function attackerView(table: CountTable, published: ReturnType<typeof protectTable>) {
  const unknowns: Unknown[] = [];
  const cap = table.rowTotals.reduce((a, b) => a + b, 0) + 1;
  const term = (figure: Published, truth: number, sign: number) => {
    if (!figure.suppressed) return { known: sign * figure.value };
    const small = figure.suppressed.code === 'small-count';
    unknowns.push({ truth, low: small ? 1 : rules.minimumCount, high: small ? rules.minimumCount - 1 : cap });
    return { unknown: unknowns.length - 1, sign };
  };
  const equation = (parts: ({ known: number } | { unknown: number; sign: number })[]): Equation => ({
    terms: parts.flatMap((part) => ('unknown' in part ? [part] : [])),
    constant: parts.reduce((sum, part) => sum + ('known' in part ? part.known : 0), 0),
  });
  const cellTerms = table.cells.map((row, r) =>
    row.map((value, c) => term(published.cells[r]![c]!, value, 1)),
  );
  const rowTotalTerms = table.rowTotals.map((value, r) => term(published.rowTotals[r]!, value, -1));
  const equations = cellTerms.map((row, r) => equation([...row, rowTotalTerms[r]!]));
  if (table.columnTotals) {
    const columnTerms = table.columnTotals.map((value, c) => term(published.columnTotals![c]!, value, -1));
    const grand = term(published.grandTotal!, table.grandTotal!, -1);
    table.columnTotals.forEach((_, c) =>
      equations.push(equation([...cellTerms.map((row) => row[c]!), columnTerms[c]!])),
    );
    equations.push(equation([...rowTotalTerms.map(flip), grand]));
    equations.push(equation([...columnTerms.map(flip), grand]));
  }
  return { unknowns, equations };
}

const flip = (part: { known: number } | { unknown: number; sign: number }) =>
  'known' in part ? { known: -part.known } : { unknown: part.unknown, sign: -part.sign };

/** Depth-first search with propagation, values tried nearest the truth first; a node budget bounds it. */
function solvable(
  unknowns: Unknown[],
  equations: Equation[],
  fixed: Map<number, number>,
  budget = { nodes: 200_000 },
): boolean {
  const values = new Map(fixed);
  const search = (): boolean => {
    if (--budget.nodes < 0) throw new Error('solver budget exhausted');
    for (const eq of equations) {
      const open = eq.terms.filter((t) => !values.has(t.unknown));
      const sum =
        eq.constant +
        eq.terms
          .filter((t) => values.has(t.unknown))
          .reduce((s, t) => s + t.sign * values.get(t.unknown)!, 0);
      if (open.length === 0 && sum !== 0) return false;
      if (open.length === 1) {
        const only = open[0]!;
        const value = -sum * only.sign;
        const u = unknowns[only.unknown]!;
        if (value < u.low || value > u.high) return false;
        values.set(only.unknown, value);
        const ok = search();
        values.delete(only.unknown);
        return ok;
      }
    }
    const next = unknowns.findIndex((_, index) => !values.has(index));
    if (next < 0) return true;
    const u = unknowns[next]!;
    for (let distance = 0; u.truth - distance >= u.low || u.truth + distance <= u.high; distance += 1) {
      for (const value of distance === 0 ? [u.truth] : [u.truth - distance, u.truth + distance]) {
        if (value < u.low || value > u.high) continue;
        values.set(next, value);
        const ok = search();
        values.delete(next);
        if (ok) return true;
      }
    }
    return false;
  };
  return search();
}

/**
 * The hidden figures the attacker can pin down. Another solution is looked for within one of the truth for
 * every hidden figure (what the protection promises: a cycle of ±1 through hidden cells), which keeps the
 * search small enough to finish; a figure with no such alternative counts as recoverable, so the property
 * errs on the strict side.
 */
function recoverable(table: CountTable, published = protectTable(table, { ...rules, roundTo: 1 })): number[] {
  const view = attackerView(table, published);
  const unknowns = view.unknowns.map((u) => ({
    ...u,
    low: Math.max(u.low, u.truth - 1),
    high: Math.min(u.high, u.truth + 1),
  }));
  const { equations } = view;
  return unknowns.flatMap((u, index) => {
    const others = [-1, 1].map((d) => u.truth + d).filter((v) => v >= u.low && v <= u.high);
    return others.some((value) => solvable(unknowns, equations, new Map([[index, value]]))) ? [] : [index];
  });
}

const smallCount = fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 60 }));
const additiveTable = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }))
  .chain(([rows, columns]) =>
    fc.array(fc.array(smallCount, { minLength: columns, maxLength: columns }), {
      minLength: rows,
      maxLength: rows,
    }),
  )
  .map((cells): CountTable => {
    const columns = cells[0]!.length;
    const columnTotals = Array.from({ length: columns }, (_, c) => cells.reduce((s, row) => s + row[c]!, 0));
    return {
      cells,
      rowTotals: cells.map((row) => row.reduce((a, b) => a + b, 0)),
      columnTotals,
      grandTotal: columnTotals.reduce((a, b) => a + b, 0),
    };
  });

test('no hidden count in a table with row and column totals can be worked out from what is published', () => {
  fc.assert(
    fc.property(additiveTable, (table) => assert.deepEqual(recoverable(table), [])),
    { numRuns: 300 },
  );
});

test('the attacker finds a count that is hidden alone (so the checks above can fail)', () => {
  const table = {
    cells: [
      [3, 40],
      [25, 60],
    ],
    rowTotals: [43, 85],
    columnTotals: [28, 100],
    grandTotal: 128,
  };
  const shown = (value: number): Published => ({ value, rounded: false, suppressed: null });
  const naive = {
    cells: [
      [
        {
          value: null,
          rounded: false,
          suppressed: { code: 'small-count', text: { nl: '', en: '' } },
        } as Published,
        shown(40),
      ],
      [shown(25), shown(60)],
    ],
    rowTotals: [shown(43), shown(85)],
    columnTotals: [shown(28), shown(100)],
    grandTotal: shown(128),
  };
  assert.deepEqual(recoverable(table, naive), [0]);
});

test('no hidden count in a table with row totals only can be worked out either', () => {
  fc.assert(
    fc.property(additiveTable, ({ cells, rowTotals }) =>
      assert.deepEqual(recoverable({ cells, rowTotals }), []),
    ),
    { numRuns: 300 },
  );
});

const allFigures = (published: ReturnType<typeof protectTable>) => [
  ...published.cells.flat(),
  ...published.rowTotals,
  ...(published.columnTotals ?? []),
  ...(published.grandTotal ? [published.grandTotal] : []),
];

test('a published count is 0 or at least 10, and a small unit shows multiples of 5', () => {
  fc.assert(
    fc.property(additiveTable, fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }), (table, small) => {
      const published = protectTable({ ...table, smallRows: small });
      for (const figure of allFigures(published)) {
        if (figure.suppressed) {
          assert.ok(figure.suppressed.text.nl.length > 0 && figure.suppressed.text.en.length > 0);
          continue;
        }
        assert.ok(figure.value === 0 || figure.value >= 10, `published ${figure.value}`);
      }
      published.cells.forEach((row, r) => {
        if (small[r])
          for (const figure of [...row, published.rowTotals[r]!])
            if (!figure.suppressed) assert.equal(figure.value % 5, 0);
      });
    }),
    { numRuns: 300 },
  );
});

test('a hidden count says why, and a count of 3 in a table of large counts hides its neighbours too', () => {
  const published = protectTable({
    cells: [
      [3, 40],
      [25, 60],
    ],
    rowTotals: [43, 85],
    columnTotals: [28, 100],
    grandTotal: 128,
  });
  assert.equal(published.cells[0]![0]!.suppressed?.code, 'small-count');
  const hidden = allFigures(published).filter((figure) => figure.suppressed);
  assert.ok(hidden.length >= 4, 'a rectangle of four');
  assert.ok(hidden.some((figure) => figure.suppressed?.code === 'secondary'));
  assert.equal(published.grandTotal?.value, 128, 'the grand total stays when cells can carry the protection');
});

test('a percentage needs 10 or more reached, a target group of 50 or more, and a shown count', () => {
  const shown = (value: number): Published => ({ value, rounded: false, suppressed: null });
  assert.equal(publishPercent(shown(25), 100).value, 25);
  assert.equal(publishPercent(shown(9), 100).suppressed?.code, 'percent-small-numerator');
  assert.equal(publishPercent(shown(20), 49).suppressed?.code, 'percent-small-denominator');
  assert.equal(publishPercent(shown(20), null).suppressed?.code, 'percent-no-denominator');
  const hidden = protectTable({ cells: [[4]], rowTotals: [4] }).cells[0]![0]!;
  assert.equal(publishPercent(hidden, 100).suppressed?.code, 'percent-count-hidden');
});
