import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { insightFigures, quarterOf, type RecordFacts } from './aggregate.ts';
import { lifeDomains } from './domains.ts';

const many = (n: number, facts: RecordFacts): RecordFacts[] => Array.from({ length: n }, () => facts);
const index = (domain: string) => lifeDomains.indexOf(domain as never);

test('the matrix counts records in both domains, and hides small counts on both sides', () => {
  const records = [
    ...many(12, { quarter: '2026-Q1', municipality: 'GM0344', domains: ['school', 'money'] }),
    ...many(3, { quarter: '2026-Q1', municipality: 'GM0344', domains: ['school', 'health'] }),
    ...many(20, { quarter: '2026-Q2', municipality: 'GM0363', domains: ['school', 'money', 'health'] }),
  ];
  const { matrix, total } = insightFigures(records);
  assert.equal(total.value, 35);
  const at = (a: string, b: string) => matrix[index(a)]![index(b)]!;
  assert.equal(at('school', 'school').value, 35);
  assert.equal(at('school', 'money').value, 32);
  assert.equal(at('money', 'school').value, 32);
  assert.equal(at('health', 'school').value, 23);
  assert.equal(at('safety', 'school').value, 0, 'zero names nobody and is shown');
});

test('no count from 1 to 9 is ever published, in any table', () => {
  const record = fc.record({
    quarter: fc.constantFrom('2025-Q4', '2026-Q1'),
    municipality: fc.constantFrom('GM0344', 'GM0363', 'GM0014'),
    domains: fc.subarray([...lifeDomains], { minLength: 1, maxLength: 4 }),
  });
  fc.assert(
    fc.property(fc.array(record, { maxLength: 80 }), (records) => {
      const figures = insightFigures(records);
      const published = [
        figures.total,
        ...figures.matrix.flat(),
        ...[figures.quarters.table, figures.municipalities.table].flatMap((t) => [
          ...t.cells.flat(),
          ...t.rowTotals,
          ...(t.columnTotals ?? []),
        ]),
      ];
      for (const figure of published)
        assert.ok(figure.value === null || figure.value === 0 || figure.value >= 10);
      for (let i = 0; i < figures.matrix.length; i += 1)
        for (let j = 0; j < figures.matrix.length; j += 1)
          assert.equal(figures.matrix[i]![j]!.value, figures.matrix[j]![i]!.value, 'symmetric');
    }),
    { numRuns: 60 },
  );
});

test('quarters follow the calendar', () => {
  assert.equal(quarterOf('2026-01-01'), '2026-Q1');
  assert.equal(quarterOf('2026-06-30'), '2026-Q2');
  assert.equal(quarterOf('2026-12-31'), '2026-Q4');
});
