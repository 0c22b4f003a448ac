import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, can, signedInStaff } from '../identity/index.ts';
import { csrfToken } from '../platform/csrf.ts';
import { pageContext } from '../platform/page-context.ts';
import { ProblemError } from '../platform/problems.ts';
import { formFields } from '../platform/views/more-fields.tsx';
import { sendPage } from '../platform/views/render.ts';
import { LibraryPage, libraryPath, PublishedPracticePage } from './library-pages.tsx';
import { findPractice, react, reactionsTo, searchLibrary } from './store.ts';

import {
  hidden,
  libraryQuery,
  organisationNames,
  practiceNotFound,
  practiceResource,
  present,
  publicRoute,
  reactRoute,
  type Options,
} from './shared-routes.ts';

/** The public library and its API, and the professionals' "we tried this too". */
export const libraryRoutes =
  ({ db, secret }: Options): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/practices',
      {
        ...publicRoute,
        schema: {
          tags: ['practices'],
          summary:
            'Published good practices; full-text search in Dutch (q), filters by ambition and life domain',
          querystring: libraryQuery,
          response: { 200: z.object({ data: z.array(practiceResource) }) },
        },
      },
      async (request) => {
        const found = await searchLibrary(db, request.query);
        const names = await organisationNames(
          db,
          found.map((p) => p.organisationKey),
        );
        return {
          data: await Promise.all(
            found.map(async (p) => present(p, names, (await reactionsTo(db, p.id)).length)),
          ),
        };
      },
    );

    app.get(
      '/api/v1/practices/:id',
      {
        ...publicRoute,
        schema: {
          tags: ['practices'],
          summary: 'One published good practice',
          params: z.object({ id: z.string().max(40) }),
          response: { 200: z.object({ data: practiceResource }) },
        },
      },
      async (request) => {
        const practice = await findPractice(db, request.params.id);
        if (!practice || practice.status !== 'published')
          throw new ProblemError(practiceNotFound, {
            nl: 'Geen gepubliceerd voorbeeld.',
            en: 'No published practice.',
          });
        const names = await organisationNames(db, [practice.organisationKey]);
        return { data: present(practice, names, (await reactionsTo(db, practice.id)).length) };
      },
    );

    app.get<{ Querystring: Record<string, string | undefined> }>(
      libraryPath,
      { ...publicRoute, ...hidden },
      async (request, reply) => {
        const filters = {
          q: (request.query.q ?? '').slice(0, 200),
          ambitie: request.query.ambitie ?? '',
          leefgebied: request.query.leefgebied ?? '',
        };
        const parsed = libraryQuery.safeParse({
          q: filters.q || undefined,
          ambition: filters.ambitie || undefined,
          domain: filters.leefgebied || undefined,
        });
        // A filter value that is not on the list is ignored, like an empty one.
        const results = await searchLibrary(db, parsed.success ? parsed.data : { q: filters.q });
        const names = await organisationNames(
          db,
          results.map((p) => p.organisationKey),
        );
        const context = pageContext(request, reply);
        return sendPage(
          reply,
          <LibraryPage context={context} filters={filters} results={results} organisationNames={names} />,
        );
      },
    );

    app.get<{ Params: { id: string }; Querystring: { opgeslagen?: string } }>(
      `${libraryPath}/:id`,
      { ...publicRoute, ...hidden },
      async (request, reply) => {
        const practice = await findPractice(db, request.params.id);
        if (!practice || practice.status !== 'published') return reply.callNotFound();
        const reactions = await reactionsTo(db, practice.id);
        const names = await organisationNames(db, [
          practice.organisationKey,
          ...reactions.map((r) => r.organisationKey),
        ]);
        const session = request.staffSession;
        const mayReact = session?.secondFactorDone && can(actorOf(session), 'practices.react');
        const page = (
          <PublishedPracticePage
            context={pageContext(request, reply)}
            practice={practice}
            organisationNames={names}
            reactions={reactions}
            reactCsrf={mayReact ? csrfToken(secret, session.idHash) : null}
            reacted={request.query.opgeslagen === '1'}
          />
        );
        return sendPage(reply, page);
      },
    );

    app.post<{ Params: { id: string } }>(
      `${libraryPath}/:id/ook-geprobeerd`,
      reactRoute,
      async (request, reply) => {
        const practice = await findPractice(db, request.params.id);
        if (!practice || practice.status !== 'published') return reply.callNotFound();
        const session = signedInStaff(request);
        const note = (formFields(request.body).note ?? '').trim().slice(0, 1000) || null;
        // The organisation the professional speaks for: the first where they hold a role that may react.
        const organisationKey =
          session.memberships.find(
            (m) => m.organisationKey && can(actorOf({ ...session, memberships: [m] }), 'practices.react'),
          )?.organisationKey ??
          session.memberships[0]?.organisationKey ??
          '';
        await db.transaction((tx) =>
          react(tx, { practiceId: practice.id, personId: session.person.id, organisationKey, note }),
        );
        return reply.redirect(`${libraryPath}/${practice.id}?opgeslagen=1`, 303);
      },
    );
  };
