import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { lookupPostcode, postcodeMessages } from '../municipalities/index.ts';
import type { Queryable } from '../platform/db.ts';
import { formatEuros } from '../platform/i18n.ts';
import { isoDateInAmsterdam, type Clock } from '../platform/clock.ts';
import { pageContext } from '../platform/page-context.ts';
import { createSealer } from '../platform/sealed-state.ts';
import type { FieldError } from '../platform/validation.ts';
import { FormField, RadioQuestion } from '../platform/views/forms.tsx';
import type { PageContext } from '../platform/views/layout.tsx';
import { sendPage } from '../platform/views/render.ts';
import {
  answersSchema,
  firstOpenStep,
  nextStepAfter,
  parseChildAges,
  steps,
  toCheckRequest,
  type Answers,
  type Step,
} from './check-answers.ts';
import { checkMessages } from './check-messages.ts';
import { checkHref, CheckIntroPage, CheckResultPage, QuestionPage } from './check-pages.tsx';
import { parseEuroAmount } from './money-input.ts';
import { MAX_CENTS } from './check.ts';
import { inForce, type Parameters } from './parameters.ts';
import { runCheck } from './run-check.ts';

type Body = Record<string, string | undefined>;

// Long enough to fill in the check and read the outcome; short, because whoever opens the address from
// the browser history of a shared computer within this time sees the answers.
const TOKEN_LIFETIME_SECONDS = 2 * 3600;

