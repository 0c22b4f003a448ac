import type { ComponentChildren } from 'preact';
import { ExampleNotice } from '../catalogue/index.ts';
import { formatEuros, formatIsoDate } from '../platform/i18n.ts';
import type { FieldError } from '../platform/validation.ts';
import { ErrorSummary, errorTitlePrefix } from '../platform/views/forms.tsx';
import { Layout, type PageContext } from '../platform/views/layout.tsx';
import { previousStep, steps, type Step } from './check-answers.ts';
import type { CheckResult, ProvisionOutcome } from './check.ts';
import { checkMessages } from './check-messages.ts';

export function checkHref(step: Step | 'uitkomst', token: string | null): string {
  return token ? `/check/${step}?s=${encodeURIComponent(token)}` : `/check/${step}`;
}

export function CheckIntroPage({ context, expired }: { context: PageContext; expired: boolean }) {
  const text = checkMessages[context.locale];
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
      <p class="utrecht-paragraph">
        <a
          class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action meedoen-start"
          href={checkHref('woonplaats', null)}
        >
          {text.start}
        </a>
      </p>
      <p class="utrecht-paragraph meedoen-source">{text.privacy}</p>
    </Layout>
  );
}

type QuestionProps = {
  context: PageContext;
  step: Step;
  token: string | null;
  title: string;
  errors: FieldError[];
  children: ComponentChildren;
  extraButton?: { name: string; value: string; label: string };
  /** Where "previous question" leads when it is not the step before (the municipality choice). */
  backHref?: string;
};

/** One question per page; the answers so far travel sealed in `s`, so back and forward keep them. */
export function QuestionPage({
  context,
  step,
  token,
  title,
  errors,
  children,
  extraButton,
  backHref,
}: QuestionProps) {
  const text = checkMessages[context.locale];
  const previous = previousStep(step);
  return (
    <Layout context={context} title={`${errorTitlePrefix(errors, context.locale)}${title}`}>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={backHref ?? (previous ? checkHref(previous, token) : '/check')}>
          {text.previous}
        </a>
      </p>
      <p class="utrecht-pre-heading">{text.progress(steps.indexOf(step) + 1, steps.length)}</p>
      <ErrorSummary errors={errors} locale={context.locale} />
      <form class="meedoen-form" method="post" action={`/check/${step}`} novalidate>
        {token && <input type="hidden" name="s" value={token} />}
        {children}
        <div class="meedoen-buttons">
          <button class="utrecht-button utrecht-button--primary-action" type="submit">
            {text.next}
          </button>
          {extraButton && (
            <button
              class="utrecht-button utrecht-button--secondary-action"
              type="submit"
              name={extraButton.name}
              value={extraButton.value}
            >
              {extraButton.label}
            </button>
          )}
        </div>
      </form>
      <p class="utrecht-paragraph meedoen-source">{text.privacy}</p>
    </Layout>
  );
}

const percentFormats = {
  nl: new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }),
};

const outcomeOrder = { eligible: 0, undecided: 1, not_eligible: 2 } as const;

function OutcomeItem({ outcome, context }: { outcome: ProvisionOutcome; context: PageContext }) {
  const { locale } = context;
  const text = checkMessages[locale].result;
  const { provision, evaluation, mainReason, nextStep } = outcome;
  return (
    <li class={`meedoen-card meedoen-outcome meedoen-outcome--${evaluation.outcome}`}>
      <h3 class="utrecht-heading-3">
        <a class="utrecht-link" href={`/voorzieningen/${encodeURIComponent(provision.key)}`}>
          {provision.name[locale]}
        </a>
      </h3>
      <p class="utrecht-paragraph meedoen-outcome__label">
        <strong>{text.outcome[evaluation.outcome]}</strong>
      </p>
      <p class="utrecht-paragraph">{mainReason.text[locale]}</p>
      {nextStep !== 'none' && (
        <p class="utrecht-paragraph">{text.nextStep[nextStep](provision.handledBy.name)}</p>
      )}
    </li>
  );
}

type ResultProps = { context: PageContext; token: string; municipality: string; result: CheckResult };

export function CheckResultPage({ context, token, municipality, result }: ResultProps) {
  const { locale } = context;
  const text = checkMessages[locale].result;
  const anyExample = result.children.some((child) => child.outcomes.some((o) => o.provision.isExample));
  const tested = result.children
    .flatMap((child) => child.outcomes)
    .map((o) => o.evaluation)
    .filter((e) => e.norm && e.incomePercentOfNorm !== null);
  // One headline only when every scheme compared with the same norm; otherwise each reason says its own.
  const sameNorm = tested.every((e) => e.norm?.cents === tested[0]?.norm?.cents);
  const normReason =
    sameNorm && tested[0]?.norm?.basis === 'including_holiday_allowance' ? tested[0] : undefined;
  const percent = percentFormats[locale];
  return (
    <Layout context={context} title={text.title(municipality)}>
      <h1 class="utrecht-heading-1">{text.title(municipality)}</h1>
      <p class="utrecht-paragraph">{text.date(formatIsoDate(result.date, locale))}</p>
      {normReason?.norm && (
        <p class="utrecht-paragraph">
          {text.norm(
            percent.format(normReason.incomePercentOfNorm!),
            formatEuros(normReason.norm.cents, locale),
            formatIsoDate(normReason.norm.validFrom, locale),
          )}
        </p>
      )}
      {normReason?.norm?.mayBeOutdated && (
        <p class="utrecht-paragraph meedoen-notice">
          {text.outdated(formatIsoDate(normReason.norm.validFrom, locale))}
        </p>
      )}
      {anyExample && <ExampleNotice locale={locale} />}
      {result.children.map((child) => {
        const sorted = [...child.outcomes].sort(
          (a, b) => outcomeOrder[a.evaluation.outcome] - outcomeOrder[b.evaluation.outcome],
        );
        const possible = sorted.filter((o) => o.evaluation.outcome !== 'not_eligible');
        const impossible = sorted.filter((o) => o.evaluation.outcome === 'not_eligible');
        const count = (o: keyof typeof outcomeOrder) =>
          child.outcomes.filter((x) => x.evaluation.outcome === o).length;
        return (
          <section key={child.index} aria-labelledby={`kind-${child.index}`}>
            <h2 class="utrecht-heading-2" id={`kind-${child.index}`}>
              {text.child(child.index + 1, child.age)}
            </h2>
            <p class="utrecht-paragraph">{text.summary(count('eligible'), count('undecided'))}</p>
            <ul class="meedoen-results">
              {possible.map((outcome) => (
                <OutcomeItem key={outcome.provision.key} outcome={outcome} context={context} />
              ))}
            </ul>
            {impossible.length > 0 && (
              <details class="meedoen-details">
                <summary>{text.notPossible(impossible.length)}</summary>
                <ul class="meedoen-results">
                  {impossible.map((outcome) => (
                    <OutcomeItem key={outcome.provision.key} outcome={outcome} context={context} />
                  ))}
                </ul>
              </details>
            )}
          </section>
        );
      })}
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={checkHref('woonplaats', token)}>
          {text.change}
        </a>
      </p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/check">
          {text.again}
        </a>
      </p>
    </Layout>
  );
}
