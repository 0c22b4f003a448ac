import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { ageOn, evaluate, type EvaluationInput, type Household, type Outcome } from './evaluate.ts';
import type { Provision } from '../catalogue/index.ts';
import { checkHousehold } from './check.ts';
import type { AssetLimitSet, NormSet, Scheme } from './parameters.ts';

// The real norms (Rijksoverheid, as in data/reference/bijstandsnormen.csv), in cents.
const norms: NormSet[] = [
  ['2024-01-01', 128383, 183404, 142576, 193398],
  ['2024-07-01', 130845, 186921, 145685, 197664],
  ['2025-01-01', 134545, 192207, 150107, 205348],
  ['2025-07-01', 136906, 195580, 153021, 209498],
].map(([validFrom, s, c, sp, cp]) => ({
  validFrom: validFrom as string,
  source: `norms ${validFrom}`,
  cents: {
    single_21_to_pension: s as number,
    couple_21_to_pension: c as number,
    single_pension: sp as number,
    couple_pension: cp as number,
  },
}));
const assetLimits: AssetLimitSet[] = [
  {
    validFrom: '2024-01-01',
    source: 'limits 2024',
    cents: { single: 757500, singleParentOrCouple: 1515000 },
  },
];

const percentScheme = (
  key: string,
  percent: number,
  holidayAllowance: 'included' | 'excluded',
  assetTest = false,
): Scheme => ({
  key,
  name: { nl: key, en: key },
  municipality: 'GM0344',
  versions: [
    {
      version: 1,
      validFrom: '2024-01-01',
      incomeTest: { kind: 'percent_of_norm', percent, holidayAllowance },
      assetTest,
      source: `${key} v1`,
    },
  ],
});
const utrecht120 = percentScheme('utrecht-120', 120, 'included');
const excluding120 = percentScheme('excl-120', 120, 'excluded');
const withAssets = percentScheme('assets-120', 120, 'included', true);
const noIncomeTest: Scheme = {
  key: 'vouched',
  name: { nl: 'v', en: 'v' },
  municipality: null,
  versions: [
    {
      version: 1,
      validFrom: '2024-01-01',
      incomeTest: { kind: 'none' },
      assetTest: false,
      source: 'vouched v1',
    },
  ],
};
const changing: Scheme = {
  key: 'changing',
  name: { nl: 'c', en: 'c' },
  municipality: 'GM0344',
  versions: [
    {
      version: 1,
      validFrom: '2024-01-01',
      incomeTest: { kind: 'percent_of_norm', percent: 110, holidayAllowance: 'included' },
      assetTest: false,
      source: 'v1',
    },
    {
      version: 2,
      validFrom: '2025-01-01',
      incomeTest: { kind: 'percent_of_norm', percent: 130, holidayAllowance: 'included' },
      assetTest: false,
      source: 'v2',
    },
  ],
};

const singleParent: Household = {
  municipality: 'GM0344',
  type: 'single_parent',
  ageGroup: '21_to_pension',
  income: { kind: 'monthly_net', cents: 160000 },
  assets: { kind: 'unknown' },
};
const catalogueProvision: Provision = {
  key: 'sport',
  name: { nl: 'Sport', en: 'Sport' },
  description: { nl: 'Sport', en: 'Sport' },
  category: 'sport',
  ages: { min: 4, max: 17 },
  offeredIn: [{ code: 'GM0344', name: 'Utrecht' }],
  fundedBy: { key: 'u', name: 'Utrecht', kind: 'municipality' },
  handledBy: { key: 'u', name: 'Utrecht', kind: 'municipality' },
  owner: { key: 'u', name: 'Utrecht', kind: 'municipality' },
  applicationRoute: 'self_or_intermediary',
  scheme: 'utrecht-120',
  amount: null,
  link: null,
  lastChecked: '2025-01-01',
  isExample: false,
};
const provision = {
  key: 'sport',
  ages: { min: 4, max: 17 },
  offeredIn: ['GM0344'] as const,
  scheme: 'utrecht-120',
};

function run(
  overrides: Omit<Partial<EvaluationInput>, 'household'> & { household?: Partial<Household> } = {},
) {
  return evaluate({
    scheme: utrecht120,
    child: { age: 10 },
    date: '2025-03-01',
    norms,
    assetLimits,
    ...overrides,
    provision: { ...provision, ...overrides.provision },
    household: { ...singleParent, ...overrides.household },
  });
}
const income = (cents: number) => ({ income: { kind: 'monthly_net' as const, cents } });

