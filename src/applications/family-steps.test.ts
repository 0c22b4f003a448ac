import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { PostcodeLookup } from '../municipalities/index.ts';
import {
  applyFamilyAnswer,
  firstOpenStep,
  mayShow,
  nextStepAfter,
  youngPersonMayApply,
  type Body,
  type FamilyAnswers,
  type QuestionStep,
  type StepInput,
} from './family-steps.ts';

const today = '2025-03-01';

const complete: FamilyAnswers = {
  postcode: '9501AA',
  houseNumber: '12',
  municipality: { code: 'GM0037', name: 'Stadskanaal' },
  householdType: 'single_parent',
  ageGroup: '21_to_pension',
  incomeSource: 'bijstand',
  income: { kind: 'monthly_net', cents: 120000 },
  assets: 'within_limit',
  children: [{ firstName: 'Zoë', birthDate: '2015-03-28' }],
  childrenDone: true,
  choices: [['sport']],
  contact: { email: 'a@example.org', phone: null, locale: 'nl' },
  consent: { by: 'parent', text: 'Ik geef toestemming.' },
};

const area = (code: string, name: string) => ({
  municipalityCode: code,
  municipalityName: name,
  share: 0.5,
});

function input(overrides: Partial<StepInput> = {}): StepInput {
  return {
    today,
    locale: 'nl',
    findPostcode: async (postcode): Promise<PostcodeLookup> => {
      const compact = postcode.replace(/\s/g, '').toUpperCase();
      if (compact.startsWith('9501'))
        return {
          kind: 'found',
          postcode: compact,
          pc4: '9501',
          areas: [area('GM0037', 'Stadskanaal')] as never,
        };
      if (compact.startsWith('1234'))
        return {
          kind: 'found',
          postcode: compact,
          pc4: '1234',
          areas: [area('GM0001', 'Eerste'), area('GM0002', 'Tweede')] as never,
        };
      return { kind: 'unknown', postcode: compact };
    },
    selectable: async () => [['sport', 'culture']],
    ...overrides,
  };
}

const apply = (step: QuestionStep, body: Body, answers: FamilyAnswers = {}, extra?: Partial<StepInput>) =>
  applyFamilyAnswer(step, body, answers, input(extra));

function without(...keys: (keyof FamilyAnswers)[]): FamilyAnswers {
  return Object.fromEntries(Object.entries(complete).filter(([key]) => !keys.includes(key as never)));
}

describe('the family steps in order', () => {
  const rows: [string, FamilyAnswers, string][] = [
    ['nothing yet: where you live', {}, 'woonplaats'],
    ['no income source', without('incomeSource'), 'inkomstenbron'],
    ['children typed but not finished', { ...complete, childrenDone: false }, 'kinderen'],
    ['nothing chosen', { ...complete, choices: [[]] }, 'voorzieningen'],
    ['no consent', without('consent'), 'toestemming'],
    ['everything: check your answers', complete, 'controleren'],
    [
      'a young person consented for a child under 16: consent again',
      { ...complete, consent: { by: 'young_person', text: '' } },
      'toestemming',
    ],
  ];
  for (const [label, answers, expected] of rows) {
    test(label, () => assert.equal(firstOpenStep(answers, today), expected));
  }

  test('after changing an early answer, the next step is the check page when the rest is answered', () => {
    assert.equal(nextStepAfter('huishouden', complete, today), 'controleren');
    assert.equal(nextStepAfter('huishouden', without('contact'), today), 'contact');
  });

  test('a page after the first open step is not shown', () => {
    assert.equal(mayShow('contact', without('incomeSource'), today), false);
    assert.equal(mayShow('woonplaats', without('incomeSource'), today), true);
    assert.equal(mayShow('controleren', complete, today), true);
  });

  test('a young person may apply from 16, for themself only', () => {
    const one = (birthDate: string) => ({ children: [{ firstName: 'Sam', birthDate }] });
    assert.equal(youngPersonMayApply(one('2009-03-01'), today), true);
    assert.equal(youngPersonMayApply(one('2009-03-02'), today), false);
    assert.equal(
      youngPersonMayApply(
        { children: [...one('2008-01-01').children, { firstName: 'Ali', birthDate: '2008-01-01' }] },
        today,
      ),
      false,
    );
  });
});

