import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { draftSubmissionKey, hashDraftToken } from '../../src/applications/drafts.ts';
import {
  applicationDrafts,
  applicationEvents,
  applicationItems,
  applications,
  routingPrecedence,
} from '../../src/applications/schema.ts';
import { moveItem } from '../../src/applications/transition.ts';
import { loadConfig } from '../../src/platform/config.ts';
import type { DatabaseHandle } from '../../src/platform/db.ts';
import { mailOutbox } from '../../src/platform/mail/schema.ts';
import { createPseudonymiser } from '../../src/platform/processing-log/index.ts';
import { processingLog } from '../../src/platform/processing-log/schema.ts';
import { newTraceId } from '../../src/platform/trace.ts';
import { buildTestApp } from '../support/app.ts';
import { databasesUnderTest } from '../support/databases.ts';
import { buildCatalogue, insertCatalogue, insertExampleSchemes, uniqueKey } from '../support/factories.ts';

const fixedClock = { now: () => new Date('2025-03-01T10:00:00Z') };
const secret = loadConfig({ NODE_ENV: 'test' }).secret;
const COOKIE = 'meedoen_aanvraag';

/** A family's browser: carries the draft cookie and the page's form token from one request to the next. */
class Family {
  cookie: string | null = null;
  formToken = '';

  constructor(private readonly app: FastifyInstance) {}

  private remember(response: LightMyRequestResponse) {
    const set = response.cookies.find((c) => c.name === COOKIE);
    if (set) this.cookie = set.value;
    const token = /name="_token" value="([^"]+)"/.exec(response.body);
    if (token) this.formToken = token[1]!;
    return response;
  }

  get headers(): Record<string, string> {
    return this.cookie ? { cookie: `${COOKIE}=${this.cookie}` } : {};
  }

  async get(url: string) {
    return this.remember(await this.app.inject({ method: 'GET', url, headers: this.headers }));
  }

  async post(url: string, fields: Record<string, string | string[]>, extra: Record<string, string> = {}) {
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries({ _token: this.formToken, ...fields }))
      for (const one of [value].flat()) body.append(name, one);
    return this.remember(
      await this.app.inject({
        method: 'POST',
        url,
        headers: { ...this.headers, ...extra, 'content-type': 'application/x-www-form-urlencoded' },
        payload: body.toString(),
      }),
    );
  }

  /** Opens a step page (for its token), answers it, and returns where the answer leads. */
  async answer(step: string, fields: Record<string, string | string[]>): Promise<string> {
    const page = await this.get(`/aanvragen/${step}`);
    assert.equal(page.statusCode, 200, `${step}: ${page.statusCode} ${page.headers.location ?? ''}`);
    const response = await this.post(`/aanvragen/${step}`, fields);
    assert.equal(response.statusCode, 303, `${step}: ${response.body.slice(0, 2000)}`);
    return response.headers.location as string;
  }
}

