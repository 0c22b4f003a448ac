import { eq } from 'drizzle-orm';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { inForce } from '../eligibility/parameters.ts';
import { lookupPostcode } from '../municipalities/index.ts';
import { isoDateInAmsterdam } from '../platform/clock.ts';
import { csrfToken, csrfTokenMatches } from '../platform/csrf.ts';
import { formatEuros } from '../platform/i18n.ts';
import { createPseudonymiser } from '../platform/processing-log/index.ts';
import { pageContext } from '../platform/page-context.ts';
import { traceIdFor } from '../platform/trace.ts';
import { sendPage } from '../platform/views/render.ts';
import {
  createDraft,
  deleteDraft,
  draftSubmissionKey,
  DRAFT_COOKIE,
  DRAFT_LIFETIME_MS,
  findDraft,
  hashDraftToken,
  newDraftToken,
  saveDraft,
  type Draft,
} from './drafts.ts';
import { familyConfirmationMail } from './family-mail.ts';
import { loadOffers, selectableKeys, stillChosen } from './family-offer.ts';
import { ConfirmationPage, FamilyIntroPage, FORM_TOKEN_FIELD, ReviewPage } from './family-pages.tsx';
import { FamilyQuestion } from './family-questions.tsx';
import { familySubmission } from './family-send.ts';
import {
  applyFamilyAnswer,
  familyAnswersSchema,
  firstOpenStep,
  formFields,
  isFamilyStep,
  mayShow,
  nextStepAfter,
  type FamilyAnswers,
  type FamilyStep,
  type QuestionStep,
  type StepView,
} from './family-steps.ts';
import type { ApplicationOptions } from './options.ts';
import { applications } from './schema.ts';
import { submitApplication } from './submit.ts';
import { trackingToken } from './tokens.ts';
import { trackingRoutes } from './tracking-routes.tsx';

/** After sending, the cookie only still shows the confirmation, and only for this long. */
const CONFIRMATION_SECONDS = 3600;

type OpenDraft = { draft: Draft; answers: FamilyAnswers; formToken: string };

/** Applying without an account (/aanvragen) and following an application (/volgen): public pages. */
export const familyApplicationRoutes =
  (options: ApplicationOptions): FastifyPluginAsync =>
  async (app) => {
    await app.register(familyApplyRoutes(options));
    await app.register(trackingRoutes(options));
  };