/** Only single text values count as answers: a repeated or structured field is treated as not given. */
function textFields(raw: unknown): Body {
  if (typeof raw !== 'object' || raw === null) return {};
  return Object.fromEntries(
    Object.entries(raw).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}
type StepView = {
  values?: Body;
  errors?: FieldError[];
  split?: { postcode: string; areas: { code: string; name: string }[] };
};

const isStep = (value: string): value is Step => (steps as readonly string[]).includes(value);

export const checkPageRoutes =
  (db: Queryable, parameters: Parameters, clock: Clock, secret: string): FastifyPluginAsync =>
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
      const text = checkMessages[context.locale];
      const errors = view.errors ?? [];
      const errorFor = (field: string) => errors.find((e) => e.field === field);
      const status = errors.length > 0 ? 400 : 200;
      const page = (
        title: string,
        body: preact.ComponentChildren,
        extraButton?: { name: string; value: string; label: string },
      ) =>
        sendPage(
          reply,
          <QuestionPage
            context={context}
            step={step}
            token={token}
            title={title}
            errors={errors}
            extraButton={extraButton}
            backHref={view.split ? checkHref('woonplaats', token) : undefined}
          >
            {body}
          </QuestionPage>,
          status,
        );
      const textQuestion = (
        name: string,
        question: string,
        hint: string,
        value: string,
        inputMode?: 'numeric' | 'decimal',
      ) => (
        <FormField id={name} label={question} hint={hint} error={errorFor(name)} labelAsHeading>
          {(describedBy, invalid) => (
            <input
              class="utrecht-textbox utrecht-textbox--html-input"
              id={name}
              name={name}
              type="text"
              inputMode={inputMode}
              value={value}
              aria-describedby={describedBy}
              aria-invalid={invalid ? 'true' : undefined}
            />
          )}
        </FormField>
      );

      switch (step) {
        case 'woonplaats':
          if (view.split) {
            return page(
              text.postcode.choose,
              <>
                <input type="hidden" name="postcode" value={view.split.postcode} />
                <input type="hidden" name="kiezen" value="1" />
                <RadioQuestion
                  name="municipality"
                  question={text.postcode.choose}
                  hint={text.postcode.chooseHint(view.split.postcode)}
                  options={view.split.areas.map((area) => ({ value: area.code, label: area.name }))}
                  error={errorFor('municipality')}
                />
              </>,
            );
          }
          return page(
            text.postcode.question,
            textQuestion('postcode', text.postcode.question, text.postcode.hint, view.values?.postcode ?? ''),
          );
        case 'huishouden':
          return page(
            text.household.question,
            <RadioQuestion
              name="type"
              question={text.household.question}
              options={[
                { value: 'single_parent', label: text.household.single_parent },
                { value: 'couple', label: text.household.couple },
                { value: 'other', label: text.household.other, hint: text.household.otherHint },
              ]}
              value={view.values?.type ?? answers.type}
              error={errorFor('type')}
            />,
          );
        case 'leeftijd': {
          const couple = answers.type === 'couple';
          const groups: NonNullable<Answers['ageGroup']>[] = [
            'under_21',
            '21_to_pension',
            'pension',
            ...(couple ? (['mixed'] as const) : []),
          ];
          return page(
            text.age.question(couple),
            <RadioQuestion
              name="ageGroup"
              question={text.age.question(couple)}
              options={groups.map((group) => ({ value: group, label: text.age[group] }))}
              value={view.values?.ageGroup ?? answers.ageGroup}
              error={errorFor('ageGroup')}
            />,
          );
        }
        case 'kinderen':
          return page(
            text.children.question,
            textQuestion(
              'childAges',
              text.children.question,
              text.children.hint,
              view.values?.childAges ?? answers.childAges?.join(', ') ?? '',
              'numeric',
            ),
          );
        case 'inkomen': {
          const current =
            answers.income?.kind === 'monthly_net'
              ? (answers.income.cents / 100).toFixed(2).replace('.', context.locale === 'nl' ? ',' : '.')
              : '';
          return page(
            text.income.question,
            textQuestion(
              'income',
              text.income.question,
              text.income.hint,
              view.values?.income ?? current,
              'decimal',
            ),
            { name: 'unknown', value: 'yes', label: text.income.unknown },
          );
        }
        case 'vermogen': {
          const question = text.assets.question(assetLimitText(context));
          return page(
            question,
            <RadioQuestion
              name="assets"
              question={question}
              hint={text.assets.hint}
              options={(['within_limit', 'over_limit', 'unknown'] as const).map((value) => ({
                value,
                label: text.assets[value],
              }))}
              value={view.values?.assets ?? answers.assets}
              error={errorFor('assets')}
            />,
          );
        }
      }
    }

    /** Applies one answer; returns the new answers, or the errors to show, or a split-postcode choice. */
    async function answer(
      step: Step,
      body: Body,
      answers: Answers,
      context: PageContext,
    ): Promise<{ answers: Answers } | StepView> {
      const text = checkMessages[context.locale];
      const fieldError = (field: string, message: string, code = 'invalid'): StepView => ({
        values: body,
        errors: [{ field, code, message }],
      });
      switch (step) {
        case 'woonplaats': {
          const lookup = await lookupPostcode(db, body.postcode ?? '');
          if (lookup.kind !== 'found') {
            const code =
              (body.postcode ?? '').trim() === ''
                ? 'postcode_required'
                : lookup.kind === 'malformed'
                  ? 'postcode_malformed'
                  : 'postcode_unknown';
            return fieldError('postcode', postcodeMessages[code][context.locale], code);
          }
          const areas = lookup.areas.map((a) => ({ code: a.municipalityCode, name: a.municipalityName }));
          const chosen = areas.length === 1 ? areas[0] : areas.find((a) => a.code === body.municipality);
          if (!chosen) {
            // The choice page says "kiezen": sent from there without a choice, it asks again with a message.
            const errors =
              body.kiezen === '1' ? [{ field: 'municipality', code: 'required', message: text.choose }] : [];
            return { split: { postcode: lookup.postcode, areas }, errors };
          }
          return { answers: { ...answers, municipality: chosen } };
        }
        case 'huishouden': {
          const parsed = answersSchema.shape.type.safeParse(body.type);
          if (!parsed.success || !parsed.data) return fieldError('type', text.choose, 'required');
          // A different household can make the earlier age answer impossible (only couples are "mixed").
          const ageGroup =
            parsed.data !== 'couple' && answers.ageGroup === 'mixed' ? undefined : answers.ageGroup;
          return { answers: { ...answers, type: parsed.data, ageGroup } };
        }
        case 'leeftijd': {
          const parsed = answersSchema.shape.ageGroup.safeParse(body.ageGroup);
          if (!parsed.success || !parsed.data || (parsed.data === 'mixed' && answers.type !== 'couple')) {
            return fieldError('ageGroup', text.choose, 'required');
          }
          return { answers: { ...answers, ageGroup: parsed.data } };
        }
        case 'kinderen': {
          const ages = parseChildAges(body.childAges ?? '');
          if (!ages) return fieldError('childAges', text.children.error, 'check_children_ages');
          return { answers: { ...answers, childAges: ages } };
        }
        case 'inkomen': {
          if (body.unknown === 'yes') return { answers: { ...answers, income: { kind: 'not_given' } } };
          const cents = parseEuroAmount(body.income ?? '');
          if (cents === null || cents > MAX_CENTS)
            return fieldError('income', text.income.error, 'check_income_amount');
          return { answers: { ...answers, income: { kind: 'monthly_net', cents } } };
        }
        case 'vermogen': {
          const parsed = answersSchema.shape.assets.safeParse(body.assets);
          if (!parsed.success || !parsed.data) return fieldError('assets', text.choose, 'required');
          return { answers: { ...answers, assets: parsed.data } };
        }
      }
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
        const result = await answer(step, body, answers, pageContext(request, reply));
        if (!('answers' in result)) return renderStep(request, reply, step, answers, token, result);
        const sealed = sealer.seal(result.answers);
        return reply.redirect(checkHref(nextStepAfter(step, result.answers), sealed), 303);
      },
    );
  };
