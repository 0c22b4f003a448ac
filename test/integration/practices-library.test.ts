import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { DatabaseHandle } from '../../src/platform/db.ts';
import { buildTestApp } from '../support/app.ts';
import { databasesUnderTest } from '../support/databases.ts';
import { buildCatalogue, insertCatalogue, uniqueKey } from '../support/factories.ts';
import { signedInStaffMember, type SignedInStaff } from '../support/staff.ts';

const form = (staff: SignedInStaff, fields: [string, string][]) => ({
  headers: { cookie: staff.cookie, 'content-type': 'application/x-www-form-urlencoded' },
  payload: new URLSearchParams([['_csrf', staff.csrf], ...fields]).toString(),
});

function practiceFields(title: string): [string, string][] {
  return [
    ['title', title],
    ['summary', 'Kinderen uit gezinnen met een laag inkomen sporten gratis bij een sportclub in de buurt.'],
    ['problem', 'Veel kinderen konden niet mee met hun klasgenoten omdat de contributie te duur was.'],
    [
      'approach',
      'De gemeente betaalt de contributie rechtstreeks aan de club; de buurtsportcoach zoekt de kinderen op.',
    ],
    ['ambitions', '1'],
    ['ambitions', '4'],
    ['lifeDomains', 'leisure'],
    ['lifeDomains', 'social_network'],
    ['targetGroup', 'Kinderen van 4 tot 18 jaar'],
    ['results', 'Na een jaar sporten 240 kinderen meer bij een club; de meesten blijven na het eerste jaar.'],
    ['evidence', 'measured'],
    ['costs', 'Ongeveer 225 euro per kind per jaar'],
    ['contact', 'sport@gemeente.example.nl'],
    ['documents', 'Evaluatie 2025 | https://example.org/evaluatie.pdf'],
  ];
}

