import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { PostcodeLookup } from '../municipalities/index.ts';
import { applyAnswer, textFields } from './check-step.ts';

const split: PostcodeLookup = {
  kind: 'found',
  postcode: '1261',
  pc4: '1261',
  areas: [
    { municipalityCode: 'GM0376', municipalityName: 'Blaricum', addressShare: 0.9998 },
    { municipalityCode: 'GM0417', municipalityName: 'Laren (NH.)', addressShare: 0.0002 },
  ],
};
const lookup = async () => split;

describe('applyAnswer', () => {
  test('a split postcode first asks, then takes only one of its own municipalities', async () => {
    assert.deepEqual(await applyAnswer('woonplaats', { postcode: '1261' }, {}, 'nl', lookup), {
      split: {
        postcode: '1261',
        areas: [
          { code: 'GM0376', name: 'Blaricum' },
          { code: 'GM0417', name: 'Laren (NH.)' },
        ],
      },
      errors: [],
    });
    const foreign = await applyAnswer(
      'woonplaats',
      { postcode: '1261', municipality: 'GM0363', kiezen: '1' },
      {},
      'nl',
      lookup,
    );
    assert.equal('split' in foreign && foreign.errors?.[0]?.field, 'municipality');
    const chosen = await applyAnswer(
      'woonplaats',
      { postcode: '1261', municipality: 'GM0417' },
      {},
      'nl',
      lookup,
    );
    assert.deepEqual(chosen, { answers: { municipality: { code: 'GM0417', name: 'Laren (NH.)' } } });
  });

  test('a household that is not a couple drops an earlier "one of us has a pension" answer', async () => {
    const result = await applyAnswer(
      'huishouden',
      { type: 'single_parent' },
      { type: 'couple', ageGroup: 'mixed' },
      'nl',
      lookup,
    );
    assert.deepEqual(result, { answers: { type: 'single_parent', ageGroup: undefined } });
  });

  test('income: an amount, "I do not know", or a message in the reader’s language', async () => {
    assert.deepEqual(await applyAnswer('inkomen', { income: '1.600,50' }, {}, 'nl', lookup), {
      answers: { income: { kind: 'monthly_net', cents: 160050 } },
    });
    assert.deepEqual(await applyAnswer('inkomen', { unknown: 'yes' }, {}, 'nl', lookup), {
      answers: { income: { kind: 'not_given' } },
    });
    const wrong = await applyAnswer('inkomen', { income: '1e6' }, {}, 'en', lookup);
    assert.match('errors' in wrong ? wrong.errors![0]!.message : '', /Enter an amount in euros/);
  });
});

test('textFields keeps single text values only', () => {
  assert.deepEqual(textFields({ a: 'x', b: ['1', '2'], c: 5, d: { e: 1 } }), { a: 'x' });
  assert.deepEqual(textFields(null), {});
  assert.deepEqual(textFields('postcode=1'), {});
});
