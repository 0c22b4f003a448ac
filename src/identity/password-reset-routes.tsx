import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance, FastifyPluginAsync, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Clock } from '../platform/clock.ts';
import type { Database } from '../platform/db.ts';
import { pageContext } from '../platform/page-context.ts';
import { sendPage } from '../platform/views/render.ts';
import { identityMessages } from './messages.ts';
import { hashPassword, passwordProblem } from './password.ts';
import { completePasswordReset, passwordResetFor, requestPasswordReset } from './password-reset.ts';
import {
  ForgotPasswordPage,
  passwordResetMessages,
  ResetInvalidPage,
  ResetPasswordPage,
  ResetRequestedPage,
} from './password-reset-pages.tsx';
import { countAttempt, findPerson, normaliseEmail } from './store.ts';
import { recordAccountChange } from './sign-in-records.ts';
import { traceIdFor } from '../platform/trace.ts';

type Options = {
  db: Database;
  clock: Clock;
  secret: string;
  publicBaseUrl: string;
  /** Every well-formed request is answered no sooner than this, so timing does not tell an account exists. */
  answerFloorMs?: number;
};
type Body = Record<string, unknown>;

const WINDOW_SECONDS = 60 * 60;
const MAX_REQUESTS_PER_ADDRESS = 5;
const MAX_REQUESTS_PER_IP = 20;
const DEFAULT_ANSWER_FLOOR_MS = 250;

const text = (body: Body, field: string) => (typeof body[field] === 'string' ? (body[field] as string) : '');
const emailSchema = z.email().max(320);

/** Where a reset succeeded: the sign-in page, which can say so (see the report on SignInPage). */
export const RESET_DONE_LOCATION = '/inloggen?melding=wachtwoord-gewijzigd';

/**
 * Password reset by e-mail. Asking for a link gives the same answer, after the same time, whether or not the
 * account exists and whether or not the request was throttled; the link sets a new password once and ends
 * every session of the person.
 */
export const passwordResetRoutes =
  ({
    db,
    clock,
    secret,
    publicBaseUrl,
    answerFloorMs = DEFAULT_ANSWER_FLOOR_MS,
  }: Options): FastifyPluginAsync =>
  async (app: FastifyInstance) => {
    const secretPage = (reply: FastifyReply) =>
      reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');

    app.get(
      '/wachtwoord-vergeten',
      { schema: { hide: true }, config: { access: 'signing-in' } },
      (request, reply) => sendPage(reply, <ForgotPasswordPage context={pageContext(request, reply)} />),
    );

    app.post(
      '/wachtwoord-vergeten',
      { schema: { hide: true }, config: { access: 'signing-in' } },
      async (request, reply) => {
        const started = performance.now();
        const context = pageContext(request, reply);
        const typed = text((request.body ?? {}) as Body, 'email')
          .trim()
          .slice(0, 320);
        const parsed = emailSchema.safeParse(typed);
        if (!parsed.success) {
          const messages = passwordResetMessages[context.locale];
          const message = typed === '' ? messages.emailMissing : messages.emailInvalid;
          const errors = [
            { field: 'email', code: typed === '' ? 'email_missing' : 'email_invalid', message },
          ];
          return sendPage(reply, <ForgotPasswordPage context={context} email={typed} errors={errors} />, 400);
        }
        const email = normaliseEmail(parsed.data);
        const now = clock.now();
        await db.transaction(async (tx) => {
          const byIp = await countAttempt(tx, `reset:ip:${request.ip}`, now, WINDOW_SECONDS);
          const byAddress = await countAttempt(tx, `reset:email:${email}`, now, WINDOW_SECONDS);
          if (byIp > MAX_REQUESTS_PER_IP || byAddress > MAX_REQUESTS_PER_ADDRESS) return;
          await requestPasswordReset(tx, { email, now, publicBaseUrl });
        });
        const remaining = answerFloorMs - (performance.now() - started);
        if (remaining > 0) await sleep(remaining);
        return sendPage(secretPage(reply), <ResetRequestedPage context={context} />);
      },
    );

    app.get<{ Params: { token: string } }>(
      '/wachtwoord-herstellen/:token',
      { schema: { hide: true }, config: { access: 'signing-in' } },
      async (request, reply) => {
        const context = pageContext(request, reply);
        secretPage(reply);
        const personId = await passwordResetFor(db, request.params.token, clock.now());
        const person = personId ? await findPerson(db, personId) : null;
        if (!person?.active) return sendPage(reply, <ResetInvalidPage context={context} />, 410);
        return sendPage(reply, <ResetPasswordPage context={context} token={request.params.token} />);
      },
    );

    app.post<{ Params: { token: string } }>(
      '/wachtwoord-herstellen/:token',
      { schema: { hide: true }, config: { access: 'signing-in' } },
      async (request, reply) => {
        const context = pageContext(request, reply);
        secretPage(reply);
        const { token } = request.params;
        const now = clock.now();
        const personId = await passwordResetFor(db, token, now);
        const person = personId ? await findPerson(db, personId) : null;
        if (!person?.active) return sendPage(reply, <ResetInvalidPage context={context} />, 410);
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
          return sendPage(reply, <ResetPasswordPage context={context} token={token} errors={errors} />, 400);
        }
        const passwordHash = await hashPassword(password);
        const done = await db.transaction(async (tx) => {
          const personId = await completePasswordReset(tx, { token, passwordHash, now });
          if (personId) await recordAccountChange(tx, personId, secret, traceIdFor(request.headers));
          return personId;
        });
        if (!done) return sendPage(reply, <ResetInvalidPage context={context} />, 410);
        return reply.redirect(RESET_DONE_LOCATION, 303);
      },
    );
  };
