import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { csrfToken, csrfTokenMatches } from '../platform/csrf.ts';
import { createPseudonymiser } from '../platform/processing-log/index.ts';
import { pageContext } from '../platform/page-context.ts';
import { traceIdFor } from '../platform/trace.ts';
import { sendPage } from '../platform/views/render.ts';
import { FORM_TOKEN_FIELD } from './family-pages.tsx';
import { formFields, single } from './family-steps.ts';
import type { ApplicationOptions } from './options.ts';
import type { ItemStatus } from './status.ts';
import { hashTrackingToken } from './tokens.ts';
import {
  ConfirmWithdrawPage,
  MAX_ANSWER,
  TrackingNotFoundPage,
  TrackingPage,
  trackingMessages,
  type TrackingView,
} from './tracking-pages.tsx';
import { findTrackedApplicationId, itemOfApplication, readTrackedApplication } from './tracking-store.ts';
import { moveItem } from './transition.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Params = { Params: { token: string } };

/**
 * The tracking page: the link's token is the only key, so the page is never cached, never sent on as a
 * referrer, and an unknown token looks the same as an erased one.
 */
export const trackingRoutes =
  (options: ApplicationOptions): FastifyPluginAsync =>
  async (app) => {
    const { db, clock, secret, publicBaseUrl } = options;
    const pseudonymiser = createPseudonymiser(secret);
    const formTokenFor = (tokenHash: string) => csrfToken(secret, `volgen:${tokenHash}`);
    const pathOf = (token: string) => `/volgen/${encodeURIComponent(token)}`;
    const family = { kind: 'family' as const, personId: null, role: 'family', organisation: null };

    function privateHeaders(reply: FastifyReply) {
      reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
    }

    function notFound(request: FastifyRequest, reply: FastifyReply) {
      return sendPage(reply, <TrackingNotFoundPage context={pageContext(request, reply)} />, 404);
    }

    async function render(
      request: FastifyRequest<Params>,
      reply: FastifyReply,
      view: TrackingView = {},
      status = 200,
    ) {
      privateHeaders(reply);
      const tokenHash = hashTrackingToken(request.params.token);
      const traceId = traceIdFor(request.headers);
      const application = await db.transaction((tx) =>
        readTrackedApplication(tx, tokenHash, { pseudonymiser, traceId }),
      );
      if (!application) return notFound(request, reply);
      return sendPage(
        reply,
        <TrackingPage
          context={pageContext(request, reply)}
          application={application}
          path={pathOf(request.params.token)}
          formToken={formTokenFor(tokenHash)}
          view={view}
        />,
        status,
      );
    }

    /** A family's change of one item: checked to belong to this link's application, then moved. */
    async function move(
      request: FastifyRequest<Params>,
      itemId: string,
      to: ItemStatus,
      text: string | null,
    ) {
      const tokenHash = hashTrackingToken(request.params.token);
      return db.transaction(async (tx) => {
        const applicationId = await findTrackedApplicationId(tx, tokenHash);
        if (!applicationId) return 'not-found' as const;
        if (!(await itemOfApplication(tx, applicationId, itemId))) return 'not-allowed' as const;
        const moved = await moveItem(
          tx,
          { itemId, to, actor: family, text, now: clock.now(), traceId: traceIdFor(request.headers) },
          { secret, publicBaseUrl, pseudonymiser },
        );
        return moved.ok ? ('moved' as const) : ('not-allowed' as const);
      });
    }

    app.get<Params>('/volgen/:token', { schema: { hide: true } }, (request, reply) => render(request, reply));

    app.post<Params>('/volgen/:token/antwoord', { schema: { hide: true } }, async (request, reply) => {
      const body = formFields(request.body);
      const text = trackingMessages[pageContext(request, reply).locale];
      const tokenHash = hashTrackingToken(request.params.token);
      if (!csrfTokenMatches(secret, `volgen:${tokenHash}`, body[FORM_TOKEN_FIELD]))
        return render(request, reply, { notice: text.formExpired }, 400);
      const itemId = single(body, 'item');
      if (!UUID.test(itemId)) return render(request, reply, { notice: text.notAllowed }, 409);
      const answer = single(body, 'antwoord');
      const field = `antwoord-${itemId}`;
      if (answer === '' || answer.length > MAX_ANSWER) {
        const message = answer === '' ? text.answerRequired : text.answerTooLong(MAX_ANSWER);
        const errors = [{ field, code: answer === '' ? 'required' : 'too_long', message }];
        return render(request, reply, { errors, values: { [field]: answer } }, 400);
      }
      const result = await move(request, itemId, 'information_answered', answer);
      if (result === 'not-found') return render(request, reply);
      if (result === 'not-allowed') return render(request, reply, { notice: text.notAllowed }, 409);
      privateHeaders(reply);
      return reply.redirect(pathOf(request.params.token), 303);
    });

    app.post<Params>('/volgen/:token/intrekken', { schema: { hide: true } }, async (request, reply) => {
      const body = formFields(request.body);
      const context = pageContext(request, reply);
      const text = trackingMessages[context.locale];
      const tokenHash = hashTrackingToken(request.params.token);
      if (!csrfTokenMatches(secret, `volgen:${tokenHash}`, body[FORM_TOKEN_FIELD]))
        return render(request, reply, { notice: text.formExpired }, 400);
      const itemId = single(body, 'item');
      if (!UUID.test(itemId)) return render(request, reply, { notice: text.notAllowed }, 409);
      if (single(body, 'zeker') !== 'ja') {
        // Asking once more reads only the provision's name, nothing about the family.
        const item = await db.transaction(async (tx) => {
          const applicationId = await findTrackedApplicationId(tx, tokenHash);
          return applicationId ? itemOfApplication(tx, applicationId, itemId) : null;
        });
        if (!item) return render(request, reply, { notice: text.notAllowed }, 409);
        privateHeaders(reply);
        return sendPage(
          reply,
          <ConfirmWithdrawPage
            context={context}
            provision={context.locale === 'en' ? item.nameEn : item.nameNl}
            path={pathOf(request.params.token)}
            formToken={formTokenFor(tokenHash)}
            itemId={itemId}
          />,
        );
      }
      const result = await move(request, itemId, 'withdrawn', null);
      if (result === 'not-found') return render(request, reply);
      if (result === 'not-allowed') return render(request, reply, { notice: text.notAllowed }, 409);
      privateHeaders(reply);
      return reply.redirect(pathOf(request.params.token), 303);
    });
  };
