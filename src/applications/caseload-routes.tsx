import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { signedInStaff } from '../identity/index.ts';
import type { Transaction } from '../platform/db.ts';
import { createPseudonymiser } from '../platform/processing-log/index.ts';
import type { FieldError } from '../platform/validation.ts';
import { sendPage } from '../platform/views/render.ts';
import {
  formBody,
  intermediaryActor,
  intermediaryRoute,
  pageBase,
  UUID,
  type OrganisationParams,
} from './caseload-access.ts';
import { caseloadMessages } from './caseload-messages.ts';
import { ApplicationPage, CaseloadPage, type DetailNotice } from './caseload-pages.tsx';
import { applicationPath } from './caseload-paths.ts';
import { confirmParticipation, lockOwnItem, readApplicationDetail, readCaseload } from './caseload-store.ts';
import { single } from './intermediary-draft.ts';
import { intermediaryRoutes } from './intermediary-routes.tsx';
import { openStaffDrafts } from './intermediary-store.ts';
import type { ApplicationOptions } from './options.ts';
import { moveItem } from './transition.ts';

type ApplicationParams = OrganisationParams & { application: string };
type ItemParams = ApplicationParams & { item: string };
type Notice = { Querystring: { melding?: string } };

const notices: Record<string, DetailNotice> = {
  verzonden: 'sent',
  beantwoord: 'answered',
  ingetrokken: 'withdrawn',
  bevestigd: 'confirmed',
};
const MAX_ANSWER = 2000;

/**
 * The intermediary's caseload: the applications this person made for their organisation, each one's
 * history, answering a handler's question, withdrawing, and confirming that a child takes part. Another
 * person's application is "not found", also for a colleague in the same organisation.
 */
