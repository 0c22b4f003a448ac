import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { findOrganisation } from '../catalogue/index.ts';
import { signedInStaff } from '../identity/index.ts';
import { pageContext } from '../platform/page-context.ts';
import { describeIssues, type FieldError } from '../platform/validation.ts';
import { sendPage } from '../platform/views/render.ts';
import {
  findPractice,
  insertPractice,
  practicesOf,
  resubmitPractice,
  reviewHistory,
  type Practice,
} from './store.ts';
import {
  OwnPracticePage,
  OwnPracticesPage,
  ownPracticesPath,
  PracticeFormPage,
  type PracticeFormValues,
} from './staff-pages.tsx';

import {
  emptyValues,
  parsePracticeForm,
  staffPageBase,
  submitRoute,
  valuesFromBody,
  valuesOf,
  type Options,
  type OrgParams,
} from './shared-routes.ts';

/** An organisation submits its good practices, and corrects them after a return. */
export const submitRoutes =
  ({ db, secret }: Options): FastifyPluginAsyncZod =>
  async (app) => {
    // Submitting for the own organisation.
    const loadOrganisation = (params: OrgParams) => findOrganisation(db, params.organisation);
    const showForm = (
      request: FastifyRequest,
      reply: FastifyReply,
      view: {
        organisation: string;
        practice: Practice | null;
        values: PracticeFormValues;
        errors: FieldError[];
        history?: Awaited<ReturnType<typeof reviewHistory>>;
      },
    ) => {
      const base = ownPracticesPath(view.organisation);
      const history = view.history ?? [];
      const page = (
        <PracticeFormPage
          {...staffPageBase(request, reply, secret)}
          action={view.practice ? `${base}/${view.practice.id}` : base}
          back={base}
          values={view.values}
          errors={view.errors}
          returned={
            view.practice
              ? {
                  comment: [...history].reverse().find((s) => s.toStatus === 'returned')?.comment ?? null,
                  history,
                }
              : null
          }
        />
      );
      return sendPage(reply, page, view.errors.length > 0 ? 400 : 200);
    };

    app.get<{ Params: OrgParams; Querystring: { opgeslagen?: string } }>(
      '/beheer/organisaties/:organisation/goede-voorbeelden',
      submitRoute,
      async (request, reply) => {
        const organisation = await loadOrganisation(request.params);
        if (!organisation) return reply.callNotFound();
        const page = (
          <OwnPracticesPage
            {...staffPageBase(request, reply, secret)}
            organisation={organisation}
            practices={await practicesOf(db, organisation.key)}
            saved={request.query.opgeslagen === '1'}
          />
        );
        return sendPage(reply, page);
      },
    );

    app.get<{ Params: OrgParams }>(
      '/beheer/organisaties/:organisation/goede-voorbeelden/nieuw',
      submitRoute,
      async (request, reply) => {
        const organisation = await loadOrganisation(request.params);
        if (!organisation) return reply.callNotFound();
        return showForm(request, reply, {
          organisation: organisation.key,
          practice: null,
          values: emptyValues(),
          errors: [],
        });
      },
    );

    app.post<{ Params: OrgParams }>(
      '/beheer/organisaties/:organisation/goede-voorbeelden',
      submitRoute,
      async (request, reply) => {
        const organisation = await loadOrganisation(request.params);
        if (!organisation) return reply.callNotFound();
        const values = valuesFromBody(request.body);
        const parsed = parsePracticeForm(values);
        if (!parsed.success) {
          const errors = describeIssues(parsed.error.issues, pageContext(request, reply).locale);
          return showForm(request, reply, { organisation: organisation.key, practice: null, values, errors });
        }
        const submittedBy = signedInStaff(request).person.id;
        await db.transaction((tx) =>
          insertPractice(tx, { organisationKey: organisation.key, submittedBy, practice: parsed.data }),
        );
        return reply.redirect(`${ownPracticesPath(organisation.key)}?opgeslagen=1`, 303);
      },
    );

    const ownPractice = async (params: OrgParams) => {
      const organisation = await loadOrganisation(params);
      const practice = organisation && params.id ? await findPractice(db, params.id) : null;
      return practice?.organisationKey === organisation?.key ? practice : null;
    };

    app.get<{ Params: OrgParams }>(
      '/beheer/organisaties/:organisation/goede-voorbeelden/:id',
      submitRoute,
      async (request, reply) => {
        const practice = await ownPractice(request.params);
        if (!practice) return reply.callNotFound();
        const history = await reviewHistory(db, practice.id);
        if (practice.status === 'returned')
          return showForm(request, reply, {
            organisation: practice.organisationKey,
            practice,
            values: valuesOf(practice),
            errors: [],
            history,
          });
        const page = (
          <OwnPracticePage
            {...staffPageBase(request, reply, secret)}
            practice={practice}
            history={history}
            back={ownPracticesPath(practice.organisationKey)}
          />
        );
        return sendPage(reply, page);
      },
    );

    app.post<{ Params: OrgParams }>(
      '/beheer/organisaties/:organisation/goede-voorbeelden/:id',
      submitRoute,
      async (request, reply) => {
        const practice = await ownPractice(request.params);
        if (!practice) return reply.callNotFound();
        const base = ownPracticesPath(practice.organisationKey);
        if (practice.status !== 'returned') return reply.redirect(`${base}/${practice.id}`, 303);
        const values = valuesFromBody(request.body);
        const parsed = parsePracticeForm(values);
        if (!parsed.success) {
          const errors = describeIssues(parsed.error.issues, pageContext(request, reply).locale);
          const history = await reviewHistory(db, practice.id);
          return showForm(request, reply, {
            organisation: practice.organisationKey,
            practice,
            values,
            errors,
            history,
          });
        }
        const by = signedInStaff(request).person.id;
        await db.transaction((tx) => resubmitPractice(tx, practice.id, parsed.data, by));
        return reply.redirect(`${base}?opgeslagen=1`, 303);
      },
    );
  };
