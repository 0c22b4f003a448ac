import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { provisions } from '../../src/catalogue/schema.ts';
import { findScheme } from '../../src/eligibility/scheme-store.ts';
import type { DatabaseHandle } from '../../src/platform/db.ts';
import { buildTestApp } from '../support/app.ts';
import { databasesUnderTest } from '../support/databases.ts';
import { buildCatalogue, insertCatalogue, uniqueKey } from '../support/factories.ts';
import { signedInStaffMember, type SignedInStaff } from '../support/staff.ts';

const fixedClock = { now: () => new Date('2026-03-10T10:00:00Z') };

for (const target of databasesUnderTest()) {
  describe(`the scheme editor on ${target.name}`, () => {
    let database: DatabaseHandle;
    let app: FastifyInstance;
    let coordinator: SignedInStaff;
    let organisation = '';
    let provisionKey = '';
    const schemeKey = uniqueKey('regeling');
    before(async () => {
      database = await target.open();
      app = await buildTestApp(database, { clock: fixedClock });
      const built = buildCatalogue([{ ages: { min: 4, max: 17 }, offeredIn: ['GM0344'] }]);
      organisation = built.organisationKey;
      provisionKey = built.provisionKeys[0]!;
      await insertCatalogue(database.db, built.catalogue);
      coordinator = await signedInStaffMember(database.db, {
        role: 'coordinator',
        organisationKey: organisation,
      });
    });
    after(async () => {
      await app.close();
      await database.close();
    });

    const base = () => `/beheer/organisaties/${organisation}/regelingen`;
    const get = (url: string, as = coordinator) =>
      app.inject({ method: 'GET', url, headers: { cookie: as.cookie } });
    const post = (url: string, fields: Record<string, string>, as = coordinator) =>
      app.inject({
        method: 'POST',
        url,
        headers: { cookie: as.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: as.csrf, ...fields }).toString(),
      });
    const firstVersion = {
      validFrom: '2026-03-10',
      incomeTest: 'percent_of_norm',
      percent: '120',
      holidayAllowance: 'included',
      assetTest: 'no',
      source: 'Beleidsregel minimaregelingen 2026',
    };
    async function check(date: string, monthlyNet: number) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/eligibility/check',
        payload: {
          municipality: 'GM0344',
          date,
          household: { type: 'single_parent', ageGroup: '21_to_pension' },
          income: { kind: 'monthly_net', cents: monthlyNet },
          assets: { kind: 'within_limit' },
          children: [{ age: 10 }],
        },
      });
      assert.equal(response.statusCode, 200, response.body);
      const provision = response
        .json()
        .data.children[0].provisions.find((p: { id: string }) => p.id === provisionKey);
      return provision as { outcome: string; threshold: { version: number } | null };
    }

    test('a coordinator creates a scheme, a provision uses it, and a new version changes later checks only', async () => {
      const created = await post(base(), {
        key: schemeKey,
        'name.nl': 'Minimaregeling test',
        'name.en': 'Test low-income scheme',
        municipality: 'gm0344',
        ...firstVersion,
      });
      assert.equal(created.statusCode, 303, created.body);
      assert.equal(created.headers.location, `${base()}?opgeslagen=1`);
      const list = await get(`${base()}?opgeslagen=1`);
      assert.match(list.body, /Minimaregeling test/);
      assert.match(list.body, /Opgeslagen\./);

      // The catalogue editor now offers the scheme; the provision is linked to it there.
      const editor = await get(`/beheer/organisaties/${organisation}/voorzieningen/${provisionKey}/bewerken`);
      assert.match(editor.body, new RegExp(`<option value="${schemeKey}"`));
      await database.db.update(provisions).set({ schemeKey }).where(eq(provisions.key, provisionKey));

      // €1,700 for a single parent is about 124% of the 2025 norm: above 120%, below 130%.
      assert.equal((await check('2026-06-01', 170000)).outcome, 'not_eligible');
      const added = await post(`${base()}/${schemeKey}/versies`, {
        ...firstVersion,
        validFrom: '2026-07-01',
        percent: '130,5',
        source: 'Raadsbesluit juni 2026',
      });
      assert.equal(added.statusCode, 303, added.body);
      const stored = await findScheme(database.db, schemeKey);
      assert.deepEqual(
        stored?.versions.map((v) => [v.version, v.validFrom, v.incomeTest]),
        [
          [1, '2026-03-10', { kind: 'percent_of_norm', percent: 120, holidayAllowance: 'included' }],
          [2, '2026-07-01', { kind: 'percent_of_norm', percent: 130.5, holidayAllowance: 'included' }],
        ],
      );
      // A day before the new version the old rule still decides; from its first day, the new one.
      assert.equal((await check('2026-06-30', 170000)).outcome, 'not_eligible');
      const later = await check('2026-07-01', 170000);
      assert.equal(later.outcome, 'eligible');
      assert.equal(later.threshold?.version, 2);
      const page = await get(`${base()}/${schemeKey}`);
      assert.match(page.body, /Versie 2, vanaf 1 juli 2026/);
      assert.match(page.body, /130,5% van de bijstandsnorm/);
    });

    test('a version may not start in the past or before the latest one, and bad input changes nothing', async () => {
      const before = await findScheme(database.db, schemeKey);
      const cases: [Record<string, string>, string, RegExp][] = [
        [{ validFrom: '2026-03-09' }, 'validFrom', /Kies vandaag \(2026-03-10\) of later/],
        [{ validFrom: '2026-07-01' }, 'validFrom', /Kies een datum na 2026-07-01/],
        [{ validFrom: '2026-02-30' }, 'validFrom', /jjjj-mm-dd/],
        [{ validFrom: '2027-01-01', percent: '120,555' }, 'percent', /twee cijfers achter de komma/],
        [{ validFrom: '2027-01-01', percent: '400' }, 'percent', /tussen 50 en 300/],
        [{ validFrom: '2027-01-01', incomeTest: '' }, 'incomeTest', /inkomensgrens/],
        [{ validFrom: '2027-01-01', assetTest: 'maybe' }, 'assetTest', /vermogen/],
        [{ validFrom: '2027-01-01', source: 'x' }, 'source', /bron/i],
      ];
      for (const [change, field, message] of cases) {
        const response = await post(`${base()}/${schemeKey}/versies`, { ...firstVersion, ...change });
        assert.equal(response.statusCode, 400, JSON.stringify(change));
        assert.match(response.body, message, JSON.stringify(change));
        assert.match(response.body, new RegExp(`href="#${field}`), `${field} is linked from the summary`);
        assert.match(response.body, /<title>Fout: /);
      }
      assert.deepEqual(await findScheme(database.db, schemeKey), before);
    });

    test('a new scheme needs a free key, names and a known municipality', async () => {
      const response = await post(base(), {
        key: schemeKey,
        'name.nl': 'X',
        municipality: 'GM9999',
        ...firstVersion,
      });
      assert.equal(response.statusCode, 400);
      assert.match(response.body, /href="#name.nl"/);
      assert.match(response.body, /href="#name.en"/);
      assert.match(response.body, /GM0344/);
      const taken = await post(base(), {
        key: schemeKey,
        'name.nl': 'Nog een',
        'name.en': 'Another',
        municipality: '',
        ...firstVersion,
      });
      assert.equal(taken.statusCode, 400);
      assert.match(taken.body, /Deze sleutel bestaat al/);
      assert.equal((await findScheme(database.db, schemeKey))?.name.nl, 'Minimaregeling test');
    });

    test("another organisation's coordinator cannot see or change the scheme", async () => {
      const other = buildCatalogue([{}]);
      await insertCatalogue(database.db, other.catalogue);
      const stranger = await signedInStaffMember(database.db, {
        role: 'coordinator',
        organisationKey: other.organisationKey,
      });
      const foreign = `/beheer/organisaties/${other.organisationKey}/regelingen/${schemeKey}`;
      assert.equal((await get(foreign, stranger)).statusCode, 404);
      const sneaky = await post(`${foreign}/versies`, { ...firstVersion, validFrom: '2028-01-01' }, stranger);
      assert.equal(sneaky.statusCode, 404);
      assert.equal((await get(`${base()}/${schemeKey}`, stranger)).statusCode, 404);
      assert.equal((await findScheme(database.db, schemeKey))?.versions.length, 2);
    });
  });
}
