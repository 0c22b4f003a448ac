import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../../src/platform/db.ts';
import { buildTestApp } from '../support/app.ts';
import { databasesUnderTest } from '../support/databases.ts';
import { buildCatalogue, insertCatalogue, insertExampleSchemes, uniqueKey } from '../support/factories.ts';

type ProvisionOutcome = {
  id: string;
  outcome: string;
  incomePercentOfNorm: number | null;
  norm: { cents: number; validFrom: string } | null;
  reason: { code: string; text: { nl: string; en: string } };
  nextStep: string;
};

for (const target of databasesUnderTest()) {
  describe(`eligibility API on ${target.name}`, () => {
    let database: DatabaseHandle;
    let app: FastifyInstance;
    const keys = {
      sport: uniqueKey('sport'),
      birthday: uniqueKey('birthday'),
      unruled: uniqueKey('unruled'),
    };
    before(async () => {
      database = await target.open();
      app = await buildTestApp(database);
      const { catalogue } = buildCatalogue([
        {
          key: keys.sport,
          offeredIn: ['GM0344'],
          scheme: 'utrecht-minimaregelingen',
          ages: { min: 4, max: 17 },
        },
        {
          key: keys.birthday,
          offeredIn: ['GM0344'],
          scheme: 'via-intermediair',
          ages: { min: 1, max: 12 },
          applicationRoute: 'intermediary_only',
        },
        { key: keys.unruled, offeredIn: ['GM0344'], ages: { min: 0, max: 21 } },
      ]);
      await insertCatalogue(database.db, catalogue);
      await insertExampleSchemes(database.db);
    });
    after(async () => {
      await app.close();
      await database.close();
    });

    const check = (body: unknown, headers: Record<string, string> = {}) =>
      app.inject({ method: 'POST', url: '/api/v1/eligibility/check', payload: body as object, headers });

    const singleParent = (date: string, cents = 160000) => ({
      municipality: 'GM0344',
      date,
      household: { type: 'single_parent', ageGroup: '21_to_pension' },
      income: { kind: 'monthly_net', cents },
      children: [{ age: 10 }, { age: 15 }],
    });

    function outcomes(body: { data: { children: { provisions: ProvisionOutcome[] }[] } }, child: number) {
      const ours = new Set(Object.values(keys));
      return Object.fromEntries(
        body.data.children[child]!.provisions.filter((p) => ours.has(p.id)).map((p) => [p.id, p]),
      );
    }

    test('the acceptance household: €1,600 against €1,345.45 on 2025-03-01 and €1,369.06 on 2025-08-01', async () => {
      const march = await check(singleParent('2025-03-01'));
      assert.equal(march.statusCode, 200, march.body);
      const sport = outcomes(march.json(), 0)[keys.sport]!;
      assert.equal(sport.outcome, 'eligible');
      assert.equal(sport.norm?.cents, 134545);
      assert.equal(sport.incomePercentOfNorm, 118.9);
      assert.equal(sport.nextStep, 'apply_yourself');
      const august = outcomes((await check(singleParent('2025-08-01'))).json(), 0)[keys.sport]!;
      assert.equal(august.norm?.cents, 136906);
      assert.equal(august.norm?.validFrom, '2025-07-01');
    });

    test('each child gets each provision with the reason and the next step', async () => {
      const body = (await check(singleParent('2025-03-01'))).json();
      const ten = outcomes(body, 0);
      const fifteen = outcomes(body, 1);
      assert.equal(ten[keys.birthday]!.outcome, 'eligible');
      assert.equal(ten[keys.birthday]!.nextStep, 'ask_intermediary');
      assert.equal(fifteen[keys.birthday]!.outcome, 'not_eligible');
      assert.equal(fifteen[keys.birthday]!.reason.code, 'age_outside');
      assert.equal(fifteen[keys.birthday]!.nextStep, 'none');
      assert.equal(ten[keys.unruled]!.outcome, 'undecided');
      assert.equal(ten[keys.unruled]!.reason.code, 'no_rules_known');
    });

    test('one cent above the threshold is not eligible', async () => {
      const body = (await check(singleParent('2025-03-01', 161455))).json();
      assert.equal(outcomes(body, 0)[keys.sport]!.outcome, 'not_eligible');
      assert.equal(outcomes(body, 0)[keys.sport]!.reason.code, 'income_above_threshold');
    });

    test('invalid input is a 400 problem naming the fields; nothing crashes', async () => {
      const response = await check(
        {
          municipality: 'Utrecht',
          household: { type: 'alien' },
          income: { kind: 'monthly_net', cents: -5 },
          children: [],
        },
        { 'accept-language': 'en' },
      );
      assert.equal(response.statusCode, 400);
      const fields = (response.json().errors as { field: string }[]).map((e) => e.field);
      for (const field of ['municipality', 'household.type', 'income.cents', 'children']) {
        assert.ok(fields.includes(field), `${field} in ${fields.join(', ')}`);
      }
      const garbage = await app.inject({
        method: 'POST',
        url: '/api/v1/eligibility/check',
        payload: '{not json',
        headers: { 'content-type': 'application/json' },
      });
      assert.equal(garbage.statusCode, 400);
      assert.match(garbage.headers['content-type'] as string, /problem\+json/);
    });

    test('an unknown municipality is a 400 problem', async () => {
      const response = await check({ ...singleParent('2025-03-01'), municipality: 'GM9999' });
      assert.equal(response.statusCode, 400);
      assert.equal(response.json().errors[0].code, 'municipality_unknown');
    });
  });
}