for (const target of databasesUnderTest()) {
  describe(`applying without an account on ${target.name}`, () => {
    let database: DatabaseHandle;
    let app: FastifyInstance;
    const scheme = uniqueKey('gemeente-sport');
    const charity = uniqueKey('fonds-sport');
    const culture = uniqueKey('fonds-cultuur');
    let schemeOrg = '';
    let charityOrg = '';

    before(async () => {
      database = await target.open();
      app = await buildTestApp(database, { clock: fixedClock });
      await insertExampleSchemes(database.db);
      const first = buildCatalogue([
        {
          key: scheme,
          name: { nl: `Sport van de gemeente ${scheme}`, en: `Municipal sport ${scheme}` },
          scheme: 'stadskanaal-minimaregelingen',
        },
      ]);
      const second = buildCatalogue([
        { key: charity, name: { nl: `Sportfonds ${charity}`, en: `Sports fund ${charity}` } },
        {
          key: culture,
          category: 'culture',
          name: { nl: `Cultuurfonds ${culture}`, en: `Culture fund ${culture}` },
        },
      ]);
      await insertCatalogue(database.db, first.catalogue);
      await insertCatalogue(database.db, second.catalogue);
      schemeOrg = first.organisationKey;
      charityOrg = second.organisationKey;
      await database.db.insert(routingPrecedence).values([
        { municipalityCode: 'GM0037', organisationKey: schemeOrg, rank: 1 },
        { municipalityCode: 'GM0037', organisationKey: charityOrg, rank: 2 },
      ]);
    });
    after(async () => {
      await app.close();
      await database.close();
    });

    async function draftOf(family: Family) {
      const [row] = await database.db
        .select({ answers: applicationDrafts.answers, step: applicationDrafts.step })
        .from(applicationDrafts)
        .where(eq(applicationDrafts.tokenHash, hashDraftToken(family.cookie!)));
      return row ?? null;
    }

    async function logCount(traceId: string, activity: string, action: string) {
      const rows = await database.db
        .select({ subject: processingLog.subjectPseudonym })
        .from(processingLog)
        .where(
          and(
            eq(processingLog.traceId, traceId),
            eq(processingLog.activity, activity),
            eq(processingLog.action, action),
          ),
        );
      return rows.map((r) => r.subject);
    }

    /** Starts a draft and answers everything up to the check page; returns the family. */
    async function applyUpToCheck(email = `ouder-${uniqueKey('m')}@example.org`): Promise<Family> {
      const family = new Family(app);
      const start = await family.post('/aanvragen', {});
      assert.equal(start.statusCode, 303);
      assert.equal(start.headers.location, '/aanvragen/woonplaats');
      const setCookie = String(start.headers['set-cookie']);
      assert.match(setCookie, /HttpOnly/);
      assert.match(setCookie, /SameSite=Lax/);
      assert.equal(
        await family.answer('woonplaats', { postcode: '9501 aa', houseNumber: '12' }),
        '/aanvragen/huishouden',
      );
      assert.equal(
        await family.answer('huishouden', { householdType: 'single_parent', ageGroup: '21_to_pension' }),
        '/aanvragen/inkomstenbron',
      );
      assert.equal(await family.answer('inkomstenbron', { incomeSource: 'bijstand' }), '/aanvragen/inkomen');
      assert.equal(
        await family.answer('inkomen', { income: '1.200', assets: 'within_limit' }),
        '/aanvragen/kinderen',
      );
      assert.equal(
        await family.answer('kinderen', { firstName: 'Zoë', birthDate: '2015-03-28', action: 'add' }),
        '/aanvragen/kinderen',
      );
      assert.equal(
        await family.answer('kinderen', { firstName: 'Daan', birthDate: '2012-06-01' }),
        '/aanvragen/voorzieningen',
      );
      const offers = await family.get('/aanvragen/voorzieningen');
      assert.equal(offers.statusCode, 200);
      assert.match(offers.body, /Zoë \(9 jaar\)/);
      assert.match(offers.body, new RegExp(`value="${scheme}"`));
      assert.match(offers.body, new RegExp(`value="${culture}"`));
      // Precedence: the charity's sport is not offered while the municipality's sport is possible.
      assert.doesNotMatch(offers.body, new RegExp(`value="${charity}"`));
      assert.match(offers.body, new RegExp(`Vraag eerst [^<]*Sport van de gemeente ${scheme}[^<]* aan`));
      assert.match(offers.body, /Dit kan/);
      assert.equal(
        await family.answer('voorzieningen', { 'kind-0': [scheme], 'kind-1': [scheme, culture] }),
        '/aanvragen/contact',
      );
      assert.equal(
        await family.answer('contact', { email, phone: '', language: 'nl' }),
        '/aanvragen/toestemming',
      );
      assert.equal(
        await family.answer('toestemming', { by: 'parent', agree: 'yes' }),
        '/aanvragen/controleren',
      );
      const check = await family.get('/aanvragen/controleren');
      assert.equal(check.statusCode, 200);
      assert.match(check.body, /Kijk je antwoorden na/);
      assert.match(check.body, /Zoë, geboren op 28 maart 2015/);
      assert.match(check.body, new RegExp(`Cultuurfonds ${culture}`));
      return family;
    }

    test('a whole application: pages, one application, the e-mail, one log record per child', async () => {
      const email = `ouder-${uniqueKey('m')}@example.org`;
      const family = await applyUpToCheck(email);
      const traceId = newTraceId();
      const traceparent = `00-${traceId}-0123456789abcdef-01`;
      const sent = await family.post('/aanvragen/versturen', {}, { traceparent });
      assert.equal(sent.statusCode, 303);
      assert.equal(sent.headers.location, '/aanvragen/bevestiging');
      assert.equal(await draftOf(family), null, 'the draft is deleted once sent');

      const confirmation = await family.get('/aanvragen/bevestiging');
      assert.equal(confirmation.statusCode, 200);
      assert.equal(confirmation.headers['referrer-policy'], 'no-referrer');
      const link = /href="(http[^"]+\/volgen\/[^"]+)"/.exec(confirmation.body)?.[1];
      const code = /MD-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(confirmation.body)?.[0];
      assert.ok(link && code, 'the page shows the tracking link and the code');
      assert.match(confirmation.body, /naar je e-mailadres gestuurd/);

      const key = draftSubmissionKey(secret, hashDraftToken(family.cookie!));
      const stored = await database.db
        .select({
          id: applications.id,
          reference: applications.reference,
          vouches: applications.intermediaryVouches,
        })
        .from(applications)
        .where(eq(applications.submissionKey, key));
      assert.equal(stored.length, 1);
      assert.equal(stored[0]!.reference, code);
      const items = await database.db
        .select({
          provision: applicationItems.provisionKey,
          org: applicationItems.handlingOrganisation,
          status: applicationItems.status,
        })
        .from(applicationItems)
        .where(eq(applicationItems.applicationId, stored[0]!.id));
      assert.deepEqual(
        items.map((i) => `${i.provision}@${i.org}:${i.status}`).sort(),
        [
          `${scheme}@${schemeOrg}:submitted`,
          `${scheme}@${schemeOrg}:submitted`,
          `${culture}@${charityOrg}:submitted`,
        ].sort(),
      );
      const mail = await database.db
        .select({ subject: mailOutbox.subject, body: mailOutbox.body })
        .from(mailOutbox)
        .where(eq(mailOutbox.recipient, email));
      assert.equal(mail.length, 1);
      assert.ok(mail[0]!.body.includes(link!), 'the mail carries the tracking link');
      assert.ok(mail[0]!.subject.includes(code!));
      const submitRecords = await logCount(traceId, 'applications.submit', 'create');
      assert.equal(submitRecords.length, 2, 'one record per child');
      assert.equal(new Set(submitRecords).size, 2);

      // A repeat of the final POST (double click, resend) shows the same application and creates none.
      const again = await family.post('/aanvragen/versturen', {});
      assert.equal(again.statusCode, 303);
      assert.equal(again.headers.location, '/aanvragen/bevestiging');
      const count = await database.db
        .select({ id: applications.id })
        .from(applications)
        .where(eq(applications.submissionKey, key));
      assert.equal(count.length, 1);
      assert.equal((await logCount(traceId, 'applications.submit', 'create')).length, 2);

      // The tracking page: statuses in words, private headers, one read record per child.
      const path = new URL(link!).pathname;
      const readTrace = newTraceId();
      const tracking = await app.inject({
        method: 'GET',
        url: path,
        headers: { traceparent: `00-${readTrace}-0123456789abcdef-01` },
      });
      assert.equal(tracking.statusCode, 200);
      assert.equal(tracking.headers['cache-control'], 'no-store');
      assert.equal(tracking.headers['referrer-policy'], 'no-referrer');
      assert.match(tracking.body, new RegExp(`Je aanvraag ${code}`));
      assert.match(tracking.body, /Ontvangen/);
      assert.match(tracking.body, /Zoë/);
      const reads = await logCount(readTrace, 'applications.track', 'read');
      assert.equal(reads.length, 2);
      assert.deepEqual(new Set(reads), new Set(submitRecords), 'the same children');
      const english = await app.inject({ method: 'GET', url: `${path}?lang=en` });
      assert.match(english.body, /Submitted/);
    });

    test('the tracking page: answer a question, withdraw, bad tokens change nothing', async () => {
      const family = await applyUpToCheck();
      await family.post('/aanvragen/versturen', {});
      const confirmation = await family.get('/aanvragen/bevestiging');
      const path = new URL(/href="(http[^"]+\/volgen\/[^"]+)"/.exec(confirmation.body)![1]!).pathname;
      const key = draftSubmissionKey(secret, hashDraftToken(family.cookie!));
      const [application] = await database.db
        .select({ id: applications.id })
        .from(applications)
        .where(eq(applications.submissionKey, key));
      const items = await database.db
        .select({ id: applicationItems.id, provision: applicationItems.provisionKey })
        .from(applicationItems)
        .where(eq(applicationItems.applicationId, application!.id));
      const asked = items.find((i) => i.provision === culture)!;
      const other = items.find((i) => i.provision === scheme)!;
      const staff = { kind: 'staff' as const, personId: null, role: 'handler', organisation: charityOrg };
      await database.db.transaction((tx) =>
        moveItem(
          tx,
          {
            itemId: asked.id,
            to: 'information_requested',
            actor: staff,
            text: 'Stuur een foto van je U-pas.',
            now: fixedClock.now(),
            traceId: newTraceId(),
          },
          { secret, publicBaseUrl: 'http://x', pseudonymiser: createPseudonymiser(secret) },
        ),
      );
      const statusOf = async (id: string) =>
        (
          await database.db
            .select({ s: applicationItems.status })
            .from(applicationItems)
            .where(eq(applicationItems.id, id))
        )[0]!.s;

      const page = await app.inject({ method: 'GET', url: path });
      assert.match(page.body, /Er is een vraag voor je/);
      assert.match(page.body, /Stuur een foto van je U-pas\./);
      const token = /name="_token" value="([^"]+)"/.exec(page.body)![1]!;
      const post = (suffix: string, fields: Record<string, string>) =>
        app.inject({
          method: 'POST',
          url: `${path}/${suffix}`,
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          payload: new URLSearchParams(fields).toString(),
        });

      const empty = await post('antwoord', { _token: token, item: asked.id, antwoord: '  ' });
      assert.equal(empty.statusCode, 400);
      assert.match(empty.body, /Schrijf je antwoord op de vraag/);
      const forged = await post('antwoord', { _token: 'wrong', item: asked.id, antwoord: 'Hier is hij.' });
      assert.equal(forged.statusCode, 400);
      assert.match(forged.body, /formulier was verlopen/);
      assert.equal(await statusOf(asked.id), 'information_requested');

      const answered = await post('antwoord', {
        _token: token,
        item: asked.id,
        antwoord: 'De foto zit in de bijlage.',
      });
      assert.equal(answered.statusCode, 303);
      assert.equal(answered.headers.location, path);
      assert.equal(await statusOf(asked.id), 'information_answered');
      const [event] = await database.db
        .select({ text: applicationEvents.text, actor: applicationEvents.actorKind })
        .from(applicationEvents)
        .where(
          and(eq(applicationEvents.itemId, asked.id), eq(applicationEvents.toStatus, 'information_answered')),
        );
      assert.deepEqual(event, { text: 'De foto zit in de bijlage.', actor: 'family' });

      // Withdrawing asks once more; only "yes" withdraws.
      const confirm = await post('intrekken', { _token: token, item: other.id });
      assert.equal(confirm.statusCode, 200);
      assert.match(confirm.body, /Wil je .* intrekken\?/);
      assert.equal(await statusOf(other.id), 'submitted');
      const withdrawn = await post('intrekken', { _token: token, item: other.id, zeker: 'ja' });
      assert.equal(withdrawn.statusCode, 303);
      assert.equal(await statusOf(other.id), 'withdrawn');
      const twice = await post('intrekken', { _token: token, item: other.id, zeker: 'ja' });
      assert.equal(twice.statusCode, 409);
      const after = await app.inject({ method: 'GET', url: path });
      assert.match(after.body, /Ingetrokken/);

      // An item of another application cannot be moved through this link.
      const stranger = await post('intrekken', {
        _token: token,
        item: '00000000-0000-4000-8000-000000000000',
        zeker: 'ja',
      });
      assert.equal(stranger.statusCode, 409);
    });

    test('concurrent identical final POSTs create one application', async () => {
      const family = await applyUpToCheck();
      const responses = await Promise.all(
        Array.from({ length: 5 }, () => family.post('/aanvragen/versturen', {})),
      );
      for (const response of responses) {
        assert.equal(response.statusCode, 303);
        assert.equal(response.headers.location, '/aanvragen/bevestiging');
      }
      const key = draftSubmissionKey(secret, hashDraftToken(family.cookie!));
      const stored = await database.db
        .select({ id: applications.id })
        .from(applications)
        .where(eq(applications.submissionKey, key));
      assert.equal(stored.length, 1);
    });

    test('an unknown tracking link is a 404 that says nothing more', async () => {
      const response = await app.inject({ method: 'GET', url: '/volgen/not-a-real-token' });
      assert.equal(response.statusCode, 404);
      assert.match(response.body, /Deze link is niet geldig/);
      assert.equal(response.headers['referrer-policy'], 'no-referrer');
      const post = await app.inject({
        method: 'POST',
        url: '/volgen/not-a-real-token/intrekken',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'item=x',
      });
      assert.equal(post.statusCode, 404);
    });

    test('a closed tab resumes where the family was, with what it typed', async () => {
      const family = new Family(app);
      await family.post('/aanvragen', {});
      await family.answer('woonplaats', { postcode: '9501AA', houseNumber: '12a' });
      await family.answer('huishouden', { householdType: 'couple', ageGroup: 'mixed' });
      // Each saved step is a processing of the family's answers: one record per save, about the draft.
      const [draft] = await database.db
        .select({ id: applicationDrafts.id })
        .from(applicationDrafts)
        .where(eq(applicationDrafts.tokenHash, hashDraftToken(family.cookie!)));
      const draftSaves = await database.db
        .select({ action: processingLog.action, role: processingLog.actorRole })
        .from(processingLog)
        .where(
          and(
            eq(processingLog.activity, 'applications.draft'),
            eq(
              processingLog.subjectPseudonym,
              createPseudonymiser(secret).pseudonym('application-draft', draft!.id),
            ),
          ),
        );
      assert.deepEqual(draftSaves, [
        { action: 'update', role: 'family' },
        { action: 'update', role: 'family' },
      ]);
      // A new request with only the cookie: the visit to /aanvragen goes to the step the family was at.
      const fresh = new Family(app);
      fresh.cookie = family.cookie;
      const resume = await fresh.get('/aanvragen');
      assert.equal(resume.statusCode, 303);
      assert.equal(resume.headers.location, '/aanvragen/inkomstenbron');
      const back = await fresh.get('/aanvragen/woonplaats');
      assert.equal(back.statusCode, 200);
      assert.match(back.body, /value="9501AA"/);
      assert.match(back.body, /value="12a"/);
      const household = await fresh.get('/aanvragen/huishouden');
      assert.match(household.body, /value="mixed" checked/);
      // A later step than the first open one sends the family back to that one.
      const ahead = await fresh.get('/aanvragen/contact');
      assert.equal(ahead.headers.location, '/aanvragen/inkomstenbron');
      // Without a cookie nothing is found, and nothing personal is in any address.
      const stranger = await app.inject({ method: 'GET', url: '/aanvragen/huishouden' });
      assert.equal(stranger.statusCode, 303);
      assert.equal(stranger.headers.location, '/aanvragen');
    });

    test('bad input on each step gives field errors and changes nothing', async () => {
      const family = new Family(app);
      await family.post('/aanvragen', {});
      const cases: [string, Record<string, string>, string, RegExp][] = [
        ['woonplaats', { postcode: '12', houseNumber: '' }, 'postcode', /4 cijfers en 2 letters/],
        [
          'woonplaats',
          { postcode: '9501AA', houseNumber: 'twaalf' },
          'houseNumber',
          /Vul het huisnummer in met cijfers/,
        ],
      ];
      const steps: [string, Record<string, string>][] = [
        ['woonplaats', { postcode: '9501AA', houseNumber: '3' }],
        ['huishouden', { householdType: 'single_parent', ageGroup: '21_to_pension' }],
        ['inkomstenbron', { incomeSource: 'work' }],
        ['inkomen', { income: '1000', assets: 'unknown' }],
        ['kinderen', { firstName: 'Sam', birthDate: '2016-01-10' }],
      ];
      const later: [string, Record<string, string>, string, RegExp][] = [
        [
          'huishouden',
          { householdType: 'single_parent', ageGroup: 'mixed' },
          'ageGroup',
          /Kies een antwoord/,
        ],
        ['inkomstenbron', { incomeSource: 'lottery' }, 'incomeSource', /Kies een antwoord/],
        ['inkomen', { income: 'veel', assets: 'within_limit' }, 'income', /Vul een bedrag in euro in/],
        [
          'kinderen',
          { firstName: 'J.', birthDate: '2030-01-01', action: 'add' },
          'firstName',
          /Eén letter is niet genoeg/,
        ],
        [
          'kinderen',
          { firstName: 'Jan', birthDate: '2030-01-01', action: 'add' },
          'birthDate',
          /ligt in de toekomst/,
        ],
        ['voorzieningen', {}, 'kind-0', /Kies minstens één soort hulp/],
      ];
      async function expectRejected([step, fields, field, message]: [
        string,
        Record<string, string>,
        string,
        RegExp,
      ]) {
        const before = await draftOf(family);
        await family.get(`/aanvragen/${step}`);
        const response = await family.post(`/aanvragen/${step}`, fields);
        assert.equal(response.statusCode, 400, `${step} ${JSON.stringify(fields)}`);
        assert.match(response.body, message);
        assert.match(response.body, new RegExp(`href="#${field}"`), `the error summary links to ${field}`);
        assert.deepEqual(await draftOf(family), before, `${step}: the draft is unchanged`);
      }
      for (const row of cases) await expectRejected(row);
      for (const [step, fields] of steps) await family.answer(step, fields);
      for (const row of later) await expectRejected(row);
      await family.answer('voorzieningen', { 'kind-0': [scheme] });
      await expectRejected([
        'contact',
        { email: '', phone: '', language: 'nl' },
        'email',
        /e-mailadres of je telefoonnummer/,
      ]);
      await expectRejected([
        'contact',
        { email: 'geen-adres', phone: '12', language: 'nl' },
        'phone',
        /10 cijfers/,
      ]);
      await family.answer('contact', { email: 'a@example.org', phone: '', language: 'en' });
      // A young person applies only for themself from 16: Sam is 9.
      await expectRejected([
        'toestemming',
        { by: 'young_person', agree: 'yes' },
        'by',
        /Zelf aanvragen kan alleen/,
      ]);
      await expectRejected(['toestemming', { by: 'parent' }, 'agree', /Zet een vinkje/]);

      // A missing or wrong form token changes nothing and says so.
      const before = await draftOf(family);
      const forged = await family.post('/aanvragen/toestemming', {
        _token: 'forged',
        by: 'parent',
        agree: 'yes',
      });
      assert.equal(forged.statusCode, 400);
      assert.match(forged.body, /formulier was verlopen/);
      assert.deepEqual(await draftOf(family), before);
      await family.answer('toestemming', { by: 'parent', agree: 'yes' });
      const complete = await draftOf(family);
      const sendForged = await family.post('/aanvragen/versturen', { _token: '' });
      assert.equal(sendForged.statusCode, 400);
      assert.match(sendForged.body, /formulier was verlopen/);
      assert.deepEqual(await draftOf(family), complete);
      const key = draftSubmissionKey(secret, hashDraftToken(family.cookie!));
      const none = await database.db
        .select({ id: applications.id })
        .from(applications)
        .where(eq(applications.submissionKey, key));
      assert.equal(none.length, 0, 'nothing was sent');
    });
  });
}