describe('evaluate: the acceptance cases', () => {
  test('single parent, child of 10, 120% municipality, €1,600 on 2025-03-01: eligible against €1,345.45', () => {
    const result = run();
    assert.equal(result.outcome, 'eligible');
    assert.equal(result.norm?.cents, 134545);
    assert.equal(result.norm?.validFrom, '2025-01-01');
    assert.equal(result.incomePercentOfNorm, 118.9);
    assert.equal(result.threshold?.cents, 161454);
    assert.match(result.reasons.find((r) => r.code === 'income_within_threshold')!.text.nl, /118,9%|118\.9%/);
  });

  test('the same on 2025-08-01 uses the norm of 1 July 2025, €1,369.06', () => {
    const result = run({ date: '2025-08-01' });
    assert.equal(result.outcome, 'eligible');
    assert.equal(result.norm?.cents, 136906);
    assert.equal(result.norm?.validFrom, '2025-07-01');
    assert.equal(result.incomePercentOfNorm, 116.9);
  });
});

type Row = [label: string, input: Parameters<typeof run>[0], outcome: Outcome, codes?: string[]];

// 2025-03-01: norm single €1,345.45 → 120% = €1,614.54; couple €1,922.07 → 120% = €2,306.48.
// Excluding holiday allowance: €1,278.18 → 120% = €1,533.82.
const table: Row[] = [
  [
    'income exactly at the threshold is eligible',
    { household: income(161454) },
    'eligible',
    ['income_within_threshold'],
  ],
  [
    'one cent above the threshold is not',
    { household: income(161455) },
    'not_eligible',
    ['income_above_threshold'],
  ],
  ['no income at all is eligible', { household: income(0) }, 'eligible'],
  ['income at the norm itself', { household: income(134545) }, 'eligible'],
  ['far above', { household: income(400000) }, 'not_eligible'],
  [
    'couple exactly at 120% of the couple norm',
    { household: { type: 'couple', ...income(230648) } },
    'eligible',
  ],
  ['couple one cent above', { household: { type: 'couple', ...income(230649) } }, 'not_eligible'],
  [
    'couple income that would fail for a single parent',
    { household: { type: 'couple', ...income(200000) } },
    'eligible',
  ],
  [
    'excluding holiday allowance: exactly at 120% of €1,278.18',
    { scheme: excluding120, household: income(153382) },
    'eligible',
  ],
  [
    'excluding holiday allowance: one cent above',
    { scheme: excluding120, household: income(153383) },
    'not_eligible',
  ],
  ['excluding holiday allowance turns €1,600 down', { scheme: excluding120 }, 'not_eligible'],
  [
    'pension-age single parent uses the pension norm',
    { household: { ageGroup: 'pension', ...income(180128) } },
    'eligible',
  ],
  [
    'pension-age one cent above 120% of €1,501.07',
    { household: { ageGroup: 'pension', ...income(180129) } },
    'not_eligible',
  ],
  [
    'pension-age couple',
    { household: { type: 'couple', ageGroup: 'pension', ...income(246418) } },
    'eligible',
  ],
  [
    'under 21: other norms, a handler looks',
    { household: { ageGroup: 'under_21' } },
    'undecided',
    ['household_age_not_covered'],
  ],
  [
    'one partner at pension age: a handler looks',
    { household: { type: 'couple', ageGroup: 'mixed' } },
    'undecided',
    ['household_age_not_covered'],
  ],
  [
    'household type not covered: a handler looks',
    { household: { type: 'other' } },
    'undecided',
    ['household_type_not_covered'],
  ],
  [
    'intermediary vouches on an income-tested scheme: a handler looks',
    { household: { income: { kind: 'not_given' } } },
    'undecided',
    ['income_not_given'],
  ],
  [
    'the day before a norm change uses the old norm',
    { date: '2025-06-30', household: income(161454) },
    'eligible',
  ],
  [
    'the old threshold plus one cent fails the day before',
    { date: '2025-06-30', household: income(161455) },
    'not_eligible',
  ],
  [
    'the day of the change uses the new norm (120% = €1,642.87)',
    { date: '2025-07-01', household: income(164287) },
    'eligible',
  ],
  ['one cent above the new threshold', { date: '2025-07-01', household: income(164288) }, 'not_eligible'],
  ['last day of 2024 uses the July 2024 norm', { date: '2024-12-31', household: income(157014) }, 'eligible'],
  ['July 2024 threshold plus one cent', { date: '2024-12-31', household: income(157015) }, 'not_eligible'],
  ['a date before any known norm: undecided', { date: '2023-12-31' }, 'undecided', ['rules_not_in_force']],
  [
    'after the last known norm: latest norm, flagged as maybe outdated',
    { date: '2026-02-01' },
    'eligible',
    ['norm_may_be_outdated'],
  ],
  [
    'no income test: eligible whatever the income',
    { scheme: noIncomeTest, household: income(900000) },
    'eligible',
    ['no_income_test'],
  ],
  [
    'no income test, vouched',
    { scheme: noIncomeTest, household: { income: { kind: 'not_given' } } },
    'eligible',
  ],
  [
    'no income test, household type not covered does not matter',
    { scheme: noIncomeTest, household: { type: 'other' } },
    'eligible',
  ],
  [
    'no income test still checks age',
    { scheme: noIncomeTest, child: { age: 18 } },
    'not_eligible',
    ['age_outside'],
  ],
  ['youngest age', { child: { age: 4 } }, 'eligible'],
  ['oldest age', { child: { age: 17 } }, 'eligible'],
  ['one year too young', { child: { age: 3 } }, 'not_eligible', ['age_outside']],
  ['one year too old', { child: { age: 18 } }, 'not_eligible', ['age_outside']],
  ['turns 4 on the date itself', { child: { birthDate: '2021-03-01' } }, 'eligible'],
  ['turns 4 the day after the date', { child: { birthDate: '2021-03-02' } }, 'not_eligible'],
  ['turned 18 on the date', { child: { birthDate: '2007-03-01' } }, 'not_eligible'],
  ['turns 18 the day after the date', { child: { birthDate: '2007-03-02' } }, 'eligible'],
  [
    'born after the date: age unknown',
    { child: { birthDate: '2025-05-01' } },
    'undecided',
    ['child_age_unknown'],
  ],
  [
    'provision not offered in the municipality',
    { household: { municipality: 'GM0363' } },
    'not_eligible',
    ['not_offered_here'],
  ],
  [
    'nationwide provision anywhere',
    { household: { municipality: 'GM0363' }, provision: { ...provision, offeredIn: 'nationwide' } },
    'eligible',
  ],
  ['no rules known for the provision', { scheme: null }, 'undecided', ['no_rules_known']],
  [
    'too old and too rich: not eligible (a fail outweighs)',
    { child: { age: 19 }, household: income(300000) },
    'not_eligible',
  ],
  ['too old but rules unknown: not eligible', { child: { age: 19 }, scheme: null }, 'not_eligible'],
  [
    'asset test, assets within the limit',
    { scheme: withAssets, household: { assets: { kind: 'amount', cents: 1515000 } } },
    'eligible',
    ['assets_within_limit'],
  ],
  [
    'asset test, one cent above the limit',
    { scheme: withAssets, household: { assets: { kind: 'amount', cents: 1515001 } } },
    'not_eligible',
    ['assets_above_limit'],
  ],
  [
    'asset test, declared over the limit',
    { scheme: withAssets, household: { assets: { kind: 'over_limit' } } },
    'not_eligible',
  ],
  ['asset test, unknown: a handler looks', { scheme: withAssets }, 'undecided', ['assets_unknown']],
  [
    'asset limit of 2024 used in 2025 is flagged',
    { scheme: withAssets, household: { assets: { kind: 'within_limit' } } },
    'eligible',
    ['asset_limit_may_be_outdated'],
  ],
  [
    'a threshold change applies from its date: 110% in 2024',
    { scheme: changing, date: '2024-12-31', household: income(144000) },
    'not_eligible',
  ],
  ['and 130% from 2025', { scheme: changing, date: '2025-01-01', household: income(174908) }, 'eligible'],
];

