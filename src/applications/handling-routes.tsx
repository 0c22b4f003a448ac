import { and, eq } from 'drizzle-orm';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { findOrganisation } from '../catalogue/index.ts';
import { signedInStaff, type RouteAccess } from '../identity/index.ts';
import { isoDateInAmsterdam } from '../platform/clock.ts';
import { csrfToken } from '../platform/csrf.ts';
import type { Locale } from '../platform/i18n.ts';
import { pageContext } from '../platform/page-context.ts';
import { createPseudonymiser } from '../platform/processing-log/index.ts';
import { traceIdFor } from '../platform/trace.ts';
import type { FieldError } from '../platform/validation.ts';
import { sendPage } from '../platform/views/render.ts';
import { checkBudget } from './budget.ts';
import { earlierDeliveries, registerDelivery } from './delivery.ts';
import { expectedStatus, formFields, parseDecision, parseDelivery } from './handling-forms.ts';
import { ItemPage, type BudgetView } from './handling-item-page.tsx';
import { budgetPeriodText, handlingMessages } from './handling-messages.ts';
import { QueuePage } from './handling-pages.tsx';
import { itemPath } from './handling-paths.ts';
import { parseQueueQuery, type QueueQuery } from './handling-queue.ts';
import { lockOwnItem, readItemDetail, readQueue, type HandlerActor } from './handling-store.ts';
import type { ApplicationOptions } from './options.ts';
import { applicationItems, applications } from './schema.ts';
import { statusLabels } from './intermediary-messages.ts';
import type { ItemStatus } from './status.ts';
import { moveItem } from './transition.ts';

type OrganisationParams = { organisation: string };
type ItemParams = OrganisationParams & { item: string };

/** A handler or coordinator of the organisation in the address; anyone else gets "not found". */
const access: RouteAccess = {
  action: 'applications.handle',
  resource: (request) => ({ organisationKey: (request.params as OrganisationParams).organisation }),
};
const route = { schema: { hide: true }, config: { access } };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type View = {
  notice?: string | null;
  errors?: FieldError[];
  values?: Record<string, string>;
  status?: number;
};

/**
 * The handling organisation's side of an application: the queue, one item with what the decision needs,
 * the decisions themselves and the delivery with its budget check. Every change goes through moveItem, so
 * the history, the processing log and the family's e-mail are written with it.
 */
