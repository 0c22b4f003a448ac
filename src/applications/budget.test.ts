import assert from 'node:assert/strict';
import { test } from 'node:test';
import { budgetPeriod, checkBudget } from './budget.ts';

test('a calendar year runs from 1 January to 31 December', () => {
  const year = { from: '2025-01-01', to: '2025-12-31' };
  assert.deepEqual(budgetPeriod('calendar_year', '2025-01-01'), year);
  assert.deepEqual(budgetPeriod('calendar_year', '2025-12-31'), year);
  assert.deepEqual(budgetPeriod('calendar_year', '2026-01-01'), { from: '2026-01-01', to: '2026-12-31' });
});

test('a school year runs from 1 August to 31 July', () => {
  const before = { from: '2024-08-01', to: '2025-07-31' };
  const after = { from: '2025-08-01', to: '2026-07-31' };
  assert.deepEqual(budgetPeriod('school_year', '2024-08-01'), before);
  assert.deepEqual(budgetPeriod('school_year', '2025-01-15'), before);
  assert.deepEqual(budgetPeriod('school_year', '2025-07-31'), before);
  assert.deepEqual(budgetPeriod('school_year', '2025-08-01'), after);
  assert.deepEqual(budgetPeriod('school_year', '2025-12-31'), after);
});

test('a season runs from 1 July to 30 June, and "once" never ends', () => {
  assert.deepEqual(budgetPeriod('season', '2025-06-30'), { from: '2024-07-01', to: '2025-06-30' });
  assert.deepEqual(budgetPeriod('season', '2025-07-01'), { from: '2025-07-01', to: '2026-06-30' });
  assert.equal(budgetPeriod('once', '2025-07-01'), null);
});

const budget = (period: 'calendar_year' | 'school_year' | 'once') =>
  ({ cents: 30000, kind: 'budget', period }) as const;

test('only earlier deliveries in the same period count against the budget', () => {
  const earlier = [
    { deliveredOn: '2024-12-31', valueCents: 30000 }, // last year: does not count
    { deliveredOn: '2025-03-01', valueCents: 10000 },
    { deliveredOn: '2025-12-31', valueCents: 5000 },
  ];
  const within = checkBudget({
    amount: budget('calendar_year'),
    earlier,
    deliveredOn: '2025-06-01',
    valueCents: 15000,
  });
  assert.deepEqual(within, {
    kind: 'within',
    budgetCents: 30000,
    usedCents: 15000,
    remainingCents: 15000,
    periodKind: 'calendar_year',
    period: { from: '2025-01-01', to: '2025-12-31' },
  });
  const over = checkBudget({
    amount: budget('calendar_year'),
    earlier,
    deliveredOn: '2025-06-01',
    valueCents: 15001,
  });
  assert.equal(over.kind, 'over');
  assert.equal(over.kind === 'over' && over.remainingCents, 15000);
});

test('the school-year boundary splits 31 July from 1 August', () => {
  const earlier = [{ deliveredOn: '2025-07-31', valueCents: 30000 }];
  const sameYear = checkBudget({
    amount: budget('school_year'),
    earlier,
    deliveredOn: '2025-07-31',
    valueCents: 1,
  });
  assert.equal(sameYear.kind, 'over');
  const nextYear = checkBudget({
    amount: budget('school_year'),
    earlier,
    deliveredOn: '2025-08-01',
    valueCents: 30000,
  });
  assert.equal(nextYear.kind, 'within');
});

test('a budget given once counts every earlier delivery, however long ago', () => {
  const check = checkBudget({
    amount: budget('once'),
    earlier: [{ deliveredOn: '2015-01-01', valueCents: 20000 }],
    deliveredOn: '2025-01-01',
    valueCents: 10001,
  });
  assert.equal(check.kind, 'over');
  assert.equal(check.kind === 'over' && check.remainingCents, 10000);
  assert.equal(check.kind === 'over' && check.period, null);
});

test('exactly the budget fits; an overspent budget leaves zero, not a negative remainder', () => {
  const exact = checkBudget({
    amount: budget('once'),
    earlier: [],
    deliveredOn: '2025-01-01',
    valueCents: 30000,
  });
  assert.equal(exact.kind, 'within');
  const overspent = { amount: budget('once'), earlier: [{ deliveredOn: '2024-01-01', valueCents: 40000 }] };
  const more = checkBudget({ ...overspent, deliveredOn: '2025-01-01', valueCents: 1 });
  assert.equal(more.kind, 'over');
  assert.equal(more.kind === 'over' && more.remainingCents, 0);
  // Something given for nothing (a donated bicycle registered at €0) takes nothing from the budget.
  assert.equal(checkBudget({ ...overspent, deliveredOn: '2025-01-01', valueCents: 0 }).kind, 'within');
});

test('a value, or no amount at all, is no budget', () => {
  const input = { earlier: [], deliveredOn: '2025-01-01', valueCents: 99_999_99 };
  assert.deepEqual(checkBudget({ ...input, amount: null }), { kind: 'no-budget' });
  assert.deepEqual(checkBudget({ ...input, amount: { cents: 100, kind: 'value', period: 'once' } }), {
    kind: 'no-budget',
  });
});
