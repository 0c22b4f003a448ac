import assert from 'node:assert/strict';
import { createHash, randomInt } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { and, count, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { RESET_DONE_LOCATION } from '../../src/identity/password-reset-routes.tsx';
import { hashPassword, verifyPassword } from '../../src/identity/password.ts';
import { memberships as membershipTable, people } from '../../src/identity/schema.ts';
import { completeSecondFactor, resumeSession, startSession } from '../../src/identity/sessions.ts';
import { createPerson, findPerson, updatePerson, type Membership } from '../../src/identity/store.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { csrfToken } from '../../src/platform/csrf.ts';
import type { DatabaseHandle } from '../../src/platform/db.ts';
import { SPENT_LINK } from '../../src/platform/mail/index.ts';
import { mailOutbox } from '../../src/platform/mail/schema.ts';
import { createPseudonymiser } from '../../src/platform/processing-log/index.ts';
import { processingLog } from '../../src/platform/processing-log/schema.ts';
import { buildTestApp } from '../support/app.ts';
import { databasesUnderTest } from '../support/databases.ts';
import { uniqueKey } from '../support/factories.ts';

const secret = loadConfig({ NODE_ENV: 'test' }).secret;
const publicBaseUrl = 'https://meedoen.test';
const pseudonymiser = createPseudonymiser(secret);
const hashOf = (token: string) => createHash('sha256').update(token).digest('base64url');
// Each test asks from its own address, so the per-address limit of one test (or an earlier run on the shared
// PostgreSQL) never throttles another.
const someIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

type Session = { cookie: string; idHash: string; csrf: string };

for (const target of databasesUnderTest()) {
  describe(`password reset and member management on ${target.name}`, () => {
    let database: DatabaseHandle;
    let app: FastifyInstance;
    let moment = new Date('2026-03-29T00:30:00Z');
    const clock = { now: () => moment };

    before(async () => {
      database = await target.open();
      app = await buildTestApp(database, { clock, env: { PUBLIC_BASE_URL: publicBaseUrl } });
      await app.ready();
    });
    after(async () => {
      await app.close();
      await database.close();
    });

    async function person(
      memberships: Membership[],
      password: string | null = 'een lange zin als wachtwoord',
    ) {
      const email = `${uniqueKey('medewerker')}@gemeente.example`;
      const created = await createPerson(database.db, {
        email,
        displayName: `Sam ${uniqueKey('de Vries')}`,
        memberships,
      });
      if (password)
        await updatePerson(database.db, created.id, { passwordHash: await hashPassword(password) });
      return { ...created, email, password };
    }

    /** A full session (password and second factor done), as the browser's cookie. */
    async function signedIn(personId: string): Promise<Session> {
      const half = await resumeSession(
        database.db,
        await startSession(database.db, personId, moment),
        moment,
      );
      const cookie = await completeSecondFactor(database.db, half!, moment);
      const idHash = hashOf(cookie);
      return { cookie, idHash, csrf: csrfToken(secret, idHash) };
    }

    function post(
      url: string,
      fields: Record<string, string>,
      options: { cookie?: string; ip?: string } = {},
    ) {
      return app.inject({
        method: 'POST',
        url,
        remoteAddress: options.ip ?? someIp(),
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          ...(options.cookie ? { cookie: `meedoen_sessie=${options.cookie}` } : {}),
        },
        payload: new URLSearchParams(fields).toString(),
      });
    }
    const get = (url: string, cookie = '', headers: Record<string, string> = {}) =>
      app.inject({
        method: 'GET',
        url,
        headers: { ...headers, ...(cookie ? { cookie: `meedoen_sessie=${cookie}` } : {}) },
      });

    // In the order queued: a body taken out of the outbox is an updated row, which may move in a table scan.
    const mailsTo = (recipient: string) =>
      database.db.select().from(mailOutbox).where(eq(mailOutbox.recipient, recipient)).orderBy(mailOutbox.id);
    const linkIn = (body: string) =>
      new RegExp(`${publicBaseUrl}/wachtwoord-herstellen/([A-Za-z0-9_-]+)`).exec(body)?.[1] ?? '';

    async function logCount(personId: string, action?: string) {
      const [row] = await database.db
        .select({ n: count() })
        .from(processingLog)
        .where(
          and(
            eq(processingLog.subjectPseudonym, pseudonymiser.pseudonym('staff-member', personId)),
            eq(processingLog.activity, 'identity.members'),
            action ? eq(processingLog.action, action) : undefined,
          ),
        );
      return row?.n ?? 0;
    }
    async function rolesIn(personId: string, organisationKey: string) {
      const rows = await database.db
        .select({ role: membershipTable.role })
        .from(membershipTable)
        .where(
          and(eq(membershipTable.personId, personId), eq(membershipTable.organisationKey, organisationKey)),
        );
      return rows.map((r) => r.role).sort();
    }

    describe('password reset', () => {
      test('an unknown and a known address get the same answer; only the known one gets one mail', async () => {
        const known = await person([{ organisationKey: uniqueKey('org'), role: 'handler' }]);
        const unknownEmail = `${uniqueKey('niemand')}@gemeente.example`;
        const ip = someIp();
        const forKnown = await post('/wachtwoord-vergeten', { email: known.email }, { ip });
        const forUnknown = await post('/wachtwoord-vergeten', { email: unknownEmail }, { ip });
        assert.equal(forKnown.statusCode, 200);
        assert.equal(forUnknown.statusCode, forKnown.statusCode);
        assert.equal(forUnknown.body, forKnown.body);
        for (const header of ['content-type', 'cache-control', 'set-cookie', 'content-length'])
          assert.equal(forUnknown.headers[header], forKnown.headers[header], header);
        assert.match(forKnown.body, /Als er een account is met dit e-mailadres/);
        assert.equal((await mailsTo(known.email)).length, 1);
        assert.equal((await mailsTo(unknownEmail)).length, 0);
        // The address is compared as stored: upper case and spaces find the same account.
        await post('/wachtwoord-vergeten', { email: `  ${known.email.toUpperCase()} ` }, { ip });
        assert.equal((await mailsTo(known.email)).length, 2);
      });

      test('a malformed address is asked again, and nothing is sent', async () => {
        const response = await post('/wachtwoord-vergeten', { email: 'geen-adres' });
        assert.equal(response.statusCode, 400);
        assert.match(response.body, /Vul een e-mailadres in zoals/);
        assert.equal((await post('/wachtwoord-vergeten', {})).statusCode, 400);
      });

      test('the link sets a new password once, clears the lockout and ends every old session', async () => {
        const member = await person([{ organisationKey: uniqueKey('org'), role: 'handler' }]);
        await updatePerson(database.db, member.id, {
          failedSignIns: 7,
          lockedUntil: new Date(moment.getTime() + 10 * 60_000),
        });
        const laptop = await signedIn(member.id);
        const phone = await signedIn(member.id);
        assert.equal((await get('/beheer', laptop.cookie)).statusCode, 200);

        await post('/wachtwoord-vergeten', { email: member.email });
        const [mail] = await mailsTo(member.email);
        assert.equal(mail?.purpose, 'password_reset');
        assert.ok(mail!.body.indexOf('Beste') < mail!.body.indexOf('Dear'), 'Dutch first, then English');
        const token = linkIn(mail!.body);
        assert.ok(token.length >= 40);

        const page = await get(`/wachtwoord-herstellen/${token}`);
        assert.equal(page.statusCode, 200);
        assert.equal(page.headers['referrer-policy'], 'no-referrer');
        assert.equal(page.headers['cache-control'], 'no-store');
        assert.match(page.body, /Kies een nieuw wachtwoord/);

        const short = await post(`/wachtwoord-herstellen/${token}`, { password: 'kort' });
        assert.equal(short.statusCode, 400);
        assert.match(short.body, /Gebruik minstens 12 tekens/);

        const done = await post(`/wachtwoord-herstellen/${token}`, {
          password: 'mijn nieuwe lange wachtwoord',
        });
        assert.equal(done.statusCode, 303);
        assert.equal(done.headers.location, RESET_DONE_LOCATION);
        for (const session of [laptop, phone])
          assert.equal((await get('/beheer', session.cookie)).headers.location, '/inloggen');
        const after = await findPerson(database.db, member.id);
        assert.equal(after?.failedSignIns, 0);
        assert.equal(after?.lockedUntil, null);
        assert.ok(await verifyPassword(after!.passwordHash!, 'mijn nieuwe lange wachtwoord'));

        const again = await post(`/wachtwoord-herstellen/${token}`, { password: 'nog een ander wachtwoord' });
        assert.equal(again.statusCode, 410);
        assert.equal((await get(`/wachtwoord-herstellen/${token}`)).statusCode, 410);
        const signIn = await post('/inloggen', {
          email: member.email,
          password: 'mijn nieuwe lange wachtwoord',
        });
        assert.equal(signIn.statusCode, 303, 'signing in works with the new password, lockout gone');
      });

      test('an unknown, expired or superseded link is refused with 410', async () => {
        assert.equal((await get('/wachtwoord-herstellen/niet-bestaand')).statusCode, 410);
        assert.equal(
          (await post('/wachtwoord-herstellen/niet-bestaand', { password: 'een lange zin als wachtwoord' }))
            .statusCode,
          410,
        );
        const member = await person([{ organisationKey: uniqueKey('org'), role: 'handler' }]);
        const ip = someIp();
        await post('/wachtwoord-vergeten', { email: member.email }, { ip });
        await post('/wachtwoord-vergeten', { email: member.email }, { ip });
        const [first, second] = (await mailsTo(member.email)).map((m) => linkIn(m.body));
        // Using one link uses up the other outstanding one too.
        const used = await post(`/wachtwoord-herstellen/${first}`, {
          password: 'mijn nieuwe lange wachtwoord',
        });
        assert.equal(used.statusCode, 303);
        assert.equal((await get(`/wachtwoord-herstellen/${second}`)).statusCode, 410);

        await post('/wachtwoord-vergeten', { email: member.email }, { ip });
        const mails = await mailsTo(member.email);
        const late = linkIn(mails.at(-1)!.body);
        assert.equal((await get(`/wachtwoord-herstellen/${late}`)).statusCode, 200);
        moment = new Date(moment.getTime() + 61 * 60_000);
        assert.equal((await get(`/wachtwoord-herstellen/${late}`)).statusCode, 410);
        const expired = await post(`/wachtwoord-herstellen/${late}`, {
          password: 'mijn nieuwe lange wachtwoord',
        });
        assert.equal(expired.statusCode, 410);
      });

      test('a used reset link leaves the outbox with its use, and the person’s older links with it', async () => {
        const member = await person([{ organisationKey: uniqueKey('org'), role: 'handler' }]);
        const other = await person([{ organisationKey: uniqueKey('org'), role: 'handler' }]);
        const ip = someIp();
        for (const email of [member.email, member.email, other.email])
          await post('/wachtwoord-vergeten', { email }, { ip });
        const [older, newer] = (await mailsTo(member.email)).map((m) => linkIn(m.body));
        const othersLink = linkIn((await mailsTo(other.email))[0]!.body);
        assert.ok(older && newer && othersLink);

        const short = await post(`/wachtwoord-herstellen/${newer}`, { password: 'kort' });
        assert.equal(short.statusCode, 400);
        assert.ok((await mailsTo(member.email))[1]!.body.includes(newer!), 'not used yet: still there');

        const used = await post(`/wachtwoord-herstellen/${newer}`, {
          password: 'mijn nieuwe lange wachtwoord',
        });
        assert.equal(used.statusCode, 303);
        for (const [mail, token] of (await mailsTo(member.email)).map(
          (m, i) => [m, [older, newer][i]!] as const,
        )) {
          assert.ok(!mail.body.includes(token), 'the token is gone from the stored body');
          assert.ok(!mail.body.includes('/wachtwoord-herstellen/'));
          assert.equal(mail.body.split(SPENT_LINK).length - 1, 2, 'both language versions');
          assert.match(mail.body, /^Beste Sam/);
        }
        assert.ok((await mailsTo(other.email))[0]!.body.includes(othersLink!), 'another person’s link stays');
      });

      test('an expired reset link is in neither the outbox page nor the outbox', async () => {
        const member = await person([{ organisationKey: uniqueKey('org'), role: 'handler' }]);
        const admin = await person([{ organisationKey: '', role: 'platform_admin' }]);
        await post('/wachtwoord-vergeten', { email: member.email });
        const token = linkIn((await mailsTo(member.email))[0]!.body);
        assert.ok(token);
        moment = new Date(moment.getTime() + 61 * 60_000);
        const page = await get('/beheer/uitgaande-mail', (await signedIn(admin.id)).cookie);
        assert.equal(page.statusCode, 200);
        assert.ok(!page.body.includes(token));
        const [mail] = await mailsTo(member.email);
        assert.ok(!mail!.body.includes(token));
        assert.ok(mail!.body.includes(SPENT_LINK));
        assert.equal((await get(`/wachtwoord-herstellen/${token}`)).statusCode, 410);
      });

      test('after five requests an hour for one address, or twenty from one address, nothing more is sent', async () => {
        const member = await person([{ organisationKey: uniqueKey('org'), role: 'handler' }]);
        const first = await post('/wachtwoord-vergeten', { email: member.email });
        for (let i = 0; i < 4; i++) await post('/wachtwoord-vergeten', { email: member.email });
        assert.equal((await mailsTo(member.email)).length, 5);
        const throttled = await post('/wachtwoord-vergeten', { email: member.email });
        assert.equal(throttled.statusCode, first.statusCode);
        assert.equal(throttled.body, first.body);
        assert.equal((await mailsTo(member.email)).length, 5, 'the sixth sent nothing');
        moment = new Date(moment.getTime() + 61 * 60_000);
        await post('/wachtwoord-vergeten', { email: member.email });
        assert.equal((await mailsTo(member.email)).length, 6, 'an hour later it works again');

        const ip = someIp();
        for (let i = 0; i < 20; i++)
          await post('/wachtwoord-vergeten', { email: `${uniqueKey('x')}@example.org` }, { ip });
        const fromBusyIp = await post('/wachtwoord-vergeten', { email: member.email }, { ip });
        assert.equal(fromBusyIp.body, first.body);
        assert.equal((await mailsTo(member.email)).length, 6, 'the 21st from one address sent nothing');
      });
    });

    describe('member management', () => {
      async function organisation() {
        const key = uniqueKey('org');
        const coordinator = await person([{ organisationKey: key, role: 'coordinator' }]);
        const handler = await person([
          { organisationKey: key, role: 'handler' },
          { organisationKey: key, role: 'intermediary' },
        ]);
        return { key, coordinator, handler, session: await signedIn(coordinator.id) };
      }
      const list = (key: string) => `/beheer/organisaties/${key}/leden`;

      test('a coordinator sees the members, with one read record per member shown', async () => {
        const org = await organisation();
        const traceId = 'a'.repeat(31) + 'b';
        const page = await get(list(org.key), org.session.cookie, {
          traceparent: `00-${traceId}-${'c'.repeat(16)}-01`,
        });
        assert.equal(page.statusCode, 200);
        assert.equal(page.headers['cache-control'], 'no-store');
        assert.match(page.body, /<caption class="utrecht-table__caption">Leden en hun rollen<\/caption>/);
        assert.match(page.body, /<th class="utrecht-table__header-cell" scope="col">Naam<\/th>/);
        assert.match(page.body, /meedoen-table-scroll/);
        assert.match(page.body, /meedoen-session/, 'the session bar');
        assert.ok(page.body.includes(org.handler.email));
        assert.ok(page.body.includes(org.handler.displayName));
        assert.match(page.body, /Behandelaar, Intermediair|Intermediair, Behandelaar/);
        for (const member of [org.coordinator, org.handler])
          assert.equal(await logCount(member.id, 'read'), 1);
        const [record] = await database.db
          .select()
          .from(processingLog)
          .where(eq(processingLog.subjectPseudonym, pseudonymiser.pseudonym('staff-member', org.handler.id)));
        assert.equal(record?.traceId, traceId);
        assert.equal(record?.actorPersonId, org.coordinator.id);
        assert.equal(record?.actorRole, 'coordinator');
        assert.equal(record?.actorOrganisation, org.key);
        const english = await get(`${list(org.key)}?lang=en`, org.session.cookie);
        assert.match(english.body, /Members and their roles/);
      });

      test('a coordinator invites someone: membership, mail and one create record together', async () => {
        const org = await organisation();
        const email = `${uniqueKey('nieuw')}@leergeld.example`;
        const invited = await post(
          list(org.key),
          { _csrf: org.session.csrf, email, name: 'Noor Bakker', role: 'handler' },
          { cookie: org.session.cookie },
        );
        assert.equal(invited.statusCode, 303);
        assert.equal(invited.headers.location, `${list(org.key)}?melding=uitgenodigd`);
        const [newcomer] = await database.db.select().from(people).where(eq(people.email, email));
        assert.ok(newcomer);
        assert.deepEqual(await rolesIn(newcomer.id, org.key), ['handler']);
        const mails = await mailsTo(email);
        assert.equal(mails.length, 1);
        assert.ok(mails[0]!.body.includes(`${publicBaseUrl}/uitnodiging/`));
        assert.equal(await logCount(newcomer.id, 'create'), 1);
        assert.equal(await logCount(newcomer.id), 1, 'nothing else was logged');

        const page = await get(invited.headers.location!, org.session.cookie);
        assert.match(page.body, /De uitnodiging is verstuurd/);
        assert.match(page.body, /Noor Bakker/);
        assert.match(page.body, /Uitgenodigd/);
        assert.equal(await logCount(newcomer.id, 'read'), 1);

        // The invitation link works for the newcomer.
        const token = /\/uitnodiging\/([A-Za-z0-9_-]+)/.exec(mails[0]!.body)?.[1];
        assert.equal((await get(`/uitnodiging/${token}`)).statusCode, 200);
      });

      test('an accepted invitation’s link leaves the outbox in the same step', async () => {
        const org = await organisation();
        const email = `${uniqueKey('nieuw')}@leergeld.example`;
        await post(
          list(org.key),
          { _csrf: org.session.csrf, email, name: 'Noor Bakker', role: 'handler' },
          { cookie: org.session.cookie },
        );
        const token = /\/uitnodiging\/([A-Za-z0-9_-]+)/.exec((await mailsTo(email))[0]!.body)?.[1] ?? '';
        assert.ok(token);
        const accepted = await post(`/uitnodiging/${token}`, { password: 'mijn nieuwe lange wachtwoord' });
        assert.equal(accepted.statusCode, 303);
        const [mail] = await mailsTo(email);
        assert.ok(!mail!.body.includes(token));
        assert.equal(mail!.body.split(SPENT_LINK).length - 1, 2);
      });

      test('an invitation with missing or wrong fields, or for the platform role, is asked again', async () => {
        const org = await organisation();
        const email = `${uniqueKey('fout')}@example.org`;
        const cases: Record<string, string>[] = [
          { email: '', name: 'Noor', role: 'handler' },
          { email: 'geen-adres', name: 'Noor', role: 'handler' },
          { email, name: '', role: 'handler' },
          { email, name: 'Noor', role: 'platform_admin' },
          { email, name: 'Noor', role: 'privacy_officer' },
          { email, name: 'Noor', role: 'national_analyst' },
          { email, name: 'Noor', role: '' },
        ];
        for (const fields of cases) {
          const response = await post(
            list(org.key),
            { _csrf: org.session.csrf, ...fields },
            { cookie: org.session.cookie },
          );
          assert.equal(response.statusCode, 400, JSON.stringify(fields));
          assert.match(response.body, /Er ging iets mis/);
        }
        assert.equal((await database.db.select().from(people).where(eq(people.email, email))).length, 0);
        assert.equal((await mailsTo(email)).length, 0);
      });

      test('a coordinator removes a member from their organisation only; one delete record', async () => {
        const org = await organisation();
        const elsewhere = uniqueKey('ander');
        await database.db
          .insert(membershipTable)
          .values({ personId: org.handler.id, organisationKey: elsewhere, role: 'handler' });
        const handlerSession = await signedIn(org.handler.id);
        const removed = await post(
          `${list(org.key)}/${org.handler.id}/verwijderen`,
          { _csrf: org.session.csrf },
          { cookie: org.session.cookie },
        );
        assert.equal(removed.statusCode, 303);
        assert.equal(removed.headers.location, `${list(org.key)}?melding=verwijderd`);
        assert.deepEqual(await rolesIn(org.handler.id, org.key), []);
        assert.deepEqual(await rolesIn(org.handler.id, elsewhere), ['handler']);
        assert.equal(await logCount(org.handler.id, 'delete'), 1);
        assert.equal(await logCount(org.handler.id), 1);
        // The removed person's session no longer carries the role.
        const home = await get('/beheer', handlerSession.cookie);
        assert.doesNotMatch(home.body, new RegExp(`\\(${org.key}\\)`));

        const again = await post(
          `${list(org.key)}/${org.handler.id}/verwijderen`,
          { _csrf: org.session.csrf },
          { cookie: org.session.cookie },
        );
        assert.equal(again.statusCode, 404, 'no longer a member');
        const notAnId = await post(
          `${list(org.key)}/niet-een-id/verwijderen`,
          { _csrf: org.session.csrf },
          { cookie: org.session.cookie },
        );
        assert.equal(notAnId.statusCode, 404);
        assert.equal(await logCount(org.handler.id), 1);
      });

      test('the last coordinator cannot remove themselves; with another coordinator they can', async () => {
        const org = await organisation();
        const self = `${list(org.key)}/${org.coordinator.id}/verwijderen`;
        const refused = await post(self, { _csrf: org.session.csrf }, { cookie: org.session.cookie });
        assert.equal(refused.statusCode, 409);
        assert.match(refused.body, /Je kunt jezelf niet verwijderen/);
        assert.deepEqual(await rolesIn(org.coordinator.id, org.key), ['coordinator']);
        assert.equal(await logCount(org.coordinator.id, 'delete'), 0);

        const second = await person([{ organisationKey: org.key, role: 'coordinator' }]);
        const left = await post(self, { _csrf: org.session.csrf }, { cookie: org.session.cookie });
        assert.equal(left.statusCode, 303);
        assert.deepEqual(await rolesIn(org.coordinator.id, org.key), []);
        assert.equal(await logCount(org.coordinator.id, 'delete'), 1);
        const secondSession = await signedIn(second.id);
        const last = await post(
          `${list(org.key)}/${second.id}/verwijderen`,
          { _csrf: secondSession.csrf },
          { cookie: secondSession.cookie },
        );
        assert.equal(last.statusCode, 409);
      });

      test('another organisation’s coordinator and a handler get not found, and change nothing', async () => {
        const org = await organisation();
        const other = await organisation();
        const handlerSession = await signedIn(org.handler.id);
        const email = `${uniqueKey('stiekem')}@example.org`;
        for (const session of [other.session, handlerSession]) {
          assert.equal((await get(list(org.key), session.cookie)).statusCode, 404);
          const invite = await post(
            list(org.key),
            { _csrf: session.csrf, email, name: 'Stiekem', role: 'coordinator' },
            { cookie: session.cookie },
          );
          assert.equal(invite.statusCode, 404);
          const remove = await post(
            `${list(org.key)}/${org.coordinator.id}/verwijderen`,
            { _csrf: session.csrf },
            { cookie: session.cookie },
          );
          assert.equal(remove.statusCode, 404);
        }
        assert.equal((await get(list(org.key))).headers.location, '/inloggen');
        assert.deepEqual(await rolesIn(org.coordinator.id, org.key), ['coordinator']);
        assert.equal((await mailsTo(email)).length, 0);
        for (const member of [org.coordinator, org.handler]) assert.equal(await logCount(member.id), 0);
      });

      test('forms without the session’s token, with a wrong one or another session’s, change nothing', async () => {
        const org = await organisation();
        const otherSession = await signedIn(org.coordinator.id);
        const email = `${uniqueKey('csrf')}@example.org`;
        const tokens: Record<string, string>[] = [{}, { _csrf: 'wrong' }, { _csrf: otherSession.csrf }];
        for (const token of tokens) {
          const invite = await post(
            list(org.key),
            { ...token, email, name: 'Noor', role: 'handler' },
            { cookie: org.session.cookie },
          );
          assert.equal(invite.statusCode, 403);
          const remove = await post(`${list(org.key)}/${org.handler.id}/verwijderen`, token, {
            cookie: org.session.cookie,
          });
          assert.equal(remove.statusCode, 403);
        }
        assert.equal((await database.db.select().from(people).where(eq(people.email, email))).length, 0);
        assert.equal((await mailsTo(email)).length, 0);
        assert.deepEqual(await rolesIn(org.handler.id, org.key), ['handler', 'intermediary']);
        for (const member of [org.coordinator, org.handler]) assert.equal(await logCount(member.id), 0);
      });
    });
  });
}
