import type { ComponentChildren } from 'preact';
import { formatEuros, formatIsoDate } from '../platform/i18n.ts';
import type { FieldError } from '../platform/validation.ts';
import { ErrorSummary, errorTitlePrefix } from '../platform/views/forms.tsx';
import { Layout, type PageContext } from '../platform/views/layout.tsx';
import type { OfferOption } from './family-offer.ts';
import { familyMessages } from './family-messages.ts';
import { familySteps, previousStep, type FamilyAnswers, type FamilyStep } from './family-steps.ts';

export const FORM_TOKEN_FIELD = '_token';

export function TokenField({ token }: { token: string }) {
  return <input type="hidden" name={FORM_TOKEN_FIELD} value={token} />;
}

export function FamilyIntroPage({ context, expired }: { context: PageContext; expired: boolean }) {
  const text = familyMessages[context.locale];
  return (
    <Layout context={context} title={text.title}>
      <h1 class="utrecht-heading-1">{text.title}</h1>
      {expired && (
        <p class="utrecht-paragraph meedoen-notice" role="alert">
          {text.expired}
        </p>
      )}
      {text.intro.map((line) => (
        <p class="utrecht-paragraph" key={line}>
          {line}
        </p>
      ))}
      <form class="meedoen-form" method="post" action="/aanvragen">
        <button class="utrecht-button utrecht-button--primary-action" type="submit">
          {text.start}
        </button>
      </form>
    </Layout>
  );
}

type StepFrameProps = {
  context: PageContext;
  step: FamilyStep;
  title: string;
  /** False when a question of the page is its heading (one question per page). */
  heading: boolean;
  errors: FieldError[];
  formToken: string;
  formExpired?: boolean;
  /** Forms of their own before the step's form (removing a child), so Enter always means "next". */
  before?: ComponentChildren;
  children: ComponentChildren;
  secondary?: { name: string; value: string; label: string };
  action?: string;
  submitLabel?: string;
};

/** One step: back link, progress, errors, the step's form with its form token, and the note on saving. */
export function StepFrame(props: StepFrameProps) {
  const { context, step, title, errors, formToken } = props;
  const text = familyMessages[context.locale];
  const previous = previousStep(step);
  return (
    <Layout context={context} title={`${errorTitlePrefix(errors, context.locale)}${title}`}>
      {previous && (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={`/aanvragen/${previous}`}>
            {text.previous}
          </a>
        </p>
      )}
      <p class="utrecht-pre-heading">{text.progress(familySteps.indexOf(step) + 1, familySteps.length)}</p>
      <ErrorSummary errors={errors} locale={context.locale} />
      {props.formExpired && (
        <p class="utrecht-paragraph meedoen-notice" role="alert">
          {text.formExpired}
        </p>
      )}
      {props.heading && <h1 class="utrecht-heading-1">{title}</h1>}
      {props.before}
      <form class="meedoen-form" method="post" action={props.action ?? `/aanvragen/${step}`} novalidate>
        <TokenField token={formToken} />
        {props.children}
        <div class="meedoen-buttons">
          <button class="utrecht-button utrecht-button--primary-action" type="submit">
            {props.submitLabel ?? text.next}
          </button>
          {props.secondary && (
            <button
              class="utrecht-button utrecht-button--secondary-action"
              type="submit"
              name={props.secondary.name}
              value={props.secondary.value}
            >
              {props.secondary.label}
            </button>
          )}
        </div>
      </form>
      <p class="utrecht-paragraph meedoen-source">{text.saved}</p>
    </Layout>
  );
}

/** The outcome of one provision for one child, as the provisions page and the check page show it. */
export function OutcomeText({ option, context }: { option: OfferOption; context: PageContext }) {
  const { locale } = context;
  const text = familyMessages[locale].provisions;
  return (
    <>
      <strong class="meedoen-outcome__label">{text.outcome[option.evaluation.outcome]}</strong>{' '}
      <span>{option.mainReason.text[locale]}</span>
    </>
  );
}

type ReviewProps = {
  context: PageContext;
  answers: FamilyAnswers;
  chosen: OfferOption[][];
  formToken: string;
  formExpired?: boolean;
};

