import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { defineActivity, findActivity, listActivities } from './activities.ts';

const texts = { purpose: { nl: 'Doel', en: 'Purpose' }, legalBasis: { nl: 'Grondslag', en: 'Legal basis' } };
const code = () => `test.activity-${randomBytes(4).toString('hex')}`;

test('a defined activity is registered, listed and cannot be changed', () => {
  const activity = defineActivity({ code: code(), subjectKind: 'child', ...texts });
  assert.equal(findActivity(activity.code), activity);
  assert.ok(listActivities().includes(activity));
  assert.throws(() => ((activity.purpose as { nl: string }).nl = 'Anders'));
});

test('a code defined twice, a malformed code or kind, or missing texts are refused', () => {
  const taken = defineActivity({ code: code(), subjectKind: 'child', ...texts }).code;
  assert.throws(() => defineActivity({ code: taken, subjectKind: 'child', ...texts }), /defined twice/);
  for (const bad of ['', 'Applications.read', 'applications read', 'applications..read', '.read'])
    assert.throws(() => defineActivity({ code: bad, subjectKind: 'child', ...texts }), /code/, bad);
  assert.throws(() => defineActivity({ code: code(), subjectKind: 'child:x', ...texts }), /kind/);
  assert.throws(
    () => defineActivity({ code: code(), subjectKind: 'child', ...texts, legalBasis: { nl: ' ', en: 'x' } }),
    /legal basis/,
  );
});