describe('applying one answer', () => {
  test('an address with one municipality: normalised postcode, the house number as typed', async () => {
    const result = await apply('woonplaats', { postcode: '9501 aa', houseNumber: ' 12a ' });
    assert.ok('answers' in result);
    assert.equal(result.answers.postcode, '9501AA');
    assert.equal(result.answers.houseNumber, '12a');
    assert.deepEqual(result.answers.municipality, { code: 'GM0037', name: 'Stadskanaal' });
  });

  test('a postcode in two municipalities asks which one, then takes the choice', async () => {
    const asked = await apply('woonplaats', { postcode: '1234AB', houseNumber: '1' });
    assert.ok('split' in asked && asked.split);
    assert.equal(asked.split.areas.length, 2);
    assert.deepEqual(asked.errors, []);
    const none = await apply('woonplaats', { postcode: '1234AB', houseNumber: '1', kiezen: '1' });
    assert.ok('errors' in none);
    assert.equal(none.errors?.[0]?.field, 'municipality');
    const chosen = await apply('woonplaats', {
      postcode: '1234AB',
      houseNumber: '1',
      municipality: 'GM0002',
    });
    assert.ok('answers' in chosen);
    assert.equal(chosen.answers.municipality?.name, 'Tweede');
  });

  test('moving to another municipality forgets the choices made in the old one', async () => {
    const moved = await apply(
      'woonplaats',
      { postcode: '1234AB', houseNumber: '1', municipality: 'GM0001' },
      complete,
    );
    assert.ok('answers' in moved);
    assert.equal(moved.answers.choices, undefined);
    const same = await apply('woonplaats', { postcode: '9501AA', houseNumber: '14' }, complete);
    assert.ok('answers' in same);
    assert.deepEqual(same.answers.choices, complete.choices);
  });

  const errorRows: [string, QuestionStep, Body, string, string][] = [
    [
      'postcode without letters',
      'woonplaats',
      { postcode: '9501', houseNumber: '1' },
      'postcode',
      'postcode_incomplete',
    ],
    [
      'unknown postcode',
      'woonplaats',
      { postcode: '8888ZZ', houseNumber: '1' },
      'postcode',
      'postcode_unknown',
    ],
    [
      'house number in words',
      'woonplaats',
      { postcode: '9501AA', houseNumber: 'een' },
      'houseNumber',
      'house_number_malformed',
    ],
    [
      '"mixed" ages for a single parent',
      'huishouden',
      { householdType: 'single_parent', ageGroup: 'mixed' },
      'ageGroup',
      'required',
    ],
    ['no household type', 'huishouden', { ageGroup: 'pension' }, 'householdType', 'required'],
    [
      'an income source not in the list',
      'inkomstenbron',
      { incomeSource: 'loterij' },
      'incomeSource',
      'required',
    ],
    ['an amount in words', 'inkomen', { income: 'weinig', assets: 'unknown' }, 'income', 'income_amount'],
    ['no answer about assets', 'inkomen', { income: '1000' }, 'assets', 'required'],
    ['no child at all', 'kinderen', {}, 'firstName', 'first_name_required'],
    [
      'a birth date in the future',
      'kinderen',
      { firstName: 'Zoë', birthDate: '2026-01-01' },
      'birthDate',
      'birth_date_in_future',
    ],
    ['nothing chosen', 'voorzieningen', { 'kind-0': 'not-offered' }, 'kind-0', 'required'],
    ['no way to reach the family', 'contact', { language: 'nl' }, 'email', 'contact_required'],
    ['a malformed e-mail address', 'contact', { email: 'a@', language: 'nl' }, 'email', 'email_malformed'],
    ['a phone number too short', 'contact', { phone: '0612', language: 'nl' }, 'phone', 'phone_malformed'],
    ['consent not ticked', 'toestemming', { by: 'parent' }, 'agree', 'consent_required'],
  ];
  for (const [label, step, body, field, code] of errorRows) {
    test(`${label}: an error at ${field}`, async () => {
      const result = await apply(step, body, { postcode: '9501AA', houseNumber: '12' });
      assert.ok(!('answers' in result), 'not accepted');
      assert.ok(
        result.errors?.some((e) => e.field === field && e.code === code),
        JSON.stringify(result.errors),
      );
    });
  }

  test('"my intermediary vouches" needs no amount', async () => {
    const result = await apply('inkomen', { income: '', vouch: 'yes', assets: 'unknown' });
    assert.ok('answers' in result);
    assert.deepEqual(result.answers.income, { kind: 'vouched' });
  });

  test('children: add another stays on the page, next goes on, a change forgets the choices', async () => {
    const base = { postcode: '9501AA', houseNumber: '12', choices: [['sport']] };
    const added = await apply('kinderen', { firstName: 'Zoë', birthDate: '2015-03-28', action: 'add' }, base);
    assert.ok('answers' in added);
    assert.equal(added.stay, true);
    assert.equal(added.answers.choices, undefined);
    const next = await apply('kinderen', {}, added.answers);
    assert.ok('answers' in next);
    assert.equal(next.stay, undefined);
    assert.equal(next.answers.childrenDone, true);
    const removed = await apply('kinderen', { remove: '0' }, next.answers);
    assert.ok('answers' in removed);
    assert.deepEqual(removed.answers.children, []);
    assert.equal(removed.stay, true);
  });

  test('provisions: only what may be chosen is kept, per child', async () => {
    const result = await apply(
      'voorzieningen',
      { 'kind-0': ['sport', 'not-offered'], 'kind-1': 'culture' },
      {},
      { selectable: async () => [['sport'], ['culture']] },
    );
    assert.ok('answers' in result);
    assert.deepEqual(result.answers.choices, [['sport'], ['culture']]);
  });

  test('a young person of 16 consents for themself; the statement is kept as shown', async () => {
    const answers = { children: [{ firstName: 'Sam', birthDate: '2008-05-01' }] };
    const result = await apply('toestemming', { by: 'young_person', agree: 'yes' }, answers, {
      locale: 'en',
    });
    assert.ok('answers' in result);
    assert.equal(result.answers.consent?.by, 'young_person');
    assert.match(result.answers.consent!.text, /^I am 16 or older/);
  });
});
