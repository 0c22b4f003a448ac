import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../platform/clock.ts';
import type { Database } from '../platform/db.ts';
import { csrfToken, csrfTokenMatches } from '../platform/csrf.ts';
import { pageContext } from '../platform/page-context.ts';
import { createSealer } from '../platform/sealed-state.ts';
import { sendPage } from '../platform/views/render.ts';
import { identityMessages } from './messages.ts';
import {
  CodePage,
  EnrolPage,
  InvitationInvalidPage,
  InvitationPage,
  SignInPage,
  StaffHomePage,
} from './pages.tsx';
import { invitationFor, useInvitation } from './invitations.ts';
import { listOutbox } from '../platform/mail/index.ts';
import { OutboxPage } from './outbox-page.tsx';
import { hashPassword, passwordProblem, spendPasswordCheckTime, verifyPassword } from './password.ts';
import {
  completeSecondFactor,
  endAllSessions,
  endSession,
  SESSION_COOKIE,
  startSession,
  type ActiveSession,
} from './sessions.ts';
import { countAttempt, findPerson, findPersonByEmail, recordFailedSignIn, updatePerson } from './store.ts';
import { newTotpSecret, totpUri, verifyTotp } from './totp.ts';
import { signedInStaff } from './access.ts';
import {
  recordAccountChange,
  recordOutboxReading,
  recordSignIn,
  sendLockoutNotice,
} from './sign-in-records.ts';
import { traceIdFor } from '../platform/trace.ts';

type Options = { db: Database; clock: Clock; secret: string; secureCookies: boolean };
type Body = Record<string, unknown>;

const ATTEMPT_WINDOW_SECONDS = 15 * 60;
const MAX_ATTEMPTS_PER_ADDRESS = 30;
const MAX_ATTEMPTS_PER_ACCOUNT = 10;

const text = (body: Body, field: string) => (typeof body[field] === 'string' ? (body[field] as string) : '');

/**
 * Sign-in for staff: password, then a TOTP code (set up on first sign-in), on server-side sessions that every
 * app process shares. Who is signed in comes from `request.staffSession` (see access.ts).
 */
