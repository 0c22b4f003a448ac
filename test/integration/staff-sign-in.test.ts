import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { invitePerson } from '../../src/identity/invitations.ts';
import { hashPassword } from '../../src/identity/password.ts';
import { createPerson, updatePerson, type Membership } from '../../src/identity/store.ts';
import { and, count, eq } from 'drizzle-orm';
import { enqueueMail } from '../../src/platform/mail/index.ts';
import { mailOutbox } from '../../src/platform/mail/schema.ts';
import { createPseudonymiser } from '../../src/platform/processing-log/index.ts';
import { processingLog } from '../../src/platform/processing-log/schema.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { totpCodeAt } from '../../src/identity/totp.ts';
import type { DatabaseHandle } from '../../src/platform/db.ts';
import { buildTestApp } from '../support/app.ts';
import { databasesUnderTest } from '../support/databases.ts';
import { uniqueKey } from '../support/factories.ts';

type Clock = { now(): Date };

for (const target of databasesUnderTest()) {
  describe(`staff sign-in on ${target.name}`, () => {
    let database: DatabaseHandle;
    let app: FastifyInstance;
    let moment = new Date('2026-03-29T00:30:00Z');
    const clock: Clock = { now: () => moment };
    before(async () => {
      database = await target.open();
      app = await buildTestApp(database, { clock });
    });
    after(async () => {
      await app.close();
      await database.close();
    });

    async function staffMember(
      password = 'een lange zin als wachtwoord',
      membership: Membership = { organisationKey: uniqueKey('org'), role: 'handler' },
    ) {
      const email = `${uniqueKey('medewerker')}@gemeente.example`;
      const person = await createPerson(database.db, {
        email,
        displayName: 'Sam de Vries',
        memberships: [membership],
      });
      await updatePerson(database.db, person.id, { passwordHash: await hashPassword(password) });
      return { email, password, person };
    }

    const cookieOf = (response: { headers: Record<string, unknown> }) =>
      String(response.headers['set-cookie'] ?? '').match(/meedoen_sessie=([^;]*)/)?.[1] ?? '';

    // Sign-in attempts are counted per address in the database; on a shared PostgreSQL other test runs
    // count too, so this run signs in from an address of its own.
    const address = `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
    async function post(url: string, fields: Record<string, string>, cookie = '') {
      return app.inject({
        method: 'POST',
        url,
        remoteAddress: address,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          ...(cookie ? { cookie: `meedoen_sessie=${cookie}` } : {}),
        },
        payload: new URLSearchParams(fields).toString(),
      });
    }
    const get = (url: string, cookie = '') =>
      app.inject({ method: 'GET', url, headers: cookie ? { cookie: `meedoen_sessie=${cookie}` } : {} });
    const csrfIn = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
    const secretIn = (html: string) =>
      /<code class="meedoen-secret">([^<]+)<\/code>/.exec(html)?.[1]?.replace(/ /g, '') ?? '';

    /** Password, then setting up the app and its first code: returns the full session's cookie and the secret. */
    async function signInFirstTime(member: { email: string; password: string }) {
      const signedIn = await post('/inloggen', { email: member.email, password: member.password });
      assert.equal(signedIn.statusCode, 303);
      assert.equal(signedIn.headers.location, '/inloggen/instellen');
      const halfCookie = cookieOf(signedIn);
      const enrol = await get('/inloggen/instellen', halfCookie);
      const secret = secretIn(enrol.body);
      assert.match(secret, /^[A-Z2-7]{32}$/);
      const done = await post(
        '/inloggen/instellen',
        { _csrf: csrfIn(enrol.body), code: totpCodeAt(secret, moment) },
        halfCookie,
      );
      assert.equal(done.statusCode, 303);
      assert.equal(done.headers.location, '/beheer');
      return { cookie: cookieOf(done), halfCookie, secret };
    }

    test('password and a code from the app lead to the staff page; the password alone does not', async () => {
      const member = await staffMember();
      const { cookie, halfCookie } = await signInFirstTime(member);
      const home = await get('/beheer', cookie);
      assert.equal(home.statusCode, 200);
      assert.match(home.body, /Welkom, Sam de Vries/);
      assert.equal(home.headers['cache-control'], 'no-store');
      // The half-way session (password only) was replaced: its id is worth nothing now.
      assert.notEqual(cookie, halfCookie);
      const old = await get('/beheer', halfCookie);
      assert.equal(old.headers.location, '/inloggen');
    });

    test('a later sign-in asks for the code, and a wrong code keeps the staff page closed', async () => {
      const member = await staffMember();
      const { secret } = await signInFirstTime(member);
      const again = await post('/inloggen', { email: member.email, password: member.password });
      assert.equal(again.headers.location, '/inloggen/code');
      const half = cookieOf(again);
      const beforeCode = await get('/beheer', half);
      assert.equal(beforeCode.headers.location, '/inloggen/code');
      const page = await get('/inloggen/code', half);
      const wrong = await post('/inloggen/code', { _csrf: csrfIn(page.body), code: '000000' }, half);
      assert.equal(wrong.statusCode, 400);
      assert.match(wrong.body, /Deze code klopt niet/);
      const right = await post(
        '/inloggen/code',
        { _csrf: csrfIn(page.body), code: totpCodeAt(secret, moment) },
        half,
      );
      assert.equal(right.headers.location, '/beheer');
    });

    test('a session id set before sign-in is never kept (no fixation)', async () => {
      const member = await staffMember();
      const planted = 'attacker-chosen-session-id-value-0123456789';
      const response = await post('/inloggen', { email: member.email, password: member.password }, planted);
      assert.notEqual(cookieOf(response), planted);
      assert.equal((await get('/beheer', planted)).headers.location, '/inloggen');
    });

    test('a wrong password and an unknown address get the same answer', async () => {
      const member = await staffMember();
      const wrong = await post('/inloggen', { email: member.email, password: 'niet het goede wachtwoord' });
      const unknown = await post('/inloggen', {
        email: `${uniqueKey('niemand')}@example.org`,
        password: 'wat dan ook hier',
      });
      assert.equal(wrong.statusCode, 401);
      assert.equal(unknown.statusCode, 401);
      const message = (body: string) => /Het e-mailadres of wachtwoord klopt niet[^<]*/.exec(body)?.[0];
      assert.equal(message(wrong.body), message(unknown.body));
      assert.equal(cookieOf(wrong), '');
    });

    test('after ten wrong passwords even the right one is refused for a while', async () => {
      const member = await staffMember();
      for (let i = 0; i < 10; i++)
        await post('/inloggen', { email: member.email, password: `fout wachtwoord ${i}` });
      const right = await post('/inloggen', { email: member.email, password: member.password });
      assert.equal(right.statusCode, 401);
      moment = new Date(moment.getTime() + 16 * 60_000);
      const later = await post('/inloggen', { email: member.email, password: member.password });
      assert.equal(later.statusCode, 303);
    });

    test('forms without the session’s token, with a wrong one or another session’s, change nothing', async () => {
      const first = await signInFirstTime(await staffMember());
      const second = await signInFirstTime(await staffMember());
      const othersToken = csrfIn((await get('/beheer', second.cookie)).body);
      const attempts: Record<string, string>[] = [{}, { _csrf: 'wrong' }, { _csrf: othersToken }];
      for (const fields of attempts) {
        const response = await post('/uitloggen/overal', fields, first.cookie);
        assert.equal(response.statusCode, 403);
        assert.equal((await get('/beheer', first.cookie)).statusCode, 200, 'still signed in');
      }
    });

    test('idle and absolute timeouts end the session; activity within the idle time keeps it', async () => {
      const { cookie } = await signInFirstTime(await staffMember());
      moment = new Date(moment.getTime() + 25 * 60_000);
      const warned = await get('/beheer', cookie);
      assert.equal(warned.statusCode, 200);
      moment = new Date(moment.getTime() + 25 * 60_000);
      assert.equal((await get('/beheer', cookie)).statusCode, 200, 'the visit 25 minutes ago kept it alive');
      moment = new Date(moment.getTime() + 31 * 60_000);
      assert.equal((await get('/beheer', cookie)).headers.location, '/inloggen', 'idle for 31 minutes');

      const busy = await signInFirstTime(await staffMember());
      for (let hours = 0; hours < 12; hours++) {
        moment = new Date(moment.getTime() + 25 * 60_000);
        await get('/beheer', busy.cookie);
        moment = new Date(moment.getTime() + 25 * 60_000);
        await get('/beheer', busy.cookie);
        moment = new Date(moment.getTime() + 10 * 60_000);
      }
      assert.equal(
        (await get('/beheer', busy.cookie)).headers.location,
        '/inloggen',
        'after 12 hours, however busy',
      );
    });

    test('an invitation sets a password once, then leads to setting up the second step', async () => {
      const email = `${uniqueKey('nieuw')}@leergeld.example`;
      const { token, person: invited } = await database.db.transaction((tx) =>
        invitePerson(
          tx,
          {
            email,
            displayName: 'Noor Bakker',
            membership: { organisationKey: uniqueKey('org'), role: 'coordinator' },
          },
          moment,
        ),
      );
      const page = await get(`/uitnodiging/${token}`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Welkom, Noor Bakker/);
      const short = await post(`/uitnodiging/${token}`, { password: 'kort' });
      assert.equal(short.statusCode, 400);
      assert.match(short.body, /Gebruik minstens 12 tekens/);
      const accepted = await post(`/uitnodiging/${token}`, { password: 'mijn nieuwe lange wachtwoord' });
      assert.equal(accepted.statusCode, 303);
      assert.equal(accepted.headers.location, '/inloggen/instellen');
      assert.equal(
        await recordsAbout('staff-member', invited.id, 'identity.account'),
        1,
        'the new password is on record',
      );
      assert.equal(
        (await get('/beheer', cookieOf(accepted))).headers.location,
        '/inloggen/code',
        'no staff page before the second step',
      );
      assert.equal(
        (await post(`/uitnodiging/${token}`, { password: 'nog een ander wachtwoord' })).statusCode,
        410,
      );
      assert.equal((await get(`/uitnodiging/${token}`)).statusCode, 410);
      const signIn = await post('/inloggen', { email, password: 'mijn nieuwe lange wachtwoord' });
      assert.equal(signIn.headers.location, '/inloggen/instellen');
    });

    test('an invitation form sent without a body is a clear answer, not an error', async () => {
      const { token } = await database.db.transaction((tx) =>
        invitePerson(
          tx,
          {
            email: `${uniqueKey('leeg')}@example.org`,
            displayName: 'Leeg',
            membership: { organisationKey: 'x', role: 'handler' },
          },
          moment,
        ),
      );
      const response = await app.inject({ method: 'POST', url: `/uitnodiging/${token}` });
      assert.equal(response.statusCode, 400);
    });

    test('an unknown or expired invitation link is refused', async () => {
      assert.equal((await get('/uitnodiging/niet-bestaand')).statusCode, 410);
      const { token } = await database.db.transaction((tx) =>
        invitePerson(
          tx,
          {
            email: `${uniqueKey('laat')}@example.org`,
            displayName: 'Laat',
            membership: { organisationKey: 'x', role: 'handler' },
          },
          new Date(moment.getTime() - 8 * 24 * 3600_000),
        ),
      );
      assert.equal((await get(`/uitnodiging/${token}`)).statusCode, 410);
    });

    test('only a platform admin reads the outbox; others do not learn it exists', async () => {
      const recipient = `${uniqueKey('ontvanger')}@example.org`;
      await database.db.transaction((tx) =>
        enqueueMail(tx, { recipient, subject: 'Uitnodiging', body: 'Hallo', purpose: 'invitation' }),
      );
      const admin = await staffMember('een lange zin als wachtwoord', {
        organisationKey: '',
        role: 'platform_admin',
      });
      const adminSession = await signInFirstTime(admin);
      const page = await get('/beheer/uitgaande-mail', adminSession.cookie);
      assert.equal(page.statusCode, 200);
      assert.ok(page.body.includes(recipient));
      const handler = await signInFirstTime(await staffMember());
      assert.equal((await get('/beheer/uitgaande-mail', handler.cookie)).statusCode, 404);
      assert.equal((await get('/beheer/uitgaande-mail')).headers.location, '/inloggen');
    });

    test('staying signed in returns to the staff page the person was on, never elsewhere', async () => {
      const { cookie } = await signInFirstTime(await staffMember());
      const token = csrfIn((await get('/beheer', cookie)).body);
      const back = await post('/sessie/verlengen', { _csrf: token, terug: '/beheer/uitgaande-mail' }, cookie);
      assert.equal(back.headers.location, '/beheer/uitgaande-mail');
      for (const terug of ['//evil.example/beheer', 'https://evil.example', '/beheer/../inloggen', '']) {
        const response = await post('/sessie/verlengen', { _csrf: token, terug }, cookie);
        assert.equal(response.headers.location, '/beheer', terug);
      }
    });

    async function recordsAbout(kind: string, id: string, activity: string): Promise<number> {
      const pseudonym = createPseudonymiser(loadConfig({ NODE_ENV: 'test' }).secret).pseudonym(kind, id);
      const rows = await database.db
        .select({ n: count() })
        .from(processingLog)
        .where(and(eq(processingLog.subjectPseudonym, pseudonym), eq(processingLog.activity, activity)));
      return Number(rows[0]?.n ?? 0);
    }

    test('a sign-in writes exactly one processing record; a lockout sends its owner one notice', async () => {
      const member = await staffMember();
      await post('/inloggen', { email: member.email, password: member.password });
      assert.equal(await recordsAbout('staff-member', member.person.id, 'identity.staff-sign-in'), 1);
      for (let i = 0; i < 10; i++)
        await post('/inloggen', { email: member.email, password: `fout ${i} wachtwoord` });
      const notices = await database.db
        .select({ n: count() })
        .from(mailOutbox)
        .where(and(eq(mailOutbox.recipient, member.email), eq(mailOutbox.purpose, 'lockout')));
      assert.equal(Number(notices[0]?.n), 1);
      assert.equal(
        await recordsAbout('staff-member', member.person.id, 'identity.staff-sign-in'),
        1,
        'failures are not sign-ins',
      );
    });

    test('too many attempts from one address are refused, even with the right password', async () => {
      const member = await staffMember();
      const fromOneAddress = (fields: Record<string, string>) =>
        app.inject({
          method: 'POST',
          url: '/inloggen',
          remoteAddress: '192.0.2.77',
          // A forged forwarding header must not make each attempt look like another address.
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            'x-forwarded-for': `198.51.100.${randomInt(1, 255)}`,
          },
          payload: new URLSearchParams(fields).toString(),
        });
      for (let i = 0; i < 30; i++)
        await fromOneAddress({ email: `${uniqueKey('gok')}@example.org`, password: 'een gok van iemand' });
      assert.equal(
        (await fromOneAddress({ email: member.email, password: member.password })).statusCode,
        401,
      );
      assert.equal(
        (await post('/inloggen', { email: member.email, password: member.password })).statusCode,
        303,
      );
    });

    test('reading the outbox writes one record per address shown', async () => {
      const recipient = `${uniqueKey('lezer')}@example.org`;
      await database.db.transaction((tx) =>
        enqueueMail(tx, { recipient, subject: 'Hallo', body: 'Hallo', purpose: 'invitation' }),
      );
      const admin = await signInFirstTime(
        await staffMember('een lange zin als wachtwoord', { organisationKey: '', role: 'platform_admin' }),
      );
      await get('/beheer/uitgaande-mail', admin.cookie);
      assert.equal(await recordsAbout('email-recipient', recipient, 'platform.mail-outbox'), 1);
    });

    test('sign out everywhere ends every session of that person', async () => {
      const member = await staffMember();
      const laptop = await signInFirstTime(member);
      const again = await post('/inloggen', { email: member.email, password: member.password });
      const phoneHalf = cookieOf(again);
      const home = await get('/beheer', laptop.cookie);
      const out = await post('/uitloggen/overal', { _csrf: csrfIn(home.body) }, laptop.cookie);
      assert.equal(out.headers.location, '/inloggen');
      assert.equal((await get('/beheer', laptop.cookie)).headers.location, '/inloggen');
      assert.equal((await get('/inloggen/code', phoneHalf)).headers.location, '/inloggen');
    });
  });
}
