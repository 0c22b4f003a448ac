import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Role } from '../../src/identity/roles.ts';
import { completeSecondFactor, resumeSession, startSession } from '../../src/identity/sessions.ts';
import { createPerson } from '../../src/identity/store.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { csrfToken } from '../../src/platform/csrf.ts';
import type { DatabaseHandle } from '../../src/platform/db.ts';
import {
  createPseudonymiser,
  defineActivity,
  logProcessing,
  NO_SUBJECT,
  type ProcessingEntry,
} from '../../src/platform/processing-log/index.ts';
import { processingLog } from '../../src/platform/processing-log/schema.ts';
import { newTraceId } from '../../src/platform/trace.ts';
import { buildTestApp } from '../support/app.ts';
import { databasesUnderTest } from '../support/databases.ts';
import { uniqueKey } from '../support/factories.ts';

const secret = loadConfig({ NODE_ENV: 'test' }).secret;
const pseudonymiser = createPseudonymiser(secret);
const unique = () => randomBytes(6).toString('hex');

// Activity codes are global to the process, so each is defined once, here, with a code of this run.
const texts = (what: string) => ({
  purpose: { nl: `Doel: ${what}`, en: `Purpose: ${what}` },
  legalBasis: { nl: 'AVG art. 6 lid 1 sub e', en: 'GDPR art. 6(1)(e)' },
});
const viewChild = defineActivity({
  code: `test.privacy-view-${unique()}`,
  subjectKind: 'child',
  ...texts('inzien'),
});
const grantChild = defineActivity({
  code: `test.privacy-grant-${unique()}`,
  subjectKind: 'child',
  ...texts('toekennen'),
});

const cookieHeader = (token: string) => ({ cookie: `meedoen_sessie=${token}` });
const csrfIn = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
const titleOf = (html: string) => /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';

/** Every header value as one string, to show something never leaks into one. */
const allHeaders = (response: LightMyRequestResponse) =>
  Object.entries(response.headers)
    .map(([name, value]) => `${name}: ${[value].flat().join(', ')}`)
    .join('\n');

