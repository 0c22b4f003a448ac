import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { findProvision } from '../../src/catalogue/store.ts';
import { completeSecondFactor, resumeSession, startSession } from '../../src/identity/sessions.ts';
import { createPerson } from '../../src/identity/store.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { csrfToken } from '../../src/platform/csrf.ts';
import type { DatabaseHandle } from '../../src/platform/db.ts';
import { buildTestApp } from '../support/app.ts';
import { databasesUnderTest } from '../support/databases.ts';
import { buildCatalogue, insertCatalogue, uniqueKey } from '../support/factories.ts';

const secret = loadConfig({ NODE_ENV: 'test' }).secret;

for (const target of databasesUnderTest()) {
  describe(`the catalogue editor on ${target.name}`, () => {
    let database: DatabaseHandle;
    let app: FastifyInstance;
    let cookie = '';
    let csrf = '';
    let organisation = '';
    let provisionKey = '';
    before(async () => {
      database = await target.open();
      app = await buildTestApp(database);
      const built = buildCatalogue([{ ages: { min: 4, max: 12 }, offeredIn: ['GM0344'] }]);
      organisation = built.organisationKey;
      provisionKey = built.provisionKeys[0]!;
      await insertCatalogue(database.db, built.catalogue);
      const person = await createPerson(database.db, {
        email: `${uniqueKey('coordinator')}@example.org`,
        displayName: 'Coördinator',
        memberships: [{ organisationKey: organisation, role: 'coordinator' }],
      });
      const now = new Date();
      const half = await resumeSession(database.db, await startSession(database.db, person.id, now), now);
      cookie = await completeSecondFactor(database.db, half!, now);
      csrf = csrfToken(secret, createHash('sha256').update(cookie).digest('base64url'));
    });
    after(async () => {
      await app.close();
      await database.close();
    });

    const base = () => `/beheer/organisaties/${organisation}/voorzieningen`;
    const get = (url: string) =>
      app.inject({ method: 'GET', url, headers: { cookie: `meedoen_sessie=${cookie}` } });
    const post = (url: string, fields: Record<string, string>) =>
      app.inject({
        method: 'POST',
        url,
        headers: { cookie: `meedoen_sessie=${cookie}`, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams(fields).toString(),
      });

    async function currentFields(): Promise<Record<string, string>> {
      const page = await get(`${base()}/${provisionKey}/bewerken`);
      assert.equal(page.statusCode, 200);
      const fields: Record<string, string> = { _csrf: csrf };
      for (const [, name, value] of page.body.matchAll(/<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g))
        fields[name!] = value!;
      for (const [, name, value] of page.body.matchAll(
        /<textarea[^>]*name="([^"]+)"[^>]*>([^<]*)<\/textarea>/g,
      ))
        fields[name!] = value!;
      for (const [, name, body] of page.body.matchAll(
        /<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g,
      )) {
        fields[name!] = /<option value="([^"]*)" selected/.exec(body!)?.[1] ?? '';
      }
      for (const [, name, value] of page.body.matchAll(
        /<input[^>]*type="radio"[^>]*name="([^"]+)"[^>]*value="([^"]+)"[^>]*checked/g,
      ))
        fields[name!] = value!;
      return fields;
    }

    test('a coordinator changes a provision of their organisation', async () => {
      const fields = await currentFields();
      assert.equal(fields['ages.max'], '12');
      const saved = await post(`${base()}/${provisionKey}`, {
        ...fields,
        'ages.max': '17',
        'amount.euros': '250,00',
        'offeredIn.codes': 'GM0344, gm0014',
      });
      assert.equal(saved.statusCode, 303, saved.body.slice(0, 500));
      const provision = await findProvision(database.db, provisionKey);
      assert.deepEqual(provision?.ages, { min: 4, max: 17 });
      assert.equal(provision?.amount?.cents, 25000);
      assert.deepEqual(provision?.offeredIn === 'nationwide' ? [] : provision?.offeredIn.map((m) => m.code), [
        'GM0014',
        'GM0344',
      ]);
    });

    test('a mistake is shown by its field and nothing is saved', async () => {
      const fields = await currentFields();
      const wrong = await post(`${base()}/${provisionKey}`, {
        ...fields,
        'ages.min': '15',
        'ages.max': '3',
      });
      assert.equal(wrong.statusCode, 400);
      assert.match(
        wrong.body,
        /id="ages\.max-error"[^>]*>De hoogste leeftijd mag niet lager zijn dan de laagste/,
      );
      assert.match(wrong.body, /value="15"/, 'what was typed is kept');
      const place = await post(`${base()}/${provisionKey}`, { ...fields, 'offeredIn.codes': 'GM9999' });
      assert.equal(place.statusCode, 400);
      assert.match(place.body, /id="offeredIn\.codes-error"[^>]*>GM9999 is geen gemeente van 2025/);
      assert.notDeepEqual((await findProvision(database.db, provisionKey))?.ages, { min: 15, max: 3 });
    });

    test('a new provision is created with the checks of a catalogue file; a taken key is refused', async () => {
      const fields = await currentFields();
      const key = uniqueKey('nieuwe');
      const created = await post(base(), { ...fields, key });
      assert.equal(created.statusCode, 303, created.body.slice(0, 300));
      assert.equal((await findProvision(database.db, key))?.owner.key, organisation);
      const taken = await post(base(), { ...fields, key });
      assert.equal(taken.statusCode, 400);
      assert.match(taken.body, /Deze sleutel bestaat al/);
    });

    test('without the form token nothing changes', async () => {
      const fields = await currentFields();
      const response = await post(`${base()}/${provisionKey}`, {
        ...fields,
        _csrf: 'wrong',
        'ages.max': '5',
      });
      assert.equal(response.statusCode, 403);
      assert.notEqual((await findProvision(database.db, provisionKey))?.ages.max, 5);
    });
  });
}
