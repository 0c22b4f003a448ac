import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { readActionsFile, seedActions } from '../../src/actions/index.ts';
import type { DatabaseHandle } from '../../src/platform/db.ts';
import { buildTestApp } from '../support/app.ts';
import { databasesUnderTest } from '../support/databases.ts';
import { signedInStaffMember } from '../support/staff.ts';

type AppendixAction = { ambition: number; title: string; when: string };

/**
 * The appendix read on its own, without the converter: every table row under "## Ambitie n" is an action
 * (Actie | Stand van zaken | Wanneer); the title loses its HTML, the "when" is kept as written.
 */
async function appendixActions(): Promise<AppendixAction[]> {
  const text = await readFile(new URL('../../data/actions/appendix-2019.txt', import.meta.url), 'utf8');
  const found: AppendixAction[] = [];
  let ambition = 0;
  for (const line of text.split('\n')) {
    const heading = line.match(/^## Ambitie (\d)/);
    if (heading) ambition = Number(heading[1]);
    const cells = line.split('\t');
    if (cells.length === 3 && cells[0] !== 'Actie')
      found.push({ ambition, title: cells[0]!.replace(/<[^>]+>/g, '').trim(), when: cells[2]!.trim() });
  }
  return found;
}

type ApiAction = {
  key: string;
  ambition: number;
  title: string;
  motion: string | null;
  current: { whenText: string; statusText: string; reportedOn: string } | null;
  history: unknown[];
};

for (const target of databasesUnderTest()) {
  describe(`the action tracker on ${target.name}`, () => {
    let database: DatabaseHandle;
    let app: FastifyInstance;

    before(async () => {
      database = await target.open();
      const file = await readActionsFile();
      await database.db.transaction((tx) => seedActions(tx, file));
      app = await buildTestApp(database);
    });
    after(async () => {
      await app.close();
      await database.close();
    });

    const actions = async () =>
      (await app.inject({ method: 'GET', url: '/api/v1/actions' })).json<{ data: ApiAction[] }>().data;

    test('every action of the 2019 appendix is in the tracker, with its "when" and the date of the letter', async () => {
      const expected = await appendixActions();
      assert.equal(expected.length, 11, 'the appendix lists 11 actions');
      const tracked = await actions();
      for (const action of expected) {
        const match = tracked.find((t) => t.title === action.title);
        assert.ok(match, `in the tracker: ${action.title}`);
        assert.equal(match.ambition, action.ambition, action.title);
        // The original update is the oldest; later updates (other tests on a shared database) come before it.
        const first = match.history.at(-1) as { whenText: string; reportedOn: string };
        assert.equal(first.whenText, action.when, action.title);
        assert.equal(first.reportedOn, '2019-10-02');
      }
      const page = await app.inject({ method: 'GET', url: '/acties' });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /motie Bruins/);
      for (const action of tracked) {
        const detail = await app.inject({ method: 'GET', url: `/acties/${action.key}` });
        const first = (action.history.at(-1) as { whenText: string }).whenText;
        assert.ok(detail.body.includes(first.replace(/&/g, '&amp;')), `${action.key} shows "${first}"`);
      }
    });

    test('seeding again changes nothing', async () => {
      const before = await actions();
      const added = await database.db.transaction(async (tx) => seedActions(tx, await readActionsFile()));
      assert.equal(added, 0);
      assert.deepEqual(await actions(), before);
    });

    test('an analyst adds a status; the history keeps the earlier one and bad input changes nothing', async () => {
      const staff = await signedInStaffMember(database.db, {
        role: 'national_analyst',
        organisationKey: 'rijk',
      });
      const key = '2019-a4-01';
      const history = (await actions()).find((a) => a.key === key)!.history.length;
      const post = (fields: Record<string, string>) =>
        app.inject({
          method: 'POST',
          url: `/beheer/acties/${key}`,
          headers: { cookie: staff.cookie, 'content-type': 'application/x-www-form-urlencoded' },
          payload: new URLSearchParams({ _csrf: staff.csrf, ...fields }).toString(),
        });
      const bad = await post({ statusText: 'kort', whenText: '', reportedOn: '2999-01-01', source: '' });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /Schrijf hoe de actie ervoor staat/);
      assert.match(bad.body, /href="#reportedOn"/);
      assert.equal((await actions()).find((a) => a.key === key)!.history.length, history);

      const good = await post({
        statusText: 'De bibliotheek met goede voorbeelden staat online op Meedoen.',
        whenText: 'Vanaf Q1 2026 doorlopend',
        reportedOn: '2026-01-15',
        source: 'Voortgangsbrief 2026',
      });
      assert.equal(good.statusCode, 303);
      const updated = (await actions()).find((a) => a.key === key)!;
      assert.equal(updated.history.length, history + 1);
      assert.equal(updated.current?.whenText, 'Vanaf Q1 2026 doorlopend');
      assert.equal((updated.history.at(-1) as { reportedOn: string }).reportedOn, '2019-10-02');
    });

    test('an unknown action is a problem in the API and a not-found page', async () => {
      const api = await app.inject({ method: 'GET', url: '/api/v1/actions/2019-a9-99' });
      assert.equal(api.statusCode, 404);
      assert.equal(api.headers['content-type'], 'application/problem+json; charset=utf-8');
      assert.equal((await app.inject({ method: 'GET', url: '/acties/nope' })).statusCode, 404);
    });
  });
}