export const identityRoutes =
  ({ db, clock, secret, secureCookies }: Options): FastifyPluginAsync =>
  async (app: FastifyInstance) => {
    const totpSealer = createSealer(secret, 'totp-secret', Number.POSITIVE_INFINITY);
    const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: secureCookies };

    const setSession = (reply: FastifyReply, token: string) =>
      reply.setCookie(SESSION_COOKIE, token, cookieOptions);
    const csrfFor = (session: ActiveSession) => csrfToken(secret, session.idHash);

    /** State-changing forms carry the session's form token; anything else is refused before it changes a thing. */
    function refusedForm(
      request: FastifyRequest,
      reply: FastifyReply,
      session: ActiveSession,
    ): FastifyReply | null {
      if (csrfTokenMatches(secret, session.idHash, (request.body as Body | undefined)?._csrf)) return null;
      const context = pageContext(request, reply);
      return sendPage(
        reply,
        <SignInPage
          context={context}
          errors={[{ field: 'email', code: 'csrf', message: identityMessages[context.locale].formExpired }]}
        />,
        403,
      );
    }

    app.get<{ Querystring: { melding?: string } }>(
      '/inloggen',
      { schema: { hide: true }, config: { access: 'signing-in' } },
      (request, reply) => {
        const context = pageContext(request, reply);
        const changed = request.query.melding === 'wachtwoord-gewijzigd';
        const notice = changed ? identityMessages[context.locale].passwordChanged : undefined;
        return sendPage(reply, <SignInPage context={context} notice={notice} />);
      },
    );

    app.post(
      '/inloggen',
      { schema: { hide: true }, config: { access: 'signing-in' } },
      async (request, reply) => {
        const context = pageContext(request, reply);
        const body = (request.body ?? {}) as Body;
        const email = text(body, 'email').trim().slice(0, 320);
        const password = text(body, 'password').slice(0, 1024);
        const now = clock.now();
        const failed = () =>
          sendPage(
            reply,
            <SignInPage
              context={context}
              email={email}
              errors={[
                {
                  field: 'email',
                  code: 'sign_in_failed',
                  message: identityMessages[context.locale].signInFailed,
                },
              ]}
            />,
            401,
          );
        const byAddress = await countAttempt(db, `sign-in:ip:${request.ip}`, now, ATTEMPT_WINDOW_SECONDS);
        const byAccount = await countAttempt(
          db,
          `sign-in:email:${email.toLowerCase()}`,
          now,
          ATTEMPT_WINDOW_SECONDS,
        );
        const person = email ? await findPersonByEmail(db, email) : null;
        // The same work and the same answer whether or not the account exists, is locked or is throttled.
        const usable =
          person?.passwordHash && person.active && !(person.lockedUntil && person.lockedUntil > now);
        const passwordOk = usable
          ? await verifyPassword(person.passwordHash!, password)
          : (await spendPasswordCheckTime(password), false);
        if (
          byAddress > MAX_ATTEMPTS_PER_ADDRESS ||
          byAccount > MAX_ATTEMPTS_PER_ACCOUNT ||
          !passwordOk ||
          !person
        ) {
          if (person && usable && !passwordOk) {
            await db.transaction(async (tx) => {
              if (await recordFailedSignIn(tx, person, now)) await sendLockoutNotice(tx, person);
            });
          }
          return failed();
        }
        const previous = request.staffSession;
        const token = await db.transaction(async (tx) => {
          await updatePerson(tx, person.id, { failedSignIns: 0, lockedUntil: null });
          if (previous) await endSession(tx, previous.idHash, now);
          await recordSignIn(tx, person, secret, traceIdFor(request.headers));
          return startSession(tx, person.id, now);
        });
        setSession(reply, token);
        return reply.redirect(person.totpConfirmedAt ? '/inloggen/code' : '/inloggen/instellen', 303);
      },
    );

    app.get(
      '/inloggen/code',
      { schema: { hide: true }, config: { access: 'signing-in' } },
      (request, reply) => {
        const session = request.staffSession;
        if (!session) return reply.redirect('/inloggen', 303);
        return sendPage(reply, <CodePage context={pageContext(request, reply)} csrf={csrfFor(session)} />);
      },
    );

    app.post(
      '/inloggen/code',
      { schema: { hide: true }, config: { access: 'signing-in' } },
      async (request, reply) => {
        const session = request.staffSession;
        if (!session) return reply.redirect('/inloggen', 303);
        const refused = refusedForm(request, reply, session);
        if (refused) return refused;
        const now = clock.now();
        const person = await findPerson(db, session.person.id);
        const sealed = person?.totpConfirmedAt ? person.totpSecret : null;
        const secretValue = sealed ? (totpSealer.open(sealed) as string | null) : null;
        const attempts = await countAttempt(db, `totp:${session.person.id}`, now, ATTEMPT_WINDOW_SECONDS);
        if (
          !secretValue ||
          attempts > MAX_ATTEMPTS_PER_ACCOUNT ||
          !verifyTotp(secretValue, text((request.body ?? {}) as Body, 'code'), now)
        ) {
          const context = pageContext(request, reply);
          const errors = [
            { field: 'code', code: 'code_wrong', message: identityMessages[context.locale].codeWrong },
          ];
          return sendPage(reply, <CodePage context={context} csrf={csrfFor(session)} errors={errors} />, 400);
        }
        setSession(reply, await completeSecondFactor(db, session, now));
        return reply.redirect('/beheer', 303);
      },
    );

    /** First sign-in: a new secret to add to the app, kept sealed until a code from it proves it works. */
    app.get(
      '/inloggen/instellen',
      { schema: { hide: true }, config: { access: 'signing-in' } },
      async (request, reply) => {
        const session = request.staffSession;
        if (!session) return reply.redirect('/inloggen', 303);
        const person = await findPerson(db, session.person.id);
        if (!person || person.totpConfirmedAt) return reply.redirect('/inloggen/code', 303);
        const secretValue = newTotpSecret();
        await db.transaction(async (tx) => {
          await updatePerson(tx, person.id, { totpSecret: totpSealer.seal(secretValue) });
          await recordAccountChange(tx, person.id, secret, traceIdFor(request.headers));
        });
        reply.header('cache-control', 'no-store');
        return sendPage(
          reply,
          <EnrolPage
            context={pageContext(request, reply)}
            csrf={csrfFor(session)}
            secret={secretValue}
            uri={totpUri(secretValue, person.email)}
          />,
        );
      },
    );

    app.post(
      '/inloggen/instellen',
      { schema: { hide: true }, config: { access: 'signing-in' } },
      async (request, reply) => {
        const session = request.staffSession;
        if (!session) return reply.redirect('/inloggen', 303);
        const refused = refusedForm(request, reply, session);
        if (refused) return refused;
        const now = clock.now();
        const person = await findPerson(db, session.person.id);
        if (!person || person.totpConfirmedAt) return reply.redirect('/inloggen/code', 303);
        const secretValue = person.totpSecret ? (totpSealer.open(person.totpSecret) as string | null) : null;
        if (!secretValue || !verifyTotp(secretValue, text((request.body ?? {}) as Body, 'code'), now)) {
          const context = pageContext(request, reply);
          const errors = [
            { field: 'code', code: 'code_wrong', message: identityMessages[context.locale].codeWrong },
          ];
          const uri = secretValue ? totpUri(secretValue, person.email) : '';
          return sendPage(
            reply,
            <EnrolPage
              context={context}
              csrf={csrfFor(session)}
              secret={secretValue ?? ''}
              uri={uri}
              errors={errors}
            />,
            400,
          );
        }
        await db.transaction(async (tx) => {
          await updatePerson(tx, person.id, { totpConfirmedAt: now });
          await recordAccountChange(tx, person.id, secret, traceIdFor(request.headers));
        });
        setSession(reply, await completeSecondFactor(db, session, now));
        return reply.redirect('/beheer', 303);
      },
    );

    app.get(
      '/beheer',
      { schema: { hide: true }, config: { access: { action: 'staff.home' } } },
      (request, reply) => {
        const session = signedInStaff(request);
        return sendPage(
          reply,
          <StaffHomePage context={pageContext(request, reply)} session={session} csrf={csrfFor(session)} />,
        );
      },
    );

    app.get<{ Params: { token: string } }>(
      '/uitnodiging/:token',
      { schema: { hide: true }, config: { access: 'signing-in' } },
      async (request, reply) => {
        const context = pageContext(request, reply);
        reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
        const personId = await invitationFor(db, request.params.token, clock.now());
        const person = personId ? await findPerson(db, personId) : null;
        if (!person) return sendPage(reply, <InvitationInvalidPage context={context} />, 410);
        return sendPage(
          reply,
          <InvitationPage context={context} name={person.displayName} token={request.params.token} />,
        );
      },
    );

    /** Accepting an invitation: the password is set and the link used up in one transaction, then the second step. */
    app.post<{ Params: { token: string } }>(
      '/uitnodiging/:token',
      { schema: { hide: true }, config: { access: 'signing-in' } },
      async (request, reply) => {
        const context = pageContext(request, reply);
        const now = clock.now();
        const { token } = request.params;
        const personId = await invitationFor(db, token, now);
        const person = personId ? await findPerson(db, personId) : null;
        if (!person) return sendPage(reply, <InvitationInvalidPage context={context} />, 410);
        const password = text((request.body ?? {}) as Body, 'password');
        const problem = passwordProblem(password, person.email);
        if (problem) {
          const errors = [
            {
              field: 'password',
              code: `password_${problem}`,
              message: identityMessages[context.locale].passwordProblems[problem],
            },
          ];
          return sendPage(
            reply,
            <InvitationPage context={context} name={person.displayName} token={token} errors={errors} />,
            400,
          );
        }
        const passwordHash = await hashPassword(password);
        const sessionToken = await db.transaction(async (tx) => {
          if (!(await useInvitation(tx, token, now))) return null;
          await updatePerson(tx, person.id, { passwordHash, failedSignIns: 0, lockedUntil: null });
          // A new password ends whatever sessions the old one had opened, as a reset does.
          await endAllSessions(tx, person.id, now);
          await recordAccountChange(tx, person.id, secret, traceIdFor(request.headers));
          return startSession(tx, person.id, now);
        });
        if (!sessionToken) return sendPage(reply, <InvitationInvalidPage context={context} />, 410);
        setSession(reply, sessionToken);
        return reply.redirect(person.totpConfirmedAt ? '/inloggen/code' : '/inloggen/instellen', 303);
      },
    );

    app.get(
      '/beheer/uitgaande-mail',
      { schema: { hide: true }, config: { access: { action: 'mail.outbox.read' } } },
      async (request, reply) => {
        const session = signedInStaff(request);
        const { entries } = await db.transaction(async (tx) => {
          const page = await listOutbox(tx, { limit: 100, offset: 0, now: clock.now() });
          const recipients = page.entries.map((entry) => entry.recipient);
          await recordOutboxReading(
            tx,
            { personId: session.person.id },
            recipients,
            secret,
            traceIdFor(request.headers),
          );
          return page;
        });
        return sendPage(reply, <OutboxPage context={pageContext(request, reply)} entries={entries} />);
      },
    );

    app.post(
      '/sessie/verlengen',
      { schema: { hide: true }, config: { access: { action: 'staff.home' } } },
      async (request, reply) => {
        // Resuming the session already counted this request as activity: the idle time starts again. Back to
        // the staff page the person was on; nothing outside /beheer, so the field cannot redirect elsewhere.
        const back = text((request.body ?? {}) as Body, 'terug');
        return reply.redirect(/^\/beheer(\/[a-z0-9-]+)*$/.test(back) ? back : '/beheer', 303);
      },
    );

    app.post(
      '/uitloggen',
      { schema: { hide: true }, config: { access: 'signing-in' } },
      async (request, reply) => {
        const session = request.staffSession;
        if (session) {
          const refused = refusedForm(request, reply, session);
          if (refused) return refused;
          await endSession(db, session.idHash, clock.now());
        }
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.redirect('/inloggen', 303);
      },
    );

    app.post(
      '/uitloggen/overal',
      { schema: { hide: true }, config: { access: 'signing-in' } },
      async (request, reply) => {
        const session = request.staffSession;
        if (!session || !session.secondFactorDone) return reply.redirect('/inloggen', 303);
        const refused = refusedForm(request, reply, session);
        if (refused) return refused;
        await endAllSessions(db, session.person.id, clock.now());
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.redirect('/inloggen', 303);
      },
    );
  };
