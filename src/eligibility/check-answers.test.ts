import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  firstOpenStep,
  nextStepAfter,
  parseChildAges,
  toCheckRequest,
  type Answers,
} from './check-answers.ts';

const complete: Answers = {
  municipality: { code: 'GM0344', name: 'Utrecht' },
  type: 'single_parent',
  ageGroup: '21_to_pension',
  childAges: [10],
  income: { kind: 'monthly_net', cents: 160000 },
  assets: 'within_limit',
};

describe('the order of questions', () => {
  test('starts with where you live and ends with the result', () => {
    assert.equal(firstOpenStep({}), 'woonplaats');
    assert.equal(firstOpenStep(complete), null);
    assert.equal(nextStepAfter('vermogen', complete), 'uitkomst');
  });

  test('after changing one answer, goes straight back to the first open question or the result', () => {
    assert.equal(nextStepAfter('huishouden', complete), 'uitkomst');
    const withoutIncome: Answers = { ...complete, income: undefined };
    assert.equal(nextStepAfter('huishouden', withoutIncome), 'inkomen');
    assert.equal(nextStepAfter('woonplaats', { municipality: complete.municipality }), 'huishouden');
  });

  test('only a complete set of answers becomes a request', () => {
    assert.equal(toCheckRequest({ ...complete, assets: undefined }), null);
    assert.deepEqual(toCheckRequest(complete)?.children, [{ age: 10 }]);
  });
});

describe('parseChildAges', () => {
  const cases: [string, number[] | null][] = [
    ['10', [10]],
    ['4, 10', [4, 10]],
    ['4 en 10', [4, 10]],
    ['4 and 10 and 16', [4, 10, 16]],
    ['0', [0]],
    ['22', null],
    ['tien', null],
    ['', null],
    ['4.5', null],
    ['1 2 3 4 5 6 7 8 9 10 11', null],
  ];
  for (const [input, expected] of cases) {
    test(`"${input}"`, () => assert.deepEqual(parseChildAges(input), expected));
  }
});