const familyApplyRoutes =
  (options: ApplicationOptions): FastifyPluginAsync =>
  async (app) => {
    const { db, clock, secret, parameters, publicBaseUrl } = options;
    const today = () => isoDateInAmsterdam(clock.now());
    const pseudonymiser = createPseudonymiser(secret);
    const draftRecord = (request: FastifyRequest) => ({
      actor: { personId: null, role: 'family', organisation: null },
      traceId: traceIdFor(request.headers),
      pseudonymiser,
    });
    // The page forms' token is bound to the draft, as a staff form's is to the session.
    const formTokenFor = (tokenHash: string) => csrfToken(secret, `aanvraag:${tokenHash}`);

    function setDraftCookie(reply: FastifyReply, token: string, maxAgeSeconds: number) {
      reply.setCookie(DRAFT_COOKIE, token, {
        path: '/aanvragen',
        httpOnly: true,
        sameSite: 'lax',
        secure: options.secureCookies,
        maxAge: maxAgeSeconds,
      });
    }

    function cookieHash(request: FastifyRequest): string | null {
      const token = request.cookies[DRAFT_COOKIE];
      return typeof token === 'string' && token !== '' ? hashDraftToken(token) : null;
    }

    async function openDraft(request: FastifyRequest): Promise<OpenDraft | null> {
      const tokenHash = cookieHash(request);
      if (!tokenHash) return null;
      const draft = await findDraft(db, tokenHash, clock.now());
      if (!draft) return null;
      const parsed = familyAnswersSchema.safeParse(draft.answers);
      // A draft saved by an older version that no longer fits starts again rather than failing.
      return { draft, answers: parsed.success ? parsed.data : {}, formToken: formTokenFor(tokenHash) };
    }

    const stepHref = (step: FamilyStep) => `/aanvragen/${step}`;
    const lostDraft = (request: FastifyRequest) =>
      cookieHash(request) ? '/aanvragen?verlopen=1' : '/aanvragen';

    function assetLimit(locale: 'nl' | 'en'): string {
      const limits = inForce(parameters.assetLimits, today()) ?? parameters.assetLimits[0];
      return limits ? formatEuros(limits.cents.singleParentOrCouple, locale) : '';
    }

    async function renderStep(
      request: FastifyRequest,
      reply: FastifyReply,
      step: QuestionStep,
      open: OpenDraft,
      view: StepView = {},
    ) {
      const context = pageContext(request, reply);
      const offers =
        step === 'voorzieningen'
          ? await loadOffers(db, parameters, open.answers, today(), context.locale)
          : null;
      reply.header('cache-control', 'no-store');
      const status = view.formExpired || (view.errors ?? []).length > 0 ? 400 : 200;
      return sendPage(
        reply,
        <FamilyQuestion
          context={context}
          step={step}
          answers={open.answers}
          view={view}
          formToken={open.formToken}
          offers={offers}
          assetLimit={assetLimit(context.locale)}
        />,
        status,
      );
    }

    /** The check page, or the step to go back to when the chosen provisions no longer fit the answers. */
    async function renderReview(
      request: FastifyRequest,
      reply: FastifyReply,
      open: OpenDraft,
      formExpired = false,
    ) {
      const context = pageContext(request, reply);
      const offers = await loadOffers(db, parameters, open.answers, today(), context.locale);
      const chosen = offers ? stillChosen(open.answers, offers) : [];
      if (!chosen.some((options) => options.length > 0)) {
        await saveDraft(
          db,
          open.draft.id,
          { answers: { ...open.answers, choices: undefined }, step: 'voorzieningen' },
          clock.now(),
          draftRecord(request),
        );
        return reply.redirect(stepHref('voorzieningen'), 303);
      }
      reply.header('cache-control', 'no-store');
      return sendPage(
        reply,
        <ReviewPage
          context={context}
          answers={open.answers}
          chosen={chosen}
          formToken={open.formToken}
          formExpired={formExpired}
        />,
        formExpired ? 400 : 200,
      );
    }

    app.get<{ Querystring: { verlopen?: string } }>(
      '/aanvragen',
      { schema: { hide: true } },
      async (request, reply) => {
        const open = await openDraft(request);
        if (open) {
          // A new visit resumes where the family was.
          const step =
            isFamilyStep(open.draft.step) && mayShow(open.draft.step, open.answers, today())
              ? open.draft.step
              : firstOpenStep(open.answers, today());
          return reply.redirect(stepHref(step), 303);
        }
        reply.header('cache-control', 'no-store');
        const context = pageContext(request, reply);
        return sendPage(
          reply,
          <FamilyIntroPage context={context} expired={request.query.verlopen === '1'} />,
        );
      },
    );

    // Starting needs no form token: it only creates an empty draft, and a draft already open is kept.
    app.post('/aanvragen', { schema: { hide: true } }, async (request, reply) => {
      const open = await openDraft(request);
      if (open) return reply.redirect(stepHref(firstOpenStep(open.answers, today())), 303);
      const token = newDraftToken();
      await createDraft(db, hashDraftToken(token), 'woonplaats', clock.now());
      setDraftCookie(reply, token, DRAFT_LIFETIME_MS / 1000);
      return reply.redirect(stepHref('woonplaats'), 303);
    });

    app.get('/aanvragen/bevestiging', { schema: { hide: true } }, async (request, reply) => {
      const tokenHash = cookieHash(request);
      if (!tokenHash) return reply.redirect('/aanvragen', 303);
      const [sent] = await db
        .select({
          id: applications.id,
          reference: applications.reference,
          email: applications.contactEmail,
          at: applications.submittedAt,
        })
        .from(applications)
        .where(eq(applications.submissionKey, draftSubmissionKey(secret, tokenHash)));
      if (!sent || clock.now().getTime() - sent.at.getTime() > CONFIRMATION_SECONDS * 1000)
        return reply.redirect('/aanvragen', 303);
      reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
      return sendPage(
        reply,
        <ConfirmationPage
          context={pageContext(request, reply)}
          reference={sent.reference}
          trackingUrl={`${publicBaseUrl}/volgen/${trackingToken(secret, sent.id)}`}
          mailed={sent.email !== null}
        />,
      );
    });

    app.post('/aanvragen/versturen', { schema: { hide: true } }, async (request, reply) => {
      const tokenHash = cookieHash(request);
      if (!tokenHash) return reply.redirect('/aanvragen', 303);
      const submissionKey = draftSubmissionKey(secret, tokenHash);
      const open = await openDraft(request);
      const body = formFields(request.body);
      if (!csrfTokenMatches(secret, `aanvraag:${tokenHash}`, body[FORM_TOKEN_FIELD])) {
        if (open && mayShow('controleren', open.answers, today()))
          return renderReview(request, reply, open, true);
        return reply.redirect(open ? stepHref(firstOpenStep(open.answers, today())) : '/aanvragen', 303);
      }
      if (!open) {
        // Sent already (a double click, a resend after a lost answer): show what the first one made.
        const [sent] = await db
          .select({ id: applications.id })
          .from(applications)
          .where(eq(applications.submissionKey, submissionKey));
        return reply.redirect(sent ? '/aanvragen/bevestiging' : '/aanvragen?verlopen=1', 303);
      }
      const { locale } = pageContext(request, reply);
      const offers = await loadOffers(db, parameters, open.answers, today(), locale);
      const built = familySubmission(open.answers, offers ? stillChosen(open.answers, offers) : [], {
        submissionKey,
        childKeySecret: options.childKeySecret,
        today: today(),
      });
      if ('open' in built) return reply.redirect(stepHref(built.open), 303);
      await submitApplication(built.submission, {
        db,
        clock,
        secret,
        pseudonymiser,
        actor: { personId: null, role: 'family', organisation: null },
        traceId: traceIdFor(request.headers),
        alsoInTransaction: (tx) => deleteDraft(tx, tokenHash),
        confirmation: ({ reference, trackingToken: token, locale: mailLocale }) =>
          familyConfirmationMail({
            locale: mailLocale,
            reference,
            trackingUrl: `${publicBaseUrl}/volgen/${token}`,
          }),
      });
      setDraftCookie(reply, request.cookies[DRAFT_COOKIE]!, CONFIRMATION_SECONDS);
      return reply.redirect('/aanvragen/bevestiging', 303);
    });

    app.get<{ Params: { step: string } }>(
      '/aanvragen/:step',
      { schema: { hide: true } },
      async (request, reply) => {
        const { step } = request.params;
        if (!isFamilyStep(step)) return reply.callNotFound();
        const open = await openDraft(request);
        if (!open) return reply.redirect(lostDraft(request), 303);
        // A later step needs the earlier answers; send the family to the first one still open.
        if (!mayShow(step, open.answers, today()))
          return reply.redirect(stepHref(firstOpenStep(open.answers, today())), 303);
        if (step === 'controleren') return renderReview(request, reply, open);
        return renderStep(request, reply, step, open);
      },
    );

    app.post<{ Params: { step: string } }>(
      '/aanvragen/:step',
      { schema: { hide: true } },
      async (request, reply) => {
        const { step } = request.params;
        if (!isFamilyStep(step) || step === 'controleren') return reply.callNotFound();
        const open = await openDraft(request);
        if (!open) return reply.redirect(lostDraft(request), 303);
        const body = formFields(request.body);
        if (!csrfTokenMatches(secret, `aanvraag:${open.draft.tokenHash}`, body[FORM_TOKEN_FIELD]))
          return renderStep(request, reply, step, open, { values: body, formExpired: true });
        if (!mayShow(step, open.answers, today()))
          return reply.redirect(stepHref(firstOpenStep(open.answers, today())), 303);
        const { locale } = pageContext(request, reply);
        const result = await applyFamilyAnswer(step, body, open.answers, {
          today: today(),
          locale,
          findPostcode: (postcode) => lookupPostcode(db, postcode),
          selectable: async () => {
            const offers = await loadOffers(db, parameters, open.answers, today(), locale);
            return offers ? selectableKeys(offers) : [];
          },
        });
        if (!('answers' in result)) return renderStep(request, reply, step, open, result);
        const next = result.stay ? step : nextStepAfter(step, result.answers, today());
        await saveDraft(
          db,
          open.draft.id,
          { answers: result.answers, step: next },
          clock.now(),
          draftRecord(request),
        );
        return reply.redirect(stepHref(next), 303);
      },
    );
  };