export const handlingRoutes =
  (options: ApplicationOptions): FastifyPluginAsync =>
  async (app) => {
    const { db, clock, secret, publicBaseUrl } = options;
    const pseudonymiser = createPseudonymiser(secret);
    const moveContext = { secret, publicBaseUrl, pseudonymiser };

    async function pageBase(request: FastifyRequest<{ Params: OrganisationParams }>, reply: FastifyReply) {
      const organisation = await findOrganisation(db, request.params.organisation);
      if (!organisation) return null;
      const session = signedInStaff(request);
      return {
        context: pageContext(request, reply),
        session,
        csrf: csrfToken(secret, session.idHash),
        organisation: { key: organisation.key, name: organisation.name },
      };
    }

    /** The processing log names the role the person acts in here; a handler who also coordinates handles. */
    function handlerActor(request: FastifyRequest<{ Params: OrganisationParams }>): HandlerActor {
      const session = signedInStaff(request);
      const organisation = request.params.organisation;
      const roles = session.memberships.filter((m) => m.organisationKey === organisation).map((m) => m.role);
      return {
        personId: session.person.id,
        role: roles.includes('handler') ? 'handler' : 'coordinator',
        organisation,
        traceId: traceIdFor(request.headers),
        pseudonymiser,
      };
    }

    app.get<{ Params: OrganisationParams; Querystring: QueueQuery }>(
      '/beheer/organisaties/:organisation/aanvragen',
      route,
      async (request, reply) => {
        const base = await pageBase(request, reply);
        if (!base) return reply.callNotFound();
        const parsed = parseQueueQuery(request.query);
        const now = clock.now();
        const queue = await readQueue(db, base.organisation.key, parsed.filter, now);
        const errors: FieldError[] = parsed.ok
          ? []
          : [
              {
                field: 'ouder-dan',
                code: 'older_than_invalid',
                message: handlingMessages[base.context.locale].olderThanError,
              },
            ];
        reply.header('cache-control', 'no-store');
        const olderThan = request.query['ouder-dan'];
        return sendPage(
          reply,
          <QueuePage
            {...base}
            queue={queue}
            filter={parsed.filter}
            olderThanText={typeof olderThan === 'string' ? olderThan : ''}
            errors={errors}
            now={now}
          />,
          parsed.ok ? 200 : 400,
        );
      },
    );

    /** The item page, read and logged afresh; "not found" when the item is not this organisation's. */
    async function showItem(
      request: FastifyRequest<{ Params: ItemParams }>,
      reply: FastifyReply,
      view: View,
    ) {
      if (!UUID.test(request.params.item)) return reply.callNotFound();
      const base = await pageBase(request, reply);
      if (!base) return reply.callNotFound();
      const actor = handlerActor(request);
      const today = isoDateInAmsterdam(clock.now());
      const found = await db.transaction(async (tx) => {
        const item = await readItemDetail(tx, actor, request.params.item);
        if (!item) return null;
        let budget: BudgetView = null;
        if (item.status === 'granted' && item.child.childKey) {
          const check = checkBudget({
            amount: item.provision.amount,
            earlier: await earlierDeliveries(tx, item.child.childKey, item.provision.key),
            deliveredOn: today,
            valueCents: 0,
          });
          budget = check.kind === 'no-budget' ? null : check;
        }
        return { item, budget };
      });
      if (!found) return reply.callNotFound();
      reply.header('cache-control', 'no-store');
      return sendPage(
        reply,
        <ItemPage
          {...base}
          item={found.item}
          budget={found.budget}
          today={today}
          notice={view.notice ?? null}
          errors={view.errors ?? []}
          values={view.values ?? {}}
        />,
        view.status ?? 200,
      );
    }

    const localeOf = (request: FastifyRequest, reply: FastifyReply): Locale =>
      pageContext(request, reply).locale;

    const conflict = (locale: Locale, current: ItemStatus | undefined): FieldError => ({
      field: 'huidige-status',
      code: 'status_conflict',
      message: handlingMessages[locale].conflict(current ? statusLabels[locale][current] : '—'),
    });

    const done = (request: FastifyRequest<{ Params: ItemParams }>, reply: FastifyReply, to: ItemStatus) =>
      reply.redirect(`${itemPath(request.params.organisation, request.params.item)}?melding=${to}`, 303);

    app.get<{ Params: ItemParams; Querystring: { melding?: string } }>(
      '/beheer/organisaties/:organisation/aanvragen/:item',
      route,
      async (request, reply) => {
        const notices = handlingMessages[localeOf(request, reply)].notices;
        const notice = notices[request.query.melding ?? ''] ?? null;
        return showItem(request, reply, { notice });
      },
    );

    app.post<{ Params: ItemParams }>(
      '/beheer/organisaties/:organisation/aanvragen/:item/besluit',
      route,
      async (request, reply) => {
        if (!UUID.test(request.params.item)) return reply.callNotFound();
        const locale = localeOf(request, reply);
        const fields = formFields(request.body);
        const parsed = parseDecision(fields, locale);
        if (parsed === null)
          return showItem(request, reply, { errors: [conflict(locale, undefined)], status: 400 });
        if (!parsed.ok)
          return showItem(request, reply, { errors: parsed.errors, values: fields, status: 400 });
        const actor = handlerActor(request);
        const expected = expectedStatus(fields);
        const result = await db.transaction(async (tx) => {
          const locked = await lockOwnItem(tx, actor.organisation, request.params.item);
          if (!locked) return { ok: false as const, reason: 'not-found' as const };
          // Decided on what the page showed: if a colleague or the family changed it since, say so.
          if (expected !== null && expected !== locked.status)
            return { ok: false as const, reason: 'not-allowed' as const, current: locked.status };
          return moveItem(
            tx,
            {
              itemId: request.params.item,
              to: parsed.decision.to,
              actor: {
                kind: 'staff',
                personId: actor.personId,
                role: actor.role,
                organisation: actor.organisation,
              },
              reasonCode: parsed.decision.reasonCode,
              text: parsed.decision.text,
              now: clock.now(),
              traceId: actor.traceId,
            },
            moveContext,
          );
        });
        if (!result.ok && result.reason === 'not-found') return reply.callNotFound();
        if (!result.ok)
          return showItem(request, reply, { errors: [conflict(locale, result.current)], status: 409 });
        return done(request, reply, parsed.decision.to);
      },
    );

    app.post<{ Params: ItemParams }>(
      '/beheer/organisaties/:organisation/aanvragen/:item/levering',
      route,
      async (request, reply) => {
        if (!UUID.test(request.params.item)) return reply.callNotFound();
        const locale = localeOf(request, reply);
        const text = handlingMessages[locale];
        const actor = handlerActor(request);
        const [own] = await db
          .select({ submittedAt: applications.submittedAt })
          .from(applicationItems)
          .innerJoin(applications, eq(applications.id, applicationItems.applicationId))
          .where(
            and(
              eq(applicationItems.id, request.params.item),
              eq(applicationItems.handlingOrganisation, actor.organisation),
            ),
          );
        if (!own) return reply.callNotFound();
        const now = clock.now();
        const fields = formFields(request.body);
        const parsed = parseDelivery(
          fields,
          { today: isoDateInAmsterdam(now), submittedOn: isoDateInAmsterdam(own.submittedAt) },
          locale,
        );
        if (!parsed.ok)
          return showItem(request, reply, { errors: parsed.errors, values: fields, status: 400 });
        const result = await db.transaction((tx) =>
          registerDelivery(
            tx,
            actor,
            { itemId: request.params.item, ...parsed.delivery, expectedStatus: expectedStatus(fields) },
            { ...moveContext, now },
          ),
        );
        if (result.ok) return done(request, reply, 'delivered');
        if (result.reason === 'not-found') return reply.callNotFound();
        if (result.reason === 'not-allowed')
          return showItem(request, reply, { errors: [conflict(locale, result.current)], status: 409 });
        const { budget } = result;
        return showItem(request, reply, {
          errors: [
            {
              field: 'value',
              code: 'over_budget',
              message: text.budgetOver(
                budget.remainingCents,
                budget.budgetCents,
                budgetPeriodText(locale, budget),
              ),
            },
          ],
          values: fields,
          status: 400,
        });
      },
    );
  };