for (const target of databasesUnderTest()) {
  describe(`good practices on ${target.name}`, () => {
    let database: DatabaseHandle;
    let app: FastifyInstance;
    let organisation: string;
    let coordinator: SignedInStaff;
    let analyst: SignedInStaff;

    before(async () => {
      database = await target.open();
      app = await buildTestApp(database);
      const built = buildCatalogue([{}]);
      organisation = built.organisationKey;
      await insertCatalogue(database.db, built.catalogue);
      coordinator = await signedInStaffMember(database.db, {
        role: 'coordinator',
        organisationKey: organisation,
      });
      analyst = await signedInStaffMember(database.db, {
        role: 'national_analyst',
        organisationKey: uniqueKey('rijk'),
      });
    });
    after(async () => {
      await app.close();
      await database.close();
    });

    const base = () => `/beheer/organisaties/${organisation}/goede-voorbeelden`;
    const library = async (query: string) =>
      (await app.inject({ method: 'GET', url: `/api/v1/practices?${query}` })).json<{
        data: { id: string; title: string; alsoTriedBy: number }[];
      }>().data;

    async function submit(title: string): Promise<string> {
      const response = await app.inject({
        method: 'POST',
        url: base(),
        ...form(coordinator, practiceFields(title)),
      });
      assert.equal(response.statusCode, 303, response.body.slice(0, 400));
      const list = await app.inject({ method: 'GET', url: base(), headers: { cookie: coordinator.cookie } });
      const match = new RegExp(`${base()}/([0-9a-f-]{36})"[^>]*>[^<]*<span[^>]*>: ${title}<`).exec(list.body);
      assert.ok(match, 'the submitted practice is listed for its organisation');
      return match[1]!;
    }

    const decide = (id: string, from: string, to: string, comment = '') =>
      app.inject({
        method: 'POST',
        url: `/beheer/goede-voorbeelden/${id}`,
        ...form(analyst, [
          ['from', from],
          ['to', to],
          ['comment', comment],
        ]),
      });

    test('submitted → reviewed → published, then found by another Dutch word form', async () => {
      const word = uniqueKey('zwemclub').replace('-', '');
      const title = `Iedereen naar de sportclub ${word}`;
      const id = await submit(title);
      assert.equal((await library(`q=${word}`)).length, 0, 'not public before publication');
      assert.equal((await decide(id, 'submitted', 'published')).statusCode, 400, 'no skipping the review');
      assert.equal((await decide(id, 'submitted', 'reviewed')).statusCode, 303);
      assert.equal((await decide(id, 'reviewed', 'published')).statusCode, 303);
      const found = await library(`q=${encodeURIComponent(`sportclubs ${word}`)}`);
      assert.deepEqual(
        found.map((p) => p.id),
        [id],
        '"sportclubs" finds "sportclub"',
      );
      assert.equal((await library(`q=${word}&ambition=3`)).length, 0, 'the ambition filter applies');
      assert.equal((await library(`q=${word}&domain=leisure`)).length, 1, 'the life-domain filter applies');
      const page = await app.inject({ method: 'GET', url: `/goede-voorbeelden?q=sportclubs+${word}` });
      assert.match(page.body, new RegExp(title));
    });

    test('a return needs a comment; the organisation sees it, corrects and submits again', async () => {
      const title = `Schoolontbijt ${uniqueKey('x')}`;
      const id = await submit(title);
      const noComment = await decide(id, 'submitted', 'returned');
      assert.equal(noComment.statusCode, 400);
      assert.match(noComment.body, /Schrijf bij het terugsturen wat er beter moet/);
      assert.equal((await decide(id, 'submitted', 'returned', 'Noem de kosten per kind.')).statusCode, 303);
      const edit = await app.inject({
        method: 'GET',
        url: `${base()}/${id}`,
        headers: { cookie: coordinator.cookie },
      });
      assert.match(edit.body, /Noem de kosten per kind\./);
      const again = practiceFields(title).map(([k, v]): [string, string] => [
        k,
        k === 'costs' ? '3 euro per ontbijt' : v,
      ]);
      const resubmitted = await app.inject({
        method: 'POST',
        url: `${base()}/${id}`,
        ...form(coordinator, again),
      });
      assert.equal(resubmitted.statusCode, 303);
      const review = await app.inject({
        method: 'GET',
        url: `/beheer/goede-voorbeelden/${id}`,
        headers: { cookie: analyst.cookie },
      });
      assert.match(review.body, /3 euro per ontbijt/);
      assert.match(review.body, /Teruggestuurd met opmerkingen/, 'the history keeps the return');
    });

    test('bad input is explained per field and nothing is stored', async () => {
      const before = await app.inject({
        method: 'GET',
        url: base(),
        headers: { cookie: coordinator.cookie },
      });
      const response = await app.inject({
        method: 'POST',
        url: base(),
        ...form(coordinator, [
          ['title', 'x'],
          ['documents', 'geen link'],
        ]),
      });
      assert.equal(response.statusCode, 400);
      for (const field of [
        'title',
        'summary',
        'ambitions',
        'lifeDomains',
        'evidence',
        'documents',
        'contact',
      ])
        assert.match(response.body, new RegExp(`href="#${field}"`), field);
      const after = await app.inject({ method: 'GET', url: base(), headers: { cookie: coordinator.cookie } });
      assert.equal(after.body.match(/meedoen-card/g)?.length, before.body.match(/meedoen-card/g)?.length);
    });

    test('a signed-in professional says "we tried this too", once', async () => {
      const word = uniqueKey('huiswerk').replace('-', '');
      const id = await submit(`Huiswerkklas ${word}`);
      await decide(id, 'submitted', 'reviewed');
      await decide(id, 'reviewed', 'published');
      const anonymous = await app.inject({ method: 'GET', url: `/goede-voorbeelden/${id}` });
      assert.doesNotMatch(anonymous.body, /Wij hebben dit ook geprobeerd/);
      const handlerOrg = buildCatalogue([{}]);
      await insertCatalogue(database.db, handlerOrg.catalogue);
      const handler = await signedInStaffMember(database.db, {
        role: 'handler',
        organisationKey: handlerOrg.organisationKey,
      });
      const page = await app.inject({
        method: 'GET',
        url: `/goede-voorbeelden/${id}`,
        headers: { cookie: handler.cookie },
      });
      assert.match(page.body, /Wij hebben dit ook geprobeerd/);
      for (let i = 0; i < 2; i += 1) {
        const reacted = await app.inject({
          method: 'POST',
          url: `/goede-voorbeelden/${id}/ook-geprobeerd`,
          ...form(handler, [['note', 'Bij ons werkte het ook']]),
        });
        assert.equal(reacted.statusCode, 303);
      }
      assert.equal((await library(`q=${word}`))[0]?.alsoTriedBy, 1);
      const shown = await app.inject({ method: 'GET', url: `/goede-voorbeelden/${id}` });
      assert.match(shown.body, new RegExp(`Testorganisatie ${handlerOrg.organisationKey}`));
    });
  });
}