export const caseloadRoutes =
  (options: ApplicationOptions): FastifyPluginAsync =>
  async (app) => {
    const { db, clock, secret, publicBaseUrl } = options;
    const pseudonymiser = createPseudonymiser(secret);
    await app.register(intermediaryRoutes(options));

    app.get<{ Params: OrganisationParams } & Notice>(
      '/beheer/organisaties/:organisation/caseload',
      intermediaryRoute,
      async (request, reply) => {
        const base = await pageBase(db, secret, request, reply);
        if (!base) return reply.callNotFound();
        const actor = intermediaryActor(request, pseudonymiser);
        const applications = await db.transaction((tx) => readCaseload(tx, actor));
        const drafts = await openStaffDrafts(db, actor.personId, actor.organisation, clock.now());
        reply.header('cache-control', 'no-store');
        return sendPage(
          reply,
          <CaseloadPage
            {...base}
            applications={applications}
            drafts={drafts}
            draftGone={request.query.melding === 'concept-weg'}
          />,
        );
      },
    );

    /** The application page, read and logged afresh; "not found" when it is not this person's. */
    async function showApplication(
      request: FastifyRequest<{ Params: ApplicationParams }>,
      reply: FastifyReply,
      view: {
        notice?: DetailNotice | null;
        errors?: FieldError[];
        values?: Record<string, string>;
        status?: number;
      },
    ) {
      if (!UUID.test(request.params.application)) return reply.callNotFound();
      const base = await pageBase(db, secret, request, reply);
      if (!base) return reply.callNotFound();
      const actor = intermediaryActor(request, pseudonymiser);
      const application = await db.transaction((tx) =>
        readApplicationDetail(tx, actor, request.params.application),
      );
      if (!application) return reply.callNotFound();
      reply.header('cache-control', 'no-store');
      return sendPage(
        reply,
        <ApplicationPage
          {...base}
          application={application}
          notice={view.notice ?? null}
          errors={view.errors ?? []}
          values={view.values ?? {}}
        />,
        view.status ?? 200,
      );
    }

    app.get<{ Params: ApplicationParams } & Notice>(
      '/beheer/organisaties/:organisation/caseload/aanvragen/:application',
      intermediaryRoute,
      async (request, reply) =>
        showApplication(request, reply, { notice: notices[request.query.melding ?? ''] ?? null }),
    );

    const localeOf = async (request: FastifyRequest<{ Params: ItemParams }>, reply: FastifyReply) =>
      (await pageBase(db, secret, request, reply))?.context.locale ?? 'nl';

    /** One change to one item of this person's application, in one transaction with its log and mail. */
    async function onOwnItem<T>(
      request: FastifyRequest<{ Params: ItemParams }>,
      change: (tx: Transaction, item: NonNullable<Awaited<ReturnType<typeof lockOwnItem>>>) => Promise<T>,
    ): Promise<T | 'not-found'> {
      const { application, item } = request.params;
      if (!UUID.test(application) || !UUID.test(item)) return 'not-found';
      const actor = intermediaryActor(request, pseudonymiser);
      return db.transaction(async (tx) => {
        const locked = await lockOwnItem(tx, actor, application, item);
        if (!locked || locked.erasedAt) return 'not-found' as const;
        return change(tx, locked);
      });
    }

    const moveAs = (request: FastifyRequest<{ Params: ItemParams }>) => ({
      kind: 'family' as const,
      personId: signedInStaff(request).person.id,
      role: 'intermediary',
      organisation: request.params.organisation,
    });

    const done = (request: FastifyRequest<{ Params: ItemParams }>, reply: FastifyReply, melding: string) =>
      reply.redirect(
        `${applicationPath(request.params.organisation, request.params.application)}?melding=${melding}`,
        303,
      );

    const itemError = (itemId: string, message: string): FieldError => ({
      field: `item-${itemId}`,
      code: 'item_conflict',
      message,
    });

    /** The family's side of a move, made by its intermediary on an item of their own application. */
    async function moveOwnItem(
      request: FastifyRequest<{ Params: ItemParams }>,
      reply: FastifyReply,
      move: { to: 'information_answered' | 'withdrawn'; text?: string; notice: string },
    ) {
      const text = caseloadMessages[await localeOf(request, reply)];
      const result = await onOwnItem(request, async (tx) => {
        const moved = await moveItem(
          tx,
          {
            itemId: request.params.item,
            to: move.to,
            actor: moveAs(request),
            text: move.text ?? null,
            now: clock.now(),
            traceId: intermediaryActor(request, pseudonymiser).traceId,
          },
          { secret, publicBaseUrl, pseudonymiser },
        );
        return moved.ok ? 'moved' : 'not-allowed';
      });
      if (result === 'not-found') return reply.callNotFound();
      if (result === 'not-allowed')
        return showApplication(request, reply, {
          errors: [itemError(request.params.item, text.notAllowed)],
          status: 409,
        });
      return done(request, reply, move.notice);
    }

    app.post<{ Params: ItemParams }>(
      '/beheer/organisaties/:organisation/caseload/aanvragen/:application/onderdelen/:item/antwoord',
      intermediaryRoute,
      async (request, reply) => {
        const locale = await localeOf(request, reply);
        const text = caseloadMessages[locale];
        const answer = single(formBody(request.body), 'answer');
        const field = `answer-${request.params.item}`;
        if (answer === '' || answer.length > MAX_ANSWER) {
          const message = answer === '' ? text.answerRequired : text.answerTooLong;
          return showApplication(request, reply, {
            errors: [{ field, code: answer === '' ? 'answer_required' : 'answer_too_long', message }],
            values: { [field]: answer },
            status: 400,
          });
        }
        return moveOwnItem(request, reply, {
          to: 'information_answered',
          text: answer,
          notice: 'beantwoord',
        });
      },
    );

    app.post<{ Params: ItemParams }>(
      '/beheer/organisaties/:organisation/caseload/aanvragen/:application/onderdelen/:item/intrekken',
      intermediaryRoute,
      async (request, reply) => {
        return moveOwnItem(request, reply, { to: 'withdrawn', notice: 'ingetrokken' });
      },
    );

    app.post<{ Params: ItemParams }>(
      '/beheer/organisaties/:organisation/caseload/aanvragen/:application/onderdelen/:item/deelname',
      intermediaryRoute,
      async (request, reply) => {
        const text = caseloadMessages[await localeOf(request, reply)];
        const actor = intermediaryActor(request, pseudonymiser);
        const result = await onOwnItem(request, (tx, item) =>
          confirmParticipation(tx, actor, { id: request.params.item, ...item }, clock.now()),
        );
        if (result === 'not-found') return reply.callNotFound();
        if (result !== 'confirmed')
          return showApplication(request, reply, {
            errors: [
              itemError(
                request.params.item,
                result === 'not-delivered' ? text.notDelivered : text.alreadyConfirmed,
              ),
            ],
            status: 409,
          });
        return done(request, reply, 'bevestigd');
      },
    );
  };
