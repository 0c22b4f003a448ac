import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { deliveredItemFacts } from '../applications/index.ts';
import { isoDateInAmsterdam, type Clock } from '../platform/clock.ts';
import { csrfToken, csrfTokenMatches } from '../platform/csrf.ts';
import type { Database } from '../platform/db.ts';
import { pageContext } from '../platform/page-context.ts';
import { formFields, formList } from '../platform/views/more-fields.tsx';
import { sendPage } from '../platform/views/render.ts';
import { quarterOf } from './aggregate.ts';
import { checkStep, firstOpenStep, questionnaireSteps, type Answers } from './questionnaire.ts';
import {
  QuestionnaireGonePage,
  QuestionnaireStartPage,
  QuestionnaireStepPage,
  QuestionnaireThanksPage,
} from './questionnaire-pages.tsx';
import { alreadyAnswered, deliveryHash, saveAnswers } from './questionnaire-store.ts';

type Options = { db: Database; clock: Clock; secret: string };
type QuestionnaireParams = { token: string; item: string };
const publicRoute = { config: { access: 'public' as const } };
const hidden = { schema: { hide: true } };

/**
 * The children's questionnaire, reached from the family's tracking page once a provision was delivered: no
 * account, one question per page, the answers carried in the form and stored once, without the family.
 */
export const questionnaireRoutes =
  ({ db, clock, secret }: Options): FastifyPluginAsyncZod =>
  async (app) => {
    const questionnairePath = (params: QuestionnaireParams) =>
      `/volgen/${encodeURIComponent(params.token)}/vragenlijst/${encodeURIComponent(params.item)}`;
    const formTokenFor = (params: QuestionnaireParams) =>
      csrfToken(secret, `vragenlijst:${deliveryHash(secret, params.item)}`);
    const gone = (request: FastifyRequest, reply: FastifyReply) =>
      sendPage(reply, <QuestionnaireGonePage context={pageContext(request, reply)} />, 404);

    app.get<{ Params: QuestionnaireParams }>(
      '/volgen/:token/vragenlijst/:item',
      { ...publicRoute, ...hidden },
      async (request, reply) => {
        const facts = await deliveredItemFacts(db, request.params.token, request.params.item);
        if (!facts) return gone(request, reply);
        const context = pageContext(request, reply);
        if (await alreadyAnswered(db, deliveryHash(secret, request.params.item)))
          return sendPage(
            reply,
            <QuestionnaireThanksPage
              context={context}
              back={`/volgen/${encodeURIComponent(request.params.token)}`}
            />,
          );
        const page = (
          <QuestionnaireStartPage
            context={context}
            action={questionnairePath(request.params)}
            formToken={formTokenFor(request.params)}
            category={facts.category}
          />
        );
        return sendPage(reply, page);
      },
    );

    app.post<{ Params: QuestionnaireParams }>(
      '/volgen/:token/vragenlijst/:item',
      { ...publicRoute, ...hidden },
      async (request, reply) => {
        const facts = await deliveredItemFacts(db, request.params.token, request.params.item);
        if (!facts) return gone(request, reply);
        const path = questionnairePath(request.params);
        const fields = formFields(request.body);
        if (
          !csrfTokenMatches(secret, `vragenlijst:${deliveryHash(secret, request.params.item)}`, fields._token)
        )
          return reply.redirect(path, 303);
        const answers: Answers = {
          liked: fields.liked,
          meant: formList(request.body, 'meant'),
          missing: fields.missing ?? '',
          filledInBy: fields.filledInBy,
        };
        const answered = Math.min(Math.max(Number(fields.stap) || 0, 0), questionnaireSteps.length);
        const show = (step: (typeof questionnaireSteps)[number], error: ReturnType<typeof checkStep>) =>
          sendPage(
            reply,
            <QuestionnaireStepPage
              context={pageContext(request, reply)}
              action={path}
              formToken={formTokenFor(request.params)}
              step={step}
              answers={answers}
              error={error}
            />,
            error ? 400 : 200,
          );
        const open = firstOpenStep(answers, answered);
        if (open) return show(open, answered > 0 ? checkStep(open, answers) : null);
        if (answered < questionnaireSteps.length) return show(questionnaireSteps[answered]!, null);
        const hash = deliveryHash(secret, request.params.item);
        await db.transaction((tx) =>
          saveAnswers(tx, {
            hash,
            municipalityCode: facts.municipalityCode,
            category: facts.category,
            quarter: quarterOf(isoDateInAmsterdam(clock.now())),
            answers: {
              liked: answers.liked!,
              meant: answers.meant,
              missing: answers.missing ?? '',
              filledInBy: answers.filledInBy!,
            },
          }),
        );
        return reply.redirect(path, 303);
      },
    );
  };
