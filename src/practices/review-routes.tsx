import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { signedInStaff } from '../identity/index.ts';
import { pageContext } from '../platform/page-context.ts';
import { type FieldError } from '../platform/validation.ts';
import { formFields } from '../platform/views/more-fields.tsx';
import { sendPage } from '../platform/views/render.ts';
import { practiceMessages } from './messages.ts';
import { findPractice, movePractice, practicesToReview, reviewHistory, type Practice } from './store.ts';
import { ReviewPage, reviewPath, ReviewQueuePage } from './staff-pages.tsx';
import { allowedMoves, checkMove, practiceStatuses, type PracticeStatus } from './workflow.ts';

import { organisationNames, reviewRoute, staffPageBase, type Options } from './shared-routes.ts';

/** The review by national analysts, along the table of allowed moves. */
export const reviewRoutes =
  ({ db, secret }: Options): FastifyPluginAsyncZod =>
  async (app) => {
    // The review, by national analysts.
    app.get<{ Querystring: { opgeslagen?: string } }>(reviewPath, reviewRoute, async (request, reply) => {
      const practices = await practicesToReview(db);
      const page = (
        <ReviewQueuePage
          {...staffPageBase(request, reply, secret)}
          practices={practices}
          names={await organisationNames(
            db,
            practices.map((p) => p.organisationKey),
          )}
          saved={request.query.opgeslagen === '1'}
        />
      );
      return sendPage(reply, page);
    });

    const showReview = async (
      request: FastifyRequest,
      reply: FastifyReply,
      practice: Practice,
      view: { fields: Record<string, string>; errors: FieldError[]; notice: string | null },
    ) => {
      const page = (
        <ReviewPage
          {...staffPageBase(request, reply, secret)}
          practice={practice}
          history={await reviewHistory(db, practice.id)}
          moves={allowedMoves(practice.status, 'reviewer')}
          {...view}
        />
      );
      return sendPage(reply, page, view.errors.length > 0 ? 400 : view.notice ? 409 : 200);
    };

    app.get<{ Params: { id: string } }>(`${reviewPath}/:id`, reviewRoute, async (request, reply) => {
      const practice = await findPractice(db, request.params.id);
      if (!practice) return reply.callNotFound();
      return showReview(request, reply, practice, { fields: {}, errors: [], notice: null });
    });

    app.post<{ Params: { id: string } }>(`${reviewPath}/:id`, reviewRoute, async (request, reply) => {
      const practice = await findPractice(db, request.params.id);
      if (!practice) return reply.callNotFound();
      const { locale } = pageContext(request, reply);
      const text = practiceMessages[locale];
      const fields = formFields(request.body);
      const isStatus = (v: string | undefined): v is PracticeStatus =>
        practiceStatuses.includes(v as PracticeStatus);
      const from = isStatus(fields.from) ? fields.from : practice.status;
      if (from !== practice.status)
        return showReview(request, reply, practice, { fields: {}, errors: [], notice: text.conflict });
      const comment = (fields.comment ?? '').trim().slice(0, 5000) || null;
      const to = isStatus(fields.to) ? fields.to : null;
      const check = to
        ? checkMove(from, to, 'reviewer', comment)
        : ({ ok: false, reason: 'not_allowed' } as const);
      if (!check.ok) {
        const error =
          check.reason === 'comment_required'
            ? { field: 'comment', code: 'practice_comment_required', message: text.commentRequired }
            : { field: 'to', code: 'practice_decision', message: text.chooseDecision };
        return showReview(request, reply, practice, { fields, errors: [error], notice: null });
      }
      const by = signedInStaff(request).person.id;
      const moved = await db.transaction((tx) =>
        movePractice(tx, { id: practice.id, from, to: to!, comment, by }),
      );
      if (!moved) {
        const now = (await findPractice(db, practice.id))!;
        return showReview(request, reply, now, { fields: {}, errors: [], notice: text.conflict });
      }
      return reply.redirect(`${reviewPath}?opgeslagen=1`, 303);
    });
  };