describe('evaluate: rule table', () => {
  for (const [label, input, outcome, codes = []] of table) {
    test(label, () => {
      const result = run(input);
      assert.equal(result.outcome, outcome, result.reasons.map((r) => `${r.code}: ${r.text.en}`).join('\n'));
      const got = result.reasons.map((r) => r.code);
      for (const code of codes) assert.ok(got.includes(code as never), `reason ${code} in ${got.join(', ')}`);
      for (const r of result.reasons) {
        assert.ok(r.text.nl.length > 10 && r.text.en.length > 10, `${r.code} has texts in both languages`);
        assert.doesNotMatch(r.text.nl + r.text.en, /undefined|NaN/);
      }
    });
  }
  test('has at least 40 labelled cases', () => assert.ok(table.length >= 40));
});

describe('evaluate: explanations are fixed by the version in force', () => {
  test('an outcome for 2024 keeps the 2024 threshold, its version and source, after the rule changed', () => {
    const before = run({ scheme: changing, date: '2024-06-01' });
    assert.deepEqual(
      {
        percent: before.threshold?.percent,
        version: before.threshold?.version,
        source: before.threshold?.source,
      },
      { percent: 110, version: 1, source: 'v1' },
    );
    const after = run({ scheme: changing, date: '2025-06-01' });
    assert.equal(after.threshold?.version, 2);
  });
});

