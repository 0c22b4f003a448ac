import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../platform/clock.ts';
import { csrfToken, csrfTokenMatches } from '../platform/csrf.ts';
import type { Database } from '../platform/db.ts';
import { pageContext } from '../platform/page-context.ts';
import { createPseudonymiser, defineActivity, logProcessing } from '../platform/processing-log/index.ts';
import { createSealer } from '../platform/sealed-state.ts';
import { traceIdFor } from '../platform/trace.ts';
import { sendPage } from '../platform/views/render.ts';
import { findMunicipality, listMunicipalities, MUNICIPALITY_CODE } from '../municipalities/index.ts';
import {
  CitizenChooseMunicipalityPage,
  CitizenHomePage,
  CitizenLeavingPage,
  CitizenNoProviderPage,
  CitizenSignInFailedPage,
  choiceError,
  type ChoiceProblem,
} from './citizen-pages.tsx';
import {
  CITIZEN_COOKIE,
  endCitizenSession,
  resumeCitizenSession,
  startCitizenSession,
} from './citizen-sessions.ts';
import { createOidcProviders, pendingSignInSchema, subjectId, type OidcProviderSettings } from './oidc.ts';

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
  oidc: { providers: readonly OidcProviderSettings[] };
  publicBaseUrl: string;
  secureCookies: boolean;
};

/**
 * Sign-in for parents and young people through the OpenID Connect provider their municipality configured
 * (the route DigiD brokers use), with PKCE, state and nonce. Only a keyed pseudonym of the provider's
 * subject is kept.
 */
export const citizenRoutes =
  ({ db, clock, secret, oidc, publicBaseUrl, secureCookies }: Options): FastifyPluginAsync =>
  async (app) => {
    const providers = createOidcProviders(oidc.providers);
    const pendingSealer = createSealer(secret, 'oidc-pending', 10 * 60);
    const pseudonymiser = createPseudonymiser(secret);
    const redirectUri = `${publicBaseUrl}/inloggen/burger/terug`;
    const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: secureCookies };
    const access = { access: 'signing-in' as const };

    const failed = (request: FastifyRequest, reply: FastifyReply) =>
      sendPage(reply, <CitizenSignInFailedPage context={pageContext(request, reply)} />, 400);

    /**
     * After the choice form the browser is sent on by a page, not a redirect: the form's navigation may only
     * lead to this site (CSP form-action), and a broker may redirect further to addresses nobody can list.
     */
    const start = async (
      request: FastifyRequest,
      reply: FastifyReply,
      provider: OidcProviderSettings,
      how: 'redirect' | 'page',
    ) => {
      try {
        const { url, pending } = await providers.client(provider).start(redirectUri);
        reply.setCookie(PENDING_COOKIE, pendingSealer.seal(pending), { ...cookieOptions, maxAge: 600 });
        if (how === 'redirect') return reply.redirect(url.href, 303);
        reply.header('cache-control', 'no-store').header('refresh', `0; url=${url.href}`);
        const context = pageContext(request, reply);
        return sendPage(
          reply,
          <CitizenLeavingPage context={context} provider={provider.name[context.locale]} href={url.href} />,
        );
      } catch (error) {
        const reason = { error: (error as Error).name, provider: provider.id };
        request.log.warn(reason, 'OpenID Connect provider not reachable');
        return failed(request, reply);
      }
    };

    const choose = async (request: FastifyRequest, reply: FastifyReply, problem?: ChoiceProblem) => {
      const context = pageContext(request, reply);
      const configured = new Set(providers.municipalityCodes);
      const known = (await listMunicipalities(db)).filter((m) => configured.has(m.code));
      // A code the reference data no longer has (a merger) still works; it is listed by its code.
      const unknown = [...configured]
        .filter((code) => !known.some((m) => m.code === code))
        .map((code) => ({ code, name: code }));
      return sendPage(
        reply,
        <CitizenChooseMunicipalityPage
          context={context}
          municipalities={[...known, ...unknown]}
          error={problem && choiceError(problem, context.locale)}
        />,
        problem ? 400 : 200,
      );
    };

    // The choice form asks `?gemeente=GM0363`; a municipality's own site can link to it as well.
    app.get('/inloggen/burger', { schema: { hide: true }, config: access }, async (request, reply) => {
      const asked = (request.query as Record<string, unknown>).gemeente;
      if (asked === undefined) {
        return providers.sole ? start(request, reply, providers.sole, 'redirect') : choose(request, reply);
      }
      if (typeof asked !== 'string') return choose(request, reply, 'unknown');
      const code = asked.trim().toUpperCase();
      if (code === '') return choose(request, reply, 'missing');
      if (!MUNICIPALITY_CODE.test(code)) return choose(request, reply, 'unknown');
      const provider = providers.forMunicipality(code);
      if (provider) return start(request, reply, provider, 'page');
      const municipality = await findMunicipality(db, code);
      if (!municipality) return choose(request, reply, 'unknown');
      return sendPage(
        reply,
        <CitizenNoProviderPage context={pageContext(request, reply)} municipality={municipality} />,
      );
    });

    app.get('/inloggen/burger/terug', { schema: { hide: true }, config: access }, async (request, reply) => {
      const sealed = request.cookies[PENDING_COOKIE];
      const pending = pendingSignInSchema.safeParse(sealed ? pendingSealer.open(sealed) : null);
      reply.clearCookie(PENDING_COOKIE, { path: '/' });
      // The provider that started finishes: a return is never tried at another one.
      const provider = pending.success ? providers.byId(pending.data.provider) : null;
      if (!pending.success || !provider) return failed(request, reply);
      let subject: string;
      try {
        subject = await providers.client(provider).finish(new URL(request.url, publicBaseUrl), pending.data);
      } catch (error) {
        // The reason (a wrong state, an expired code) helps the operator; the person just tries again.
        const reason = { error: (error as Error).name, provider: provider.id };
        request.log.warn(reason, 'OpenID Connect sign-in refused');
        return failed(request, reply);
      }
      const now = clock.now();
      const pseudonym = pseudonymiser.pseudonym('citizen', subjectId(provider, subject));
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
