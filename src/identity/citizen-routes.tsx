import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../platform/clock.ts';
import { csrfToken, csrfTokenMatches } from '../platform/csrf.ts';
import type { Database } from '../platform/db.ts';
import { pageContext } from '../platform/page-context.ts';
import { createPseudonymiser, defineActivity, logProcessing } from '../platform/processing-log/index.ts';
import { createSealer } from '../platform/sealed-state.ts';
import { traceIdFor } from '../platform/trace.ts';
import { sendPage } from '../platform/views/render.ts';
import { CitizenHomePage, CitizenSignInFailedPage } from './citizen-pages.tsx';
import {
  CITIZEN_COOKIE,
  endCitizenSession,
  resumeCitizenSession,
  startCitizenSession,
} from './citizen-sessions.ts';
import { createOidcClient, type OidcSettings, type PendingSignIn } from './oidc.ts';

const PENDING_COOKIE = 'meedoen_oidc';

export const citizenSignIn = defineActivity({
  code: 'identity.citizen-sign-in',
  purpose: {
    nl: 'Een ouder of jongere laten inloggen via de gemeente, om eigen aanvragen te kunnen volgen',
    en: 'Letting a parent or young person sign in through the municipality, to follow their own applications',
  },
  legalBasis: {
    nl: 'Toestemming van de betrokkene (AVG art. 6 lid 1 sub a)',
    en: 'Consent of the data subject (GDPR art. 6(1)(a))',
  },
  subjectKind: 'citizen',
});

type Options = {
  db: Database;
  clock: Clock;
  secret: string;
  oidc: OidcSettings;
  publicBaseUrl: string;
  secureCookies: boolean;
};

/**
 * Sign-in for parents and young people through the municipality's OpenID Connect provider (the route DigiD
 * brokers use), with PKCE, state and nonce. Only a keyed pseudonym of the provider's subject is kept.
 */
export const citizenRoutes =
  ({ db, clock, secret, oidc, publicBaseUrl, secureCookies }: Options): FastifyPluginAsync =>
  async (app) => {
    const provider = createOidcClient(oidc);
    const pendingSealer = createSealer(secret, 'oidc-pending', 10 * 60);
    const pseudonymiser = createPseudonymiser(secret);
    const redirectUri = `${publicBaseUrl}/inloggen/burger/terug`;
    const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: secureCookies };
    const access = { access: 'signing-in' as const };

    const failed = (request: FastifyRequest, reply: FastifyReply) =>
      sendPage(reply, <CitizenSignInFailedPage context={pageContext(request, reply)} />, 400);

    app.get('/inloggen/burger', { schema: { hide: true }, config: access }, async (request, reply) => {
      try {
        const { url, pending } = await provider.start(redirectUri);
        reply.setCookie(PENDING_COOKIE, pendingSealer.seal(pending), { ...cookieOptions, maxAge: 600 });
        return reply.redirect(url.href, 303);
      } catch (error) {
        request.log.warn({ error: (error as Error).name }, 'OpenID Connect provider not reachable');
        return failed(request, reply);
      }
    });

    app.get('/inloggen/burger/terug', { schema: { hide: true }, config: access }, async (request, reply) => {
      const sealed = request.cookies[PENDING_COOKIE];
      const pending = sealed ? (pendingSealer.open(sealed) as PendingSignIn | null) : null;
      reply.clearCookie(PENDING_COOKIE, { path: '/' });
      if (!pending) return failed(request, reply);
      let subject: string;
      try {
        subject = await provider.finish(new URL(request.url, publicBaseUrl), pending);
      } catch (error) {
        // The reason (a wrong state, an expired code) helps the operator; the person just tries again.
        request.log.warn({ error: (error as Error).name }, 'OpenID Connect sign-in refused');
        return failed(request, reply);
      }
      const now = clock.now();
      const pseudonym = pseudonymiser.pseudonym('citizen', subject);
      const token = await db.transaction(async (tx) => {
        await logProcessing(tx, {
          actor: { personId: null, role: 'citizen', organisation: null },
          activity: citizenSignIn,
          action: 'create',
          subject: { pseudonym },
          traceId: traceIdFor(request.headers),
        });
        return startCitizenSession(tx, pseudonym, now);
      });
      reply.setCookie(CITIZEN_COOKIE, token, cookieOptions);
      return reply.redirect('/mijn', 303);
    });

    app.get('/mijn', { schema: { hide: true }, config: access }, async (request, reply) => {
      const token = request.cookies[CITIZEN_COOKIE];
      const session = token ? await resumeCitizenSession(db, token, clock.now()) : null;
      if (!session) return reply.redirect('/inloggen/burger', 303);
      reply.header('cache-control', 'no-store');
      return sendPage(
        reply,
        <CitizenHomePage context={pageContext(request, reply)} csrf={csrfToken(secret, session.idHash)} />,
      );
    });

    app.post('/mijn/uitloggen', { schema: { hide: true }, config: access }, async (request, reply) => {
      const token = request.cookies[CITIZEN_COOKIE];
      const session = token ? await resumeCitizenSession(db, token, clock.now()) : null;
      if (session) {
        if (
          !csrfTokenMatches(
            secret,
            session.idHash,
            (request.body as Record<string, unknown> | undefined)?._csrf,
          )
        ) {
          return reply.redirect('/mijn', 303); // a form from elsewhere changes nothing
        }
        await endCitizenSession(db, session.idHash, clock.now());
      }
      reply.clearCookie(CITIZEN_COOKIE, { path: '/' });
      return reply.redirect('/', 303);
    });
  };