const householdArbitrary = fc.record({
  municipality: fc.constant('GM0344'),
  type: fc.constantFrom('single_parent', 'couple', 'other') as fc.Arbitrary<Household['type']>,
  ageGroup: fc.constantFrom('21_to_pension', 'pension', 'under_21', 'mixed') as fc.Arbitrary<
    Household['ageGroup']
  >,
  income: fc.record({
    kind: fc.constant('monthly_net' as const),
    cents: fc.integer({ min: 0, max: 1_000_000 }),
  }),
  assets: fc.oneof(
    fc.constant({ kind: 'unknown' as const }),
    fc.constant({ kind: 'within_limit' as const }),
    fc.record({ kind: fc.constant('amount' as const), cents: fc.integer({ min: 0, max: 5_000_000 }) }),
  ),
});
const dateArbitrary = fc
  .date({ min: new Date('2023-06-01T00:00:00Z'), max: new Date('2027-01-01T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const schemeArbitrary = fc.constantFrom(utrecht120, excluding120, withAssets, noIncomeTest, changing);

describe('evaluate: properties', () => {
  test('more income never turns “not eligible” into “eligible”', () => {
    fc.assert(
      fc.property(
        householdArbitrary,
        fc.integer({ min: 0, max: 500_000 }),
        dateArbitrary,
        schemeArbitrary,
        fc.nat(21),
        (household, extra, date, scheme, age) => {
          const base = { household, child: { age }, provision, scheme, norms, assetLimits, date };
          const poorer = evaluate(base).outcome;
          const richer = evaluate({
            ...base,
            household: {
              ...household,
              income: { kind: 'monthly_net', cents: household.income.cents + extra },
            },
          }).outcome;
          assert.ok(!(poorer === 'not_eligible' && richer === 'eligible'));
          if (poorer === 'not_eligible') assert.equal(richer, 'not_eligible');
        },
      ),
    );
  });

  test('a child’s outcome does not depend on the order of the children', () => {
    const parameters = { norms, assetLimits, schemes: new Map([[utrecht120.key, utrecht120]]) };
    const provisions = [
      { ...catalogueProvision, key: 'young', ages: { min: 0, max: 8 } },
      { ...catalogueProvision, key: 'older', ages: { min: 9, max: 17 } },
    ];
    fc.assert(
      fc.property(
        householdArbitrary,
        fc.array(fc.nat(21), { minLength: 1, maxLength: 6 }),
        dateArbitrary,
        (household, ages, date) => {
          const request = {
            municipality: 'GM0344',
            household: { type: household.type, ageGroup: household.ageGroup },
            income: household.income,
            assets: household.assets,
            children: ages.map((age) => ({ age })),
          };
          const byAge = (children: typeof request.children) =>
            new Map(
              checkHousehold({ ...request, children }, provisions, parameters, date).children.map((child) => [
                child.age,
                child.outcomes.map((o) => [o.provision.key, o.evaluation.outcome, o.mainReason.code]),
              ]),
            );
          assert.deepEqual(byAge([...request.children].reverse()), byAge(request.children));
          const rotated = [...request.children.slice(1), request.children[0]!];
          assert.deepEqual(byAge(rotated), byAge(request.children));
        },
      ),
    );
  });

  test('ageOn agrees with counting birthdays', () => {
    fc.assert(
      fc.property(dateArbitrary, fc.nat(25), (date, years) => {
        const [y, m, d] = date.split('-');
        const birthDate = `${Number(y) - years}-${m}-${d === '29' && m === '02' ? '28' : d}`;
        assert.equal(ageOn(birthDate, date), years);
      }),
    );
  });
});
