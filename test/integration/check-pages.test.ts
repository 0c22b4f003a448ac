import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../../src/platform/db.ts';
import { buildTestApp } from '../support/app.ts';
import { databasesUnderTest } from '../support/databases.ts';
import { buildCatalogue, insertCatalogue, insertExampleSchemes, uniqueKey } from '../support/factories.ts';

const fixedClock = { now: () => new Date('2025-03-01T10:00:00Z') };

for (const target of databasesUnderTest()) {
  describe(`the self-check pages on ${target.name}`, () => {
    let database: DatabaseHandle;
    let app: FastifyInstance;
    const sportKey = uniqueKey('check-sport');
    before(async () => {
      database = await target.open();
      app = await buildTestApp(database, { clock: fixedClock });
      const { catalogue } = buildCatalogue([
        {
          key: sportKey,
          name: { nl: `Sportclub ${sportKey}`, en: `Sports club ${sportKey}` },
          offeredIn: ['GM0037'],
          scheme: 'utrecht-minimaregelingen',
        },
      ]);
      await insertCatalogue(database.db, catalogue);
      await insertExampleSchemes(database.db);
    });
    after(async () => {
      await app.close();
      await database.close();
    });

    async function post(path: string, fields: Record<string, string>) {
      return app.inject({
        method: 'POST',
        url: path,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams(fields).toString(),
      });
    }

    /** Answers every question as a family would, following the redirects; returns the result page address. */
    async function walk(answers: Record<string, Record<string, string>>): Promise<string> {
      let token = '';
      let location = '/check/woonplaats';
      for (const [step, fields] of Object.entries(answers)) {
        assert.equal(location.split('?')[0], `/check/${step}`, `expected the ${step} question next`);
        const response = await post(`/check/${step}`, { ...fields, ...(token ? { s: token } : {}) });
        assert.equal(response.statusCode, 303, `${step}: ${response.body.slice(0, 300)}`);
        location = response.headers.location as string;
        token = new URL(location, 'http://x').searchParams.get('s') ?? '';
        assert.doesNotMatch(location, /1600|3511|160000/, 'no answer is readable in the address');
      }
      return location;
    }

    const family = {
      woonplaats: { postcode: '9501 AA' },
      huishouden: { type: 'single_parent' },
      leeftijd: { ageGroup: '21_to_pension' },
      kinderen: { childAges: '10, 19' },
      inkomen: { income: '1.600' },
      vermogen: { assets: 'within_limit' },
    };

    test('one question per page leads to outcomes per child, with reasons identical to the API', async () => {
      const location = await walk(family);
      assert.match(location, /^\/check\/uitkomst\?s=/);
      const page = await app.inject({ method: 'GET', url: location });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Hulp voor je kinderen in Stadskanaal/);
      assert.match(page.body, /Kind 1 \(10 jaar\)/);
      assert.match(page.body, /Kind 2 \(19 jaar\)/);
      assert.equal(page.headers['cache-control'], 'no-store');

      const api = await app.inject({
        method: 'POST',
        url: '/api/v1/eligibility/check',
        payload: {
          municipality: 'GM0037',
          household: { type: 'single_parent', ageGroup: '21_to_pension' },
          income: { kind: 'monthly_net', cents: 160000 },
          assets: { kind: 'within_limit' },
          children: [{ age: 10 }, { age: 19 }],
        },
      });
      const children = api.json().data.children as {
        provisions: { id: string; outcome: string; reason: { text: { nl: string; en: string } } }[];
      }[];
      for (const child of children) {
        for (const provision of child.provisions) {
          const escaped = provision.reason.text.nl
            .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
            .replace(/€ /g, '€ ');
          assert.match(
            page.body,
            new RegExp(escaped),
            `${provision.id}: "${provision.reason.text.nl}" on the page`,
          );
        }
      }
      const english = await app.inject({ method: 'GET', url: `${location}&lang=en` });
      const outcomeLabels = {
        eligible: /Dit kan</,
        not_eligible: /Dit kan niet</,
        undecided: /Dat weten we nog niet/,
      };
      for (const child of children) {
        for (const provision of child.provisions) {
          assert.match(page.body, outcomeLabels[provision.outcome as keyof typeof outcomeLabels]);
          const text = (provision.reason.text as unknown as { en: string }).en;
          assert.ok(
            english.body.includes(text.replace(/'/g, '&#39;')) || english.body.includes(text),
            `"${text}" on the English page`,
          );
        }
      }
      const ours = children[0]!.provisions.find((p) => p.id === sportKey)!;
      assert.equal(ours.outcome, 'eligible');
      assert.equal(children[1]!.provisions.find((p) => p.id === sportKey)!.outcome, 'not_eligible');
    });

    test('a wrong answer comes back with its message, keeping what was typed, changing nothing', async () => {
      const location = await walk({
        woonplaats: family.woonplaats,
        huishouden: family.huishouden,
        leeftijd: family.leeftijd,
      });
      const token = new URL(location, 'http://x').searchParams.get('s')!;
      const wrong = await post('/check/kinderen', { s: token, childAges: 'tien' });
      assert.equal(wrong.statusCode, 400);
      assert.match(wrong.body, /<title>Fout: /);
      assert.match(wrong.body, /Vul leeftijden in van 0 tot en met 21 jaar/);
      assert.match(wrong.body, /value="tien"/);
      assert.match(wrong.body, new RegExp(`name="s" value="${token}"`));
      const income = await post('/check/inkomen', { s: token, income: 'veel' });
      assert.equal(income.statusCode, 400);
    });

    test('back to an earlier question shows the earlier answer; jumping ahead goes to the first open question', async () => {
      const location = await walk({ woonplaats: family.woonplaats, huishouden: family.huishouden });
      const token = new URL(location, 'http://x').searchParams.get('s')!;
      const back = await app.inject({ method: 'GET', url: `/check/huishouden?s=${token}` });
      assert.match(back.body, /value="single_parent" checked/);
      const ahead = await app.inject({ method: 'GET', url: `/check/inkomen?s=${token}` });
      assert.equal(ahead.statusCode, 303);
      assert.match(ahead.headers.location as string, /^\/check\/leeftijd\?s=/);
      const result = await app.inject({ method: 'GET', url: `/check/uitkomst?s=${token}` });
      assert.equal(result.statusCode, 303);
    });

    test('a split postcode asks which municipality', async () => {
      const response = await post('/check/woonplaats', { postcode: '1261' });
      assert.equal(response.statusCode, 200);
      assert.match(response.body, /In welke gemeente woon je\?/);
      const chosen = await post('/check/woonplaats', { postcode: '1261', municipality: 'GM0417' });
      assert.equal(chosen.statusCode, 303);
    });

    test('"I do not know my income" leads to an undecided outcome, not a guess', async () => {
      const location = await walk({ ...family, inkomen: { income: '', unknown: 'yes' } });
      const page = await app.inject({ method: 'GET', url: location });
      assert.match(page.body, /Je hebt je inkomen niet ingevuld/);
    });

    test('a repeated or odd field is a clear 400, never a crash', async () => {
      const repeated = await app.inject({
        method: 'POST',
        url: '/check/woonplaats',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'postcode=1&postcode=2',
      });
      assert.equal(repeated.statusCode, 400);
      assert.match(repeated.body, /Vul je postcode in/);
      const json = await app.inject({ method: 'POST', url: '/check/kinderen', payload: { childAges: 5 } });
      assert.notEqual(json.statusCode, 500);
    });

    test('an impossible income is refused at its field and loses no earlier answer', async () => {
      const location = await walk({
        woonplaats: family.woonplaats,
        huishouden: family.huishouden,
        leeftijd: family.leeftijd,
        kinderen: family.kinderen,
      });
      const token = new URL(location, 'http://x').searchParams.get('s')!;
      const huge = await post('/check/inkomen', { s: token, income: '999999999999999' });
      assert.equal(huge.statusCode, 400);
      assert.match(huge.body, /Vul een bedrag in euro in/);
      const again = await app.inject({ method: 'GET', url: `/check/inkomen?s=${token}` });
      assert.equal(again.statusCode, 200);
    });

    test('the municipality choice without a choice asks again with a message', async () => {
      const response = await post('/check/woonplaats', { postcode: '1261', kiezen: '1' });
      assert.equal(response.statusCode, 400);
      assert.match(response.body, /Kies een antwoord/);
      assert.match(response.body, /href="\/check\/woonplaats"/);
    });

    test('a forged or damaged token starts again with a notice, never an error', async () => {
      const response = await app.inject({
        method: 'GET',
        url: '/check/leeftijd?s=bm90LWEtdG9rZW4tYXQtYWxsLWp1c3QtdGV4dA',
      });
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, '/check?verlopen=1');
      const notice = await app.inject({ method: 'GET', url: '/check?verlopen=1' });
      assert.match(notice.body, /Je antwoorden zijn niet meer geldig/);
      const posted = await post('/check/kinderen', { s: 'garbage', childAges: '4' });
      assert.equal(posted.statusCode, 303);
    });
  });
}
