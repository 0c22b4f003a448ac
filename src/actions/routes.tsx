import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { signedInStaff } from '../identity/index.ts';
import { isoDateInAmsterdam, type Clock } from '../platform/clock.ts';
import { csrfToken } from '../platform/csrf.ts';
import type { Database } from '../platform/db.ts';
import { pageContext } from '../platform/page-context.ts';
import { defineProblem, ProblemError } from '../platform/problems.ts';
import { describeIssues, type FieldError } from '../platform/validation.ts';
import { formFields } from '../platform/views/more-fields.tsx';
import { sendPage } from '../platform/views/render.ts';
import { ActionListPage, ActionPage, actionsPath, staffActionsPath } from './pages.tsx';
import { StaffActionListPage, StaffActionPage } from './staff-pages.tsx';
import { statusUpdateSchema } from './status-form.ts';
import { addStatusUpdate, findAction, listActions, type TrackedAction } from './store.ts';

const actionNotFound = defineProblem({
  code: 'action-not-found',
  status: 404,
  title: { nl: 'Deze actie bestaat niet', en: 'This action does not exist' },
});

const statusResource = z.object({
  reportedOn: z.string(),
  statusText: z.string(),
  whenText: z.string(),
  startQuarter: z.string().nullable(),
  endQuarter: z.string().nullable(),
  source: z.string(),
});
const actionResource = z.object({
  key: z.string(),
  ambition: z.number(),
  title: z.string(),
  leadOrganisation: z.string().nullable(),
  motion: z.string().nullable(),
  current: statusResource.nullable(),
  history: z.array(statusResource),
});

function present(action: TrackedAction): z.infer<typeof actionResource> {
  const history = action.updates.map(({ id: _id, ...update }) => update);
  return {
    key: action.key,
    ambition: action.ambition,
    title: action.title,
    leadOrganisation: action.leadOrganisation,
    motion: action.motion,
    current: history[0] ?? null,
    history,
  };
}

const publicRoute = { config: { access: 'public' as const } };
const editRoute = { schema: { hide: true }, config: { access: { action: 'actions.edit' as const } } };
const keyParams = z.object({ key: z.string().max(40) });

/** The public action tracker (pages and API) and the analysts' page to add a status. */
export const actionRoutes =
  ({ db, clock, secret }: { db: Database; clock: Clock; secret: string }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/actions',
      {
        ...publicRoute,
        schema: {
          tags: ['actions'],
          summary: 'The actions of the programme against child poverty, per ambition, with their history',
          response: { 200: z.object({ data: z.array(actionResource) }) },
        },
      },
      async () => ({ data: (await listActions(db)).map(present) }),
    );

    app.get(
      '/api/v1/actions/:key',
      {
        ...publicRoute,
        schema: {
          tags: ['actions'],
          summary: 'One action with every status reported, newest first',
          params: keyParams,
          response: { 200: z.object({ data: actionResource }) },
        },
      },
      async (request) => {
        const action = await findAction(db, request.params.key);
        if (!action)
          throw new ProblemError(actionNotFound, {
            nl: `Er is geen actie ${request.params.key}.`,
            en: `There is no action ${request.params.key}.`,
          });
        return { data: present(action) };
      },
    );

    app.get(actionsPath, { ...publicRoute, schema: { hide: true } }, async (request, reply) =>
      sendPage(
        reply,
        <ActionListPage context={pageContext(request, reply)} actions={await listActions(db)} />,
      ),
    );

    app.get<{ Params: { key: string } }>(
      `${actionsPath}/:key`,
      { ...publicRoute, schema: { hide: true } },
      async (request, reply) => {
        const action = await findAction(db, request.params.key);
        if (!action) return reply.callNotFound();
        return sendPage(reply, <ActionPage context={pageContext(request, reply)} action={action} />);
      },
    );

    app.get(staffActionsPath, editRoute, async (request, reply) => {
      const session = signedInStaff(request);
      const page = (
        <StaffActionListPage
          context={pageContext(request, reply)}
          session={session}
          csrf={csrfToken(secret, session.idHash)}
          actions={await listActions(db)}
        />
      );
      return sendPage(reply, page);
    });

    const showStaffAction = (
      request: FastifyRequest,
      reply: FastifyReply,
      view: { action: TrackedAction; fields: Record<string, string>; errors: FieldError[]; saved: boolean },
    ) => {
      const session = signedInStaff(request);
      const page = (
        <StaffActionPage
          context={pageContext(request, reply)}
          session={session}
          csrf={csrfToken(secret, session.idHash)}
          {...view}
        />
      );
      return sendPage(reply, page, view.errors.length > 0 ? 400 : 200);
    };

    app.get<{ Params: { key: string }; Querystring: { opgeslagen?: string } }>(
      `${staffActionsPath}/:key`,
      editRoute,
      async (request, reply) => {
        const action = await findAction(db, request.params.key);
        if (!action) return reply.callNotFound();
        const current = action.updates[0];
        const fields = { whenText: current?.whenText ?? '', reportedOn: isoDateInAmsterdam(clock.now()) };
        const saved = request.query.opgeslagen === '1';
        return showStaffAction(request, reply, { action, fields, errors: [], saved });
      },
    );

    app.post<{ Params: { key: string } }>(`${staffActionsPath}/:key`, editRoute, async (request, reply) => {
      const action = await findAction(db, request.params.key);
      if (!action) return reply.callNotFound();
      const { locale } = pageContext(request, reply);
      const fields = formFields(request.body);
      const parsed = statusUpdateSchema(isoDateInAmsterdam(clock.now())).safeParse(fields);
      if (!parsed.success)
        return showStaffAction(request, reply, {
          action,
          fields,
          errors: describeIssues(parsed.error.issues, locale),
          saved: false,
        });
      const recordedBy = signedInStaff(request).person.id;
      await db.transaction((tx) =>
        addStatusUpdate(tx, { ...parsed.data, actionKey: action.key, recordedBy }),
      );
      return reply.redirect(`${staffActionsPath}/${action.key}?opgeslagen=1`, 303);
    });
  };