for (const target of databasesUnderTest()) {
  describe(`privacy officer's pages on ${target.name}`, () => {
    let database: DatabaseHandle;
    let app: FastifyInstance;

    before(async () => {
      database = await target.open();
      app = await buildTestApp(database);
      await app.ready();
    });
    after(async () => {
      await app.close();
      await database.close();
    });

    /** A staff member with one role, fully signed in (password and second step), with their cookie. */
    async function signedInAs(
      role: Role,
    ): Promise<{ cookie: string; personId: string; organisation: string }> {
      const now = new Date();
      const organisation = role === 'platform_admin' ? '' : uniqueKey('org');
      const person = await createPerson(database.db, {
        email: `${uniqueKey(role)}@example.org`,
        displayName: `Test ${role}`,
        memberships: [{ organisationKey: organisation, role }],
      });
      const half = await resumeSession(database.db, await startSession(database.db, person.id, now), now);
      return {
        cookie: await completeSecondFactor(database.db, half!, now),
        personId: person.id,
        organisation,
      };
    }
    const signedIn = async (role: Role) => (await signedInAs(role)).cookie;

    async function log(entries: Partial<ProcessingEntry>[]): Promise<void> {
      await database.db.transaction(async (tx) => {
        for (const entry of entries)
          await logProcessing(
            tx,
            {
              actor: { personId: `person-${unique()}`, role: 'handler', organisation: `org-${unique()}` },
              activity: viewChild,
              action: 'read',
              subject: { kind: 'child', id: `child-${unique()}` },
              traceId: newTraceId(),
              ...entry,
            },
            pseudonymiser,
          );
      });
    }

    const get = (url: string, cookie?: string) =>
      app.inject({ method: 'GET', url, headers: cookie ? cookieHeader(cookie) : {} });
    const post = (url: string, fields: Record<string, string>, cookie: string) =>
      app.inject({
        method: 'POST',
        url,
        headers: { ...cookieHeader(cookie), 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams(fields).toString(),
      });
    /** A request in a trace of its own, so the records it writes can be told from every other. */
    function traced(method: 'GET' | 'POST', url: string, cookie: string, fields?: Record<string, string>) {
      const traceId = newTraceId();
      const response = app.inject({
        method,
        url,
        headers: {
          ...cookieHeader(cookie),
          traceparent: `00-${traceId}-${'1'.repeat(16)}-01`,
          ...(fields ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
        ...(fields ? { payload: new URLSearchParams(fields).toString() } : {}),
      });
      return { traceId, response };
    }
    const recordsOfTrace = (traceId: string) =>
      database.db.select().from(processingLog).where(eq(processingLog.traceId, traceId));
    /** Each stored row as text, to show a typed identifier is nowhere in it. */
    async function rawRowsOfTrace(traceId: string): Promise<string> {
      const result = (await database.db.execute(
        sql`select row_to_json(p)::text as raw from processing_log p where trace_id = ${traceId}`,
      )) as unknown as { rows: { raw: string }[] };
      return result.rows.map((row) => row.raw).join('\n');
    }

    const rowsIn = (html: string) => html.match(/<tr class="utrecht-table__row">(?!<th)/g)?.length ?? 0;

    test('the privacy officer sees only the records that match, newest first, in a table', async () => {
      const officer = await signedIn('privacy_officer');
      const actor = `person-${unique()}`;
      const other = `person-${unique()}`;
      await log([
        { actor: { personId: actor, role: 'handler', organisation: 'org-a' }, activity: viewChild },
        { actor: { personId: actor, role: 'handler', organisation: 'org-a' }, activity: grantChild },
        { actor: { personId: other, role: 'handler', organisation: 'org-b' }, activity: grantChild },
      ]);
      const response = await get(
        `/beheer/verwerkingen?actor=${actor}&activity=${grantChild.code}&from=&to=&subject=`,
        officer,
      );
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers['cache-control'], 'no-store');
      assert.match(response.body, /<h1 class="utrecht-heading-1">Logboek van verwerkingen<\/h1>/);
      assert.match(
        response.body,
        /<caption class="utrecht-table__caption">Verwerkingen 1 tot en met 1 van 1</,
      );
      assert.match(response.body, /<th class="utrecht-table__header-cell" scope="col">Wanneer<\/th>/);
      assert.match(
        response.body,
        /class="utrecht-table-container meedoen-table-scroll" tabindex="0" role="region"/,
      );
      assert.equal(rowsIn(response.body), 1);
      assert.ok(response.body.includes(`<td class="utrecht-table__cell">${grantChild.code}</td>`));
      assert.ok(!response.body.includes(other));
      // The selected activity stays chosen, and the export link carries the same filter.
      assert.match(response.body, new RegExp(`value="${grantChild.code}" selected`));
      assert.ok(
        response.body.includes(
          `/beheer/verwerkingen/export.csv?activity=${grantChild.code}&amp;actor=${actor}`,
        ),
      );
    });

    test('cells are text: markup in the log is shown, never run', async () => {
      const officer = await signedIn('privacy_officer');
      const organisation = `<script>alert(1)</script>-${unique()}`;
      await log([{ actor: { personId: null, role: 'handler', organisation } }]);
      const response = await get(`/beheer/verwerkingen?activity=${viewChild.code}&lang=en`, officer);
      assert.equal(response.statusCode, 200);
      assert.ok(!response.body.includes(organisation));
      assert.ok(response.body.includes('&lt;script>alert(1)&lt;/script>'));
      assert.match(response.body, /<h1 class="utrecht-heading-1">Processing log<\/h1>/);
    });

    test('fifty to a page, with links to the next and previous pages', async () => {
      const officer = await signedIn('privacy_officer');
      const actor = `person-${unique()}`;
      await log(
        Array.from({ length: 51 }, () => ({
          actor: { personId: actor, role: 'handler', organisation: null },
        })),
      );
      const first = await get(`/beheer/verwerkingen?actor=${actor}`, officer);
      assert.equal(rowsIn(first.body), 50);
      assert.match(first.body, /Verwerkingen 1 tot en met 50 van 51/);
      assert.ok(first.body.includes(`href="/beheer/verwerkingen?actor=${actor}&amp;page=2"`));
      assert.ok(!first.body.includes('rel="prev"'));
      const second = await get(`/beheer/verwerkingen?actor=${actor}&page=2`, officer);
      assert.equal(rowsIn(second.body), 1);
      assert.match(second.body, /Verwerkingen 51 tot en met 51 van 51/);
      assert.ok(second.body.includes(`href="/beheer/verwerkingen?actor=${actor}"`));
      assert.ok(!second.body.includes('rel="next"'));
      const beyond = await get(`/beheer/verwerkingen?actor=${actor}&page=9`, officer);
      assert.equal(beyond.statusCode, 200);
      assert.match(beyond.body, /Er zijn geen verwerkingen gevonden/);
    });

    test('bad input gets a message by its field and a 400, never a crash', async () => {
      const officer = await signedIn('privacy_officer');
      const cases: [query: string, field: string, message: RegExp][] = [
        ['activity=no.such-activity', 'activity', /Kies een verwerking uit de lijst/],
        ['from=31-01-2026', 'from', /Vul een datum in zoals 2026-01-31/],
        ['from=2024-13-45', 'from', /Vul een datum in zoals 2026-01-31/],
        ['from=2026-02-02&to=2026-02-01', 'to', /op of na de begindatum/],
        ['subject=abc', 'subject', /64 tekens/],
        ['actor=%00x', 'actor', /Vul het nummer van de medewerker in/],
        ['activity=a&activity=b', 'activity', /Kies een verwerking uit de lijst/],
      ];
      for (const [query, field, message] of cases) {
        const response = await get(`/beheer/verwerkingen?${query}`, officer);
        assert.equal(response.statusCode, 400, query);
        assert.match(titleOf(response.body), /^Fout: /, query);
        assert.ok(response.body.includes(`href="#${field}"`), query);
        assert.ok(response.body.includes(`id="${field}-error"`), query);
        assert.match(response.body, message, query);
        assert.ok(!response.body.includes('<table'), query);
        const exported = await get(`/beheer/verwerkingen/export.csv?${query}`, officer);
        assert.equal(exported.statusCode, 400, query);
        assert.match(String(exported.headers['content-type']), /^text\/html/, query);
      }
      for (const page of ['0', '-1', 'x', '1e9']) {
        const response = await get(`/beheer/verwerkingen?page=${page}`, officer);
        assert.equal(response.statusCode, 200, page);
      }
    });

    test('the export is the matching records as CSV, header first, as a dated attachment', async () => {
      const officer = await signedIn('privacy_officer');
      const actor = `person-${unique()}`;
      await log([
        { actor: { personId: actor, role: 'handler', organisation: '=cmd' }, action: 'read' },
        { actor: { personId: actor, role: 'handler', organisation: 'org' }, action: 'update' },
        { actor: { personId: `person-${unique()}`, role: 'handler', organisation: 'org' } },
      ]);
      const response = await get(`/beheer/verwerkingen/export.csv?actor=${actor}`, officer);
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers['content-type'], 'text/csv; charset=utf-8');
      assert.match(
        String(response.headers['content-disposition']),
        /^attachment; filename="verwerkingen-\d{4}-\d{2}-\d{2}\.csv"$/,
      );
      assert.equal(response.headers['cache-control'], 'no-store');
      const lines = response.body.split('\r\n');
      assert.equal(lines.pop(), '');
      assert.equal(
        lines[0],
        'id,at,actor_person_id,actor_role,actor_organisation,activity,action,subject_pseudonym,trace_id',
      );
      assert.equal(lines.length, 3);
      // Newest first; a cell a spreadsheet would run is defused.
      assert.match(lines[1]!, /,update,/);
      assert.match(lines[2]!, /,'=cmd,/);
      assert.ok(lines.slice(1).every((line) => line.includes(actor)));
    });

    test('a data subject’s request is answered with every processing about them, purpose and basis', async () => {
      const officer = await signedIn('privacy_officer');
      const identifier = `kind-${unique()}`;
      await log([
        { subject: { kind: 'child', id: identifier }, activity: viewChild, action: 'read' },
        {
          subject: { kind: 'child', id: identifier },
          activity: grantChild,
          action: 'create',
          actor: { personId: 'person-secret-name', role: 'coordinator', organisation: 'org-leergeld' },
        },
        { subject: { kind: 'child', id: `kind-${unique()}` }, activity: grantChild },
      ]);
      const form = await get('/beheer/verwerkingen/betrokkene', officer);
      assert.equal(form.statusCode, 200);
      assert.match(form.body, /<option value="child"[^>]*>Een kind<\/option>/);
      const answer = await post(
        '/beheer/verwerkingen/betrokkene',
        { _csrf: csrfIn(form.body), kind: 'child', identifier },
        officer,
      );
      assert.equal(answer.statusCode, 200);
      assert.equal(answer.headers['cache-control'], 'no-store');
      assert.equal(answer.headers.location, undefined);
      assert.ok(!allHeaders(answer).includes(identifier));
      assert.ok(!titleOf(answer.body).includes(identifier));
      assert.ok(!answer.body.includes(identifier), 'the identifier is not shown again');
      assert.match(answer.body, /<caption class="utrecht-table__caption">2 verwerkingen over deze persoon</);
      assert.equal(rowsIn(answer.body), 2);
      assert.ok(answer.body.includes('Doel: toekennen'));
      assert.ok(answer.body.includes('AVG art. 6 lid 1 sub e'));
      assert.ok(answer.body.includes('<td class="utrecht-table__cell">Coördinator</td>'));
      assert.ok(answer.body.includes('org-leergeld'));
      // Staff are named by role and organisation only.
      assert.ok(!answer.body.includes('person-secret-name'));

      const nobody = await post(
        '/beheer/verwerkingen/betrokkene',
        { _csrf: csrfIn(form.body), kind: 'child', identifier: `kind-${unique()}` },
        officer,
      );
      assert.equal(nobody.statusCode, 200);
      assert.match(nobody.body, /Er zijn geen verwerkingen over deze persoon gevonden/);
    });

    test('answering a data subject’s request writes exactly one record about them per answer', async () => {
      const officer = await signedInAs('privacy_officer');
      const identifier = `kind-${unique()}`;
      const pseudonym = pseudonymiser.pseudonym('child', identifier);
      await log([{ subject: { kind: 'child', id: identifier } }]);
      const form = await get('/beheer/verwerkingen/betrokkene', officer.cookie);
      assert.ok(!form.body.includes('value="data-subject"'), 'the officer’s own activities add no kind');
      const fields = { _csrf: csrfIn(form.body), kind: 'child', identifier };

      const first = traced('POST', '/beheer/verwerkingen/betrokkene', officer.cookie, fields);
      assert.equal((await first.response).statusCode, 200);
      const records = await recordsOfTrace(first.traceId);
      assert.deepEqual(
        records.map((r) => ({
          activity: r.activity,
          action: r.action,
          subject: r.subjectPseudonym,
          actor: [r.actorPersonId, r.actorRole, r.actorOrganisation],
        })),
        [
          {
            activity: 'privacy.subject-access',
            action: 'read',
            subject: pseudonym,
            actor: [officer.personId, 'privacy_officer', officer.organisation],
          },
        ],
      );
      assert.ok(!(await rawRowsOfTrace(first.traceId)).includes(identifier));

      // The next answer shows the first one; each answer writes its own record, and only one.
      const second = traced('POST', '/beheer/verwerkingen/betrokkene', officer.cookie, fields);
      const answer = await second.response;
      assert.match(answer.body, /2 verwerkingen over deze persoon/);
      assert.ok(answer.body.includes('<td class="utrecht-table__cell">privacy.subject-access</td>'));
      assert.ok(answer.body.includes('AVG art. 15'));
      assert.equal((await recordsOfTrace(second.traceId)).length, 1);
      const about = await database.db
        .select()
        .from(processingLog)
        .where(eq(processingLog.subjectPseudonym, pseudonym));
      assert.equal(about.filter((r) => r.activity === 'privacy.subject-access').length, 2);

      const refused = traced('POST', '/beheer/verwerkingen/betrokkene', officer.cookie, {
        ...fields,
        kind: 'dragon',
      });
      assert.equal((await refused.response).statusCode, 400);
      assert.equal((await recordsOfTrace(refused.traceId)).length, 0, 'nothing read, nothing logged');
    });

    test('every search and export of the log writes one record per person it names, and no typed id', async () => {
      const officer = await signedInAs('privacy_officer');
      const actor = `person-${unique()}`;
      const subject = pseudonymiser.pseudonym('child', `kind-${unique()}`);
      const staffPseudonym = pseudonymiser.pseudonym('staff-member', actor);
      await log([{ actor: { personId: actor, role: 'handler', organisation: null } }]);
      const subjectsOf = async (traceId: string) =>
        (await recordsOfTrace(traceId)).map((r) => `${r.activity} ${r.action} ${r.subjectPseudonym}`).sort();
      const cases: [url: string, expected: string[]][] = [
        [`/beheer/verwerkingen?subject=${subject}`, [`privacy.log-search read ${subject}`]],
        [`/beheer/verwerkingen?actor=${actor}`, [`privacy.log-search read ${staffPseudonym}`]],
        [`/beheer/verwerkingen?actor=${actor}&page=2`, [`privacy.log-search read ${staffPseudonym}`]],
        [
          `/beheer/verwerkingen?actor=${actor}&subject=${subject}`,
          [`privacy.log-search read ${staffPseudonym}`, `privacy.log-search read ${subject}`].sort(),
        ],
        [
          `/beheer/verwerkingen?activity=${viewChild.code}`,
          [`privacy.log-search read ${NO_SUBJECT.pseudonym}`],
        ],
        [`/beheer/verwerkingen`, [`privacy.log-search read ${NO_SUBJECT.pseudonym}`]],
        [`/beheer/verwerkingen/export.csv?actor=${actor}`, [`privacy.log-search export ${staffPseudonym}`]],
        [`/beheer/verwerkingen/export.csv`, [`privacy.log-search export ${NO_SUBJECT.pseudonym}`]],
        [`/beheer/verwerkingen?subject=abc`, []],
        [`/beheer/verwerkingen/export.csv?from=2024-13-45`, []],
      ];
      for (const [url, expected] of cases) {
        const { traceId, response } = traced('GET', url, officer.cookie);
        assert.equal((await response).statusCode, expected.length > 0 ? 200 : 400, url);
        assert.deepEqual(await subjectsOf(traceId), expected, url);
        assert.ok(!(await rawRowsOfTrace(traceId)).includes(actor), url);
        for (const record of await recordsOfTrace(traceId))
          assert.deepEqual(
            [record.actorPersonId, record.actorRole, record.actorOrganisation],
            [officer.personId, 'privacy_officer', officer.organisation],
            url,
          );
      }

      // The search shows the log as it was asked: its own record comes with the next read.
      const { traceId, response } = traced(
        'GET',
        `/beheer/verwerkingen?subject=${staffPseudonym}`,
        officer.cookie,
      );
      const page = await response;
      assert.ok(!page.body.includes(traceId));
      const next = await get(`/beheer/verwerkingen?subject=${staffPseudonym}`, officer.cookie);
      assert.ok(next.body.includes(`<code>${traceId}</code>`));
      const own = await get(`/beheer/verwerkingen?actor=${officer.personId}`, officer.cookie);
      assert.match(own.body, /Verwerkingen 1 tot en met 11 van 11/);
      assert.ok(own.body.includes(`<code>${subject}</code>`));
      assert.ok(!own.body.includes(`<code>${NO_SUBJECT.pseudonym}</code>`), 'no subject shows as none');
    });

    test('the request form refuses a missing token (403) and bad fields (400)', async () => {
      const officer = await signedIn('privacy_officer');
      const identifier = `kind-${unique()}`;
      const noToken = await post('/beheer/verwerkingen/betrokkene', { kind: 'child', identifier }, officer);
      assert.equal(noToken.statusCode, 403);
      assert.match(noToken.body, /Dit formulier is verlopen/);
      assert.ok(!noToken.body.includes('<table'));
      const csrf = csrfIn((await get('/beheer/verwerkingen/betrokkene', officer)).body);
      const otherSession = csrfToken(secret, 'another-session');
      const wrong = await post(
        '/beheer/verwerkingen/betrokkene',
        { _csrf: otherSession, kind: 'child', identifier },
        officer,
      );
      assert.equal(wrong.statusCode, 403);
      const badKind = await post(
        '/beheer/verwerkingen/betrokkene',
        { _csrf: csrf, kind: 'dragon', identifier },
        officer,
      );
      assert.equal(badKind.statusCode, 400);
      assert.ok(badKind.body.includes('href="#kind"'));
      assert.ok(!titleOf(badKind.body).includes(identifier));
      const empty = await post(
        '/beheer/verwerkingen/betrokkene',
        { _csrf: csrf, kind: 'child', identifier: ' ' },
        officer,
      );
      assert.equal(empty.statusCode, 400);
      assert.ok(empty.body.includes('href="#identifier"'));
      assert.match(empty.body, /Vul het nummer van de persoon in/);
      const tooLong = await post(
        '/beheer/verwerkingen/betrokkene',
        { _csrf: csrf, kind: 'child', identifier: 'x'.repeat(201) },
        officer,
      );
      assert.equal(tooLong.statusCode, 400);
      assert.match(tooLong.body, /te lang/);
    });

    test('other staff get not found, and nobody signed in is sent to sign in', async () => {
      const handler = await signedIn('handler');
      const admin = await signedIn('platform_admin');
      for (const url of [
        '/beheer/verwerkingen',
        '/beheer/verwerkingen/export.csv',
        '/beheer/verwerkingen/betrokkene',
      ]) {
        assert.equal((await get(url, handler)).statusCode, 404, url);
        assert.equal((await get(url, admin)).statusCode, 404, url);
        const anonymous = await get(url);
        assert.equal(anonymous.statusCode, 303, url);
        assert.equal(anonymous.headers.location, '/inloggen', url);
      }
      const posted = await post(
        '/beheer/verwerkingen/betrokkene',
        { kind: 'child', identifier: 'x' },
        handler,
      );
      assert.equal(posted.statusCode, 404);
      const half = await startSession(
        database.db,
        (
          await createPerson(database.db, {
            email: `${uniqueKey('half')}@example.org`,
            displayName: 'Half',
            memberships: [{ organisationKey: uniqueKey('org'), role: 'privacy_officer' }],
          })
        ).id,
        new Date(),
      );
      assert.equal((await get('/beheer/verwerkingen', half)).headers.location, '/inloggen/code');
    });

    test('every route of the plugin declares the privacy officer’s action', () => {
      const ours = app.routeTable.filter((route) => route.url.startsWith('/beheer/verwerkingen'));
      assert.deepEqual(ours.map((route) => `${route.method} ${route.url}`).sort(), [
        'GET /beheer/verwerkingen',
        'GET /beheer/verwerkingen/betrokkene',
        'GET /beheer/verwerkingen/export.csv',
        'POST /beheer/verwerkingen/betrokkene',
      ]);
      for (const route of ours) assert.deepEqual(route.access, { action: 'processing_log.search' });
    });
  });
}
