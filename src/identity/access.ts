import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Clock } from '../platform/clock.ts';
import type { Queryable } from '../platform/db.ts';
import { isApiRequest, sendProblem } from '../platform/http-errors.tsx';
import { defineProblem, platformProblems } from '../platform/problems.ts';
import { csrfToken, csrfTokenMatches } from '../platform/csrf.ts';
import { pageContext } from '../platform/page-context.ts';
import { sendPage } from '../platform/views/render.ts';
import { FormExpiredPage } from './pages.tsx';
import { can, type Action, type Actor, type Resource } from './policy.ts';
import { resumeSession, SESSION_COOKIE, type ActiveSession } from './sessions.ts';

/**
 * Every route says who may use it: `public`, `signing-in` (the steps of signing in, with or without a
 * half-way session), or a policy action with the resource it acts on. A route that says nothing is refused,
 * so no route can be added without a policy (the authorization matrix test walks them all).
 */
export type RouteAccess =
  'public' | 'signing-in' | { action: Action; resource?: (request: FastifyRequest) => Resource };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    staffSession: ActiveSession | null;
  }
}

export function actorOf(session: ActiveSession | null): Actor {
  if (!session) return { kind: 'anonymous' };
  return {
    kind: 'staff',
    personId: session.person.id,
    memberships: session.memberships,
    secondFactorDone: session.secondFactorDone,
  };
}

export type RouteEntry = { method: string; url: string; access: RouteAccess | undefined };

/** Keeps the table of every route and its access rule, for the authorization matrix test and for review. */
export function recordRoutes(app: FastifyInstance): RouteEntry[] {
  const table: RouteEntry[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      // Read when asked: hooks of inner scopes (the public scope) set the rule after this one has run.
      if (method !== 'HEAD') {
        table.push({
          method,
          url: route.url,
          get access() {
            return route.config?.access;
          },
        });
      }
    }
  });
  return table;
}

/**
 * The session a route with a policy action runs with. The access check has already sent anyone without a
 * full staff session elsewhere, so handlers need not ask again.
 */
export function signedInStaff(request: FastifyRequest): ActiveSession {
  const session = request.staffSession;
  if (!session?.secondFactorDone) throw new Error(`${request.routeOptions.url} runs without a staff session`);
  return session;
}

const notFoundProblem = platformProblems.notFound;
const formExpired = defineProblem({
  code: 'form-expired',
  status: 403,
  title: { nl: 'Dit formulier is verlopen', en: 'This form has expired' },
});
const unauthorized = defineProblem({
  code: 'sign-in-required',
  status: 401,
  title: { nl: 'Log eerst in', en: 'Sign in first' },
});

/** Resolves the staff session (only when a cookie is sent) and applies each route's access rule. */
export function registerAccessControl(
  app: FastifyInstance,
  { db, clock, secret }: { db: Queryable; clock: Clock; secret: string },
): void {
  app.decorateRequest('staffSession', null);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    request.staffSession = token ? await resumeSession(db, token, clock.now()) : null;
  });
  app.addHook('onSend', async (request, reply) => {
    if (request.staffSession) reply.header('cache-control', 'no-store');
  });
  app.addHook('preHandler', async (request, reply) => {
    const access = request.routeOptions.config.access;
    // No route matched: the not-found handler answers, which is open to all.
    if (request.routeOptions.url === undefined) return;
    if (access === 'public' || access === 'signing-in') return;
    if (access === undefined) {
      // A route without a policy is a mistake in the code; it fails closed.
      request.log.error({ route: request.routeOptions.url }, 'route without an access policy');
      return isApiRequest(request) ? sendProblem(request, reply, notFoundProblem) : reply.callNotFound();
    }
    const session = request.staffSession;
    if (!session)
      return isApiRequest(request)
        ? sendProblem(request, reply, unauthorized)
        : reply.redirect('/inloggen', 303);
    if (!session.secondFactorDone) {
      return isApiRequest(request)
        ? sendProblem(request, reply, unauthorized)
        : reply.redirect('/inloggen/code', 303);
    }
    const resource = access.resource ? access.resource(request) : 'platform';
    if (!can(actorOf(session), access.action, resource)) {
      // Not found rather than forbidden: a page one may not use does not tell that it exists.
      return isApiRequest(request) ? sendProblem(request, reply, notFoundProblem) : reply.callNotFound();
    }
    // Every state-changing staff request carries the session's form token; without it nothing changes.
    const changes = request.method !== 'GET' && request.method !== 'HEAD';
    const token = (request.body as Record<string, unknown> | null | undefined)?._csrf;
    if (changes && !csrfTokenMatches(secret, session.idHash, token)) {
      if (isApiRequest(request)) return sendProblem(request, reply, formExpired);
      const page = FormExpiredPage({
        context: pageContext(request, reply),
        session,
        csrf: csrfToken(secret, session.idHash),
      });
      return sendPage(reply, page, 403);
    }
  });
}