/** Every answer with a link to change it, and the one button that sends. */
export function ReviewPage({ context, answers, chosen, formToken, formExpired }: ReviewProps) {
  const { locale } = context;
  const text = familyMessages[locale];
  const r = text.review;
  const row = (label: string, value: ComponentChildren, step: FamilyStep) => (
    <div key={label}>
      <dt>{label}</dt>
      <dd>
        {value}{' '}
        <a class="utrecht-link" href={`/aanvragen/${step}`}>
          {r.change}
          <span class="meedoen-visually-hidden">: {label}</span>
        </a>
      </dd>
    </div>
  );
  const income = answers.income;
  return (
    <StepFrame
      context={context}
      step="controleren"
      title={r.title}
      heading
      errors={[]}
      formToken={formToken}
      formExpired={formExpired}
      action="/aanvragen/versturen"
      submitLabel={r.send}
    >
      <p class="utrecht-paragraph">{r.hint}</p>
      <dl class="meedoen-facts">
        {row(
          r.address,
          `${answers.postcode} ${answers.houseNumber}, ${answers.municipality?.name ?? ''}`,
          'woonplaats',
        )}
        {row(
          r.household,
          `${text.household[answers.householdType!]}; ${text.household[answers.ageGroup!]}`,
          'huishouden',
        )}
        {row(r.source, text.source[answers.incomeSource!], 'inkomstenbron')}
        {row(
          r.income,
          income?.kind === 'monthly_net' ? formatEuros(income.cents, locale) : r.vouched,
          'inkomen',
        )}
        {row(
          r.contact,
          [answers.contact?.email, answers.contact?.phone].filter(Boolean).join(', '),
          'contact',
        )}
        {row(r.language, text.languages[answers.contact?.locale ?? 'nl'], 'contact')}
        {row(
          r.consent,
          answers.consent?.by === 'young_person' ? text.consent.young_person : text.consent.parent,
          'toestemming',
        )}
      </dl>
      <h2 class="utrecht-heading-2">{r.provisions}</h2>
      {(answers.children ?? []).map((child, index) => (
        <section key={index} aria-labelledby={`kind-${index}-kop`}>
          <h3 class="utrecht-heading-3" id={`kind-${index}-kop`}>
            {text.children.child(child.firstName, formatIsoDate(child.birthDate, locale))}
          </h3>
          <ul class="meedoen-results">
            {(chosen[index] ?? []).map((option) => (
              <li key={option.provision.key} class="meedoen-card">
                <p class="utrecht-paragraph">
                  <strong>{option.provision.name[locale]}</strong>
                </p>
                <p class="utrecht-paragraph">
                  <OutcomeText option={option} context={context} />
                </p>
                <p class="utrecht-paragraph">{text.provisions.handledBy(option.provision.handledBy.name)}</p>
              </li>
            ))}
          </ul>
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href="/aanvragen/voorzieningen">
              {r.change}
              <span class="meedoen-visually-hidden">: {r.provisions}</span>
            </a>
          </p>
        </section>
      ))}
    </StepFrame>
  );
}

type DoneProps = { context: PageContext; reference: string; trackingUrl: string; mailed: boolean };

export function ConfirmationPage({ context, reference, trackingUrl, mailed }: DoneProps) {
  const text = familyMessages[context.locale].done;
  return (
    <Layout context={context} title={text.title}>
      <h1 class="utrecht-heading-1">{text.title}</h1>
      <dl class="meedoen-facts">
        <div>
          <dt>{text.code}</dt>
          <dd>
            <strong class="meedoen-secret">{reference}</strong>
          </dd>
        </div>
        <div>
          <dt>{text.link}</dt>
          <dd>
            <a class="utrecht-link meedoen-secret" href={trackingUrl}>
              {trackingUrl}
            </a>
          </dd>
        </div>
      </dl>
      <p class="utrecht-paragraph">{text.keep}</p>
      <p class="utrecht-paragraph">{mailed ? text.mailed : text.notMailed}</p>
      <p class="utrecht-paragraph">
        <a
          class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action"
          href={trackingUrl}
        >
          {text.track}
        </a>
      </p>
    </Layout>
  );
}
