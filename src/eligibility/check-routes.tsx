import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { lookupPostcode } from '../municipalities/index.ts';
import type { Queryable } from '../platform/db.ts';
import { formatEuros } from '../platform/i18n.ts';
import { isoDateInAmsterdam, type Clock } from '../platform/clock.ts';
import { pageContext } from '../platform/page-context.ts';
import { createSealer } from '../platform/sealed-state.ts';
import type { PageContext } from '../platform/views/layout.tsx';
import { sendPage } from '../platform/views/render.ts';
import {
  answersSchema,
  firstOpenStep,
  nextStepAfter,
  steps,
  toCheckRequest,
  type Answers,
  type Step,
} from './check-answers.ts';
import { checkHref, CheckIntroPage, CheckResultPage } from './check-pages.tsx';
import { StepQuestion } from './check-questions.tsx';
import { applyAnswer, textFields, type StepView } from './check-step.ts';
import { inForce, type ReferenceParameters } from './parameters.ts';
import { runCheck } from './run-check.ts';

// Long enough to fill in the check and read the outcome; short, because whoever opens the address from
// the browser history of a shared computer within this time sees the answers.
const TOKEN_LIFETIME_SECONDS = 2 * 3600;

const isStep = (value: string): value is Step => (steps as readonly string[]).includes(value);

export const checkPageRoutes =
  (db: Queryable, parameters: ReferenceParameters, clock: Clock, secret: string): FastifyPluginAsync =>
  async (app) => {
    // Answers live only in this sealed token (at most a day): nothing about the family is stored.
    const sealer = createSealer(secret, 'self-check', TOKEN_LIFETIME_SECONDS);
    const today = () => isoDateInAmsterdam(clock.now());

    function openAnswers(token: unknown): Answers | null {
      if (typeof token !== 'string' || token === '') return {};
      const parsed = answersSchema.safeParse(sealer.open(token));
      return parsed.success ? parsed.data : null;
    }

    function assetLimitText(context: PageContext): string {
      const limits = inForce(parameters.assetLimits, today()) ?? parameters.assetLimits[0];
      return limits ? formatEuros(limits.cents.singleParentOrCouple, context.locale) : '';
    }

    function renderStep(
      request: FastifyRequest,
      reply: FastifyReply,
      step: Step,
      answers: Answers,
      token: string | null,
      view: StepView = {},
    ) {
      const context = pageContext(request, reply);
      const question = (
        <StepQuestion
          context={context}
          step={step}
          answers={answers}
          token={token}
          view={view}
          assetLimit={assetLimitText(context)}
        />
      );
      return sendPage(reply, question, (view.errors ?? []).length > 0 ? 400 : 200);
    }

    app.get('/check', { schema: { hide: true } }, (request, reply) => {
      const expired = (request.query as { verlopen?: string }).verlopen === '1';
      return sendPage(reply, <CheckIntroPage context={pageContext(request, reply)} expired={expired} />);
    });

    app.get<{ Params: { step: string }; Querystring: { s?: string } }>(
      '/check/:step',
      { schema: { hide: true } },
      async (request, reply) => {
        const { step } = request.params;
        const token = request.query.s ?? null;
        const answers = openAnswers(token);
        if (answers === null) return reply.redirect('/check?verlopen=1', 303);
        const open = firstOpenStep(answers);
        if (step === 'uitkomst') {
          const complete = toCheckRequest(answers);
          if (!complete || !token) return reply.redirect(checkHref(open ?? 'woonplaats', token), 303);
          const context = pageContext(request, reply);
          const run = await runCheck(db, parameters, complete, today(), context.locale);
          if (run.kind === 'unknown-municipality') return reply.redirect('/check?verlopen=1', 303);
          reply.header('cache-control', 'no-store');
          return sendPage(
            reply,
            <CheckResultPage
              context={context}
              token={token}
              municipality={run.municipality.name}
              result={run.result}
            />,
          );
        }
        if (!isStep(step)) return reply.callNotFound();
        // A later question needs the earlier answers; send the family to the first one still open.
        if (open !== null && steps.indexOf(open) < steps.indexOf(step))
          return reply.redirect(checkHref(open, token), 303);
        reply.header('cache-control', 'no-store');
        return renderStep(request, reply, step, answers, token);
      },
    );

    app.post<{ Params: { step: string } }>(
      '/check/:step',
      { schema: { hide: true } },
      async (request, reply) => {
        const { step } = request.params;
        if (!isStep(step)) return reply.callNotFound();
        const body = textFields(request.body);
        const answers = openAnswers(body.s);
        if (answers === null) return reply.redirect('/check?verlopen=1', 303);
        const token = typeof body.s === 'string' && body.s !== '' ? body.s : null;
        const { locale } = pageContext(request, reply);
        const result = await applyAnswer(step, body, answers, locale, (postcode) =>
          lookupPostcode(db, postcode),
        );
        if (!('answers' in result)) return renderStep(request, reply, step, answers, token, result);
        const sealed = sealer.seal(result.answers);
        return reply.redirect(checkHref(nextStepAfter(step, result.answers), sealed), 303);
      },
    );
  };
