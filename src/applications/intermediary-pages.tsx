import type { ComponentChildren } from 'preact';
import type { ProvisionOutcome } from '../eligibility/check.ts';
import { SessionBar, type ActiveSession } from '../identity/index.ts';
import type { Locale } from '../platform/i18n.ts';
import type { FieldError } from '../platform/validation.ts';
import {
  ErrorSummary,
  errorTitlePrefix,
  FormField,
  RadioQuestion,
  textInput,
} from '../platform/views/forms.tsx';
import { Layout, type PageContext } from '../platform/views/layout.tsx';
import { caseloadPath, draftPath } from './caseload-paths.ts';
import { draftSteps, type DraftStep } from './intermediary-draft.ts';
import { intermediaryMessages } from './intermediary-messages.ts';

export type StepBase = {
  context: PageContext;
  session: ActiveSession;
  csrf: string;
  organisation: { key: string; name: string };
  draftId: string;
  errors: FieldError[];
  /** What the form shows: typed values after an error, else the saved answers. */
  values: Record<string, string>;
};

const stepTitle = (step: DraftStep, locale: Locale) => {
  const text = intermediaryMessages[locale];
  return {
    gezin: text.family.title,
    kinderen: text.children.title,
    voorzieningen: text.provisions.title,
    versturen: text.sending.title,
  }[step];
};

/** The frame of every step: progress, heading, errors, the form with its token, and a way back. */
function StepPage(
  props: StepBase & { step: DraftStep; children: ComponentChildren; submit?: ComponentChildren },
) {
  const { context, session, csrf, organisation, draftId, errors, step } = props;
  const text = intermediaryMessages[context.locale];
  const index = draftSteps.indexOf(step);
  const title = stepTitle(step, context.locale);
  const previous = index > 0 ? draftSteps[index - 1]! : null;
  return (
    <Layout context={context} title={`${errorTitlePrefix(errors, context.locale)}${title}`}>
      <SessionBar context={context} session={session} csrf={csrf} />
      <p class="utrecht-paragraph">
        <a
          class="utrecht-link"
          href={previous ? draftPath(organisation.key, draftId, previous) : caseloadPath(organisation.key)}
        >
          {previous ? text.previous : organisation.name}
        </a>
      </p>
      <p class="utrecht-paragraph">{text.progress(index + 1, draftSteps.length)}</p>
      <h1 class="utrecht-heading-1">{title}</h1>
      <ErrorSummary errors={errors} locale={context.locale} />
      <form class="meedoen-form" method="post" action={draftPath(organisation.key, draftId, step)} novalidate>
        <input type="hidden" name="_csrf" value={csrf} />
        {props.children}
        <div class="meedoen-buttons">
          {props.submit ?? (
            <button class="utrecht-button utrecht-button--primary-action" type="submit">
              {text.next}
            </button>
          )}
        </div>
      </form>
      <p class="utrecht-paragraph meedoen-source">{text.savedHint}</p>
    </Layout>
  );
}

const errorFor = (errors: FieldError[], field: string) => errors.find((e) => e.field === field);

export function FamilyStepPage(
  props: StepBase & { split: { postcode: string; areas: { code: string; name: string }[] } | null },
) {
  const { context, values, errors, split } = props;
  const text = intermediaryMessages[context.locale].family;
  const radio = (name: string, question: string, labels: Record<string, string>) => (
    <RadioQuestion
      name={name}
      question={question}
      headingLevel={2}
      options={Object.entries(labels).map(([value, label]) => ({ value, label }))}
      value={values[name]}
      error={errorFor(errors, name)}
    />
  );
  return (
    <StepPage {...props} step="gezin">
      <FormField
        id="postcode"
        label={text.postcode}
        hint={text.postcodeHint}
        error={errorFor(errors, 'postcode')}
      >
        {textInput({ id: 'postcode', value: values.postcode, spellcheck: false })}
      </FormField>
      <FormField
        id="houseNumber"
        label={text.houseNumber}
        hint={text.houseNumberHint}
        error={errorFor(errors, 'houseNumber')}
      >
        {textInput({ id: 'houseNumber', value: values.houseNumber, spellcheck: false })}
      </FormField>
      {split && (
        <RadioQuestion
          name="municipality"
          question={text.municipality}
          hint={text.municipalityHint(split.postcode)}
          headingLevel={2}
          options={split.areas.map((area) => ({ value: area.code, label: area.name }))}
          value={values.municipality}
          error={errorFor(errors, 'municipality')}
        />
      )}
      {radio('householdType', text.householdType, text.households)}
      {radio('ageGroup', text.ageGroup, text.ageGroups)}
      {radio('incomeSource', text.incomeSource, text.incomeSources)}
      <FormField id="income" label={text.income} hint={text.incomeHint} error={errorFor(errors, 'income')}>
        {textInput({ id: 'income', value: values.income, inputMode: 'decimal' })}
      </FormField>
      <div class="meedoen-choices">
        <label for="vouch">
          <input
            class="utrecht-checkbox utrecht-checkbox--html-input"
            type="checkbox"
            id="vouch"
            name="vouch"
            value="yes"
            checked={values.vouch === 'yes'}
          />
          <span>{text.vouch}</span>
        </label>
      </div>
    </StepPage>
  );
}

export function ChildrenStepPage(props: StepBase & { rows: number }) {
  const { context, values, errors, rows } = props;
  const text = intermediaryMessages[context.locale].children;
  return (
    <StepPage
      {...props}
      step="kinderen"
      submit={
        <>
          <button class="utrecht-button utrecht-button--primary-action" type="submit">
            {intermediaryMessages[context.locale].next}
          </button>
          {rows < 10 && (
            <button
              class="utrecht-button utrecht-button--secondary-action"
              type="submit"
              name="action"
              value="add"
            >
              {text.add}
            </button>
          )}
        </>
      }
    >
      <p class="utrecht-paragraph">{text.intro}</p>
      {Array.from({ length: rows }, (_, n) => (
        <fieldset
          class="utrecht-form-fieldset"
          key={n}
          aria-describedby={n > 0 ? `child-${n}-hint` : undefined}
        >
          <legend>
            <h2 class="utrecht-heading-2 meedoen-legend-heading">{text.child(n + 1)}</h2>
          </legend>
          {n > 0 && (
            <p class="meedoen-hint" id={`child-${n}-hint`}>
              {text.emptyHint}
            </p>
          )}
          <FormField
            id={`child-${n}-firstName`}
            label={text.firstName}
            error={errorFor(errors, `child-${n}-firstName`)}
          >
            {textInput({
              id: `child-${n}-firstName`,
              value: values[`child-${n}-firstName`],
              autocomplete: 'off',
            })}
          </FormField>
          <FormField
            id={`child-${n}-birthDate`}
            label={text.birthDate}
            hint={text.birthDateHint}
            error={errorFor(errors, `child-${n}-birthDate`)}
          >
            {textInput({ id: `child-${n}-birthDate`, type: 'date', value: values[`child-${n}-birthDate`] })}
          </FormField>
        </fieldset>
      ))}
    </StepPage>
  );
}

/** `deferredTo`: per provision that is not offered, the names of those to apply for first (precedence). */
export type ChildOffer = {
  firstName: string;
  outcomes: ProvisionOutcome[];
  deferredTo: ReadonlyMap<string, string[]>;
};

function OutcomeLine({ outcome, locale }: { outcome: ProvisionOutcome; locale: Locale }) {
  const text = intermediaryMessages[locale].provisions;
  return (
    <span class="meedoen-hint">
      <strong>{text.outcome[outcome.evaluation.outcome]}</strong>. {outcome.mainReason.text[locale]}{' '}
      {text.handledBy(outcome.provision.handledBy.name)}
    </span>
  );
}

export function ProvisionsStepPage(
  props: StepBase & { municipality: string; offers: ChildOffer[]; chosen: string[][] },
) {
  const { context, errors, offers, chosen, municipality } = props;
  const { locale } = context;
  const text = intermediaryMessages[locale].provisions;
  return (
    <StepPage {...props} step="voorzieningen">
      <p class="utrecht-paragraph">{text.intro(municipality)}</p>
      {offers.map((offer, n) => {
        const possible = offer.outcomes.filter(
          (o) => o.evaluation.outcome !== 'not_eligible' && !offer.deferredTo.has(o.provision.key),
        );
        const deferred = offer.outcomes.filter((o) => offer.deferredTo.has(o.provision.key));
        const impossible = offer.outcomes.filter((o) => o.evaluation.outcome === 'not_eligible');
        const error = errorFor(errors, `child-${n}`);
        return (
          <fieldset
            key={n}
            id={`child-${n}`}
            class={`utrecht-form-fieldset meedoen-choices${error ? ' utrecht-form-fieldset--invalid' : ''}`}
            aria-describedby={error ? `child-${n}-error` : undefined}
          >
            <legend>
              <h2 class="utrecht-heading-2 meedoen-legend-heading">{text.forChild(offer.firstName)}</h2>
            </legend>
            {error && (
              <span class="meedoen-field-error utrecht-form-field-error-message" id={`child-${n}-error`}>
                {error.message}
              </span>
            )}
            {possible.length === 0 && <p class="utrecht-paragraph">{text.none}</p>}
            {possible.map((outcome) => {
              const id = `child-${n}-${outcome.provision.key}`;
              return (
                <label key={id} for={id}>
                  <input
                    class="utrecht-checkbox utrecht-checkbox--html-input"
                    type="checkbox"
                    id={id}
                    name={`child-${n}`}
                    value={outcome.provision.key}
                    checked={chosen[n]?.includes(outcome.provision.key) ?? false}
                  />
                  <span>
                    {outcome.provision.name[locale]}
                    <OutcomeLine outcome={outcome} locale={locale} />
                  </span>
                </label>
              );
            })}
            {deferred.map((outcome) => (
              <p class="utrecht-paragraph" key={outcome.provision.key}>
                {text.deferred(
                  outcome.provision.name[locale],
                  offer.deferredTo.get(outcome.provision.key)!.join(locale === 'nl' ? ' of ' : ' or '),
                )}
              </p>
            ))}
            {impossible.length > 0 && (
              <details class="meedoen-details">
                <summary>{text.notPossible(impossible.length)}</summary>
                <ul class="utrecht-unordered-list">
                  {impossible.map((outcome) => (
                    <li key={outcome.provision.key}>
                      {outcome.provision.name[locale]}: {outcome.mainReason.text[locale]}
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </fieldset>
        );
      })}
    </StepPage>
  );
}

export function SendingStepPage(
  props: StepBase & { summary: { firstName: string; provisions: string[] }[] },
) {
  const { context, values, errors, summary } = props;
  const text = intermediaryMessages[context.locale].sending;
  return (
    <StepPage
      {...props}
      step="versturen"
      submit={
        <button class="utrecht-button utrecht-button--primary-action" type="submit">
          {text.send}
        </button>
      }
    >
      <h2 class="utrecht-heading-2">{text.summary}</h2>
      <ul class="utrecht-unordered-list">
        {summary.map((child, n) => (
          <li key={n}>
            {child.firstName}: {child.provisions.join(', ')}
          </li>
        ))}
      </ul>
      <h2 class="utrecht-heading-2">{text.contact}</h2>
      <p class="utrecht-paragraph">{text.contactHint}</p>
      <FormField id="email" label={text.email} error={errorFor(errors, 'email')}>
        {textInput({ id: 'email', type: 'email', value: values.email, spellcheck: false })}
      </FormField>
      <FormField id="phone" label={text.phone} error={errorFor(errors, 'phone')}>
        {textInput({ id: 'phone', value: values.phone, inputMode: 'numeric' })}
      </FormField>
      <RadioQuestion
        name="locale"
        question={text.language}
        headingLevel={2}
        options={[
          { value: 'nl', label: text.nl },
          { value: 'en', label: text.en },
        ]}
        value={values.locale}
        error={errorFor(errors, 'locale')}
      />
      <RadioQuestion
        name="consentBy"
        question={text.consentBy}
        headingLevel={2}
        options={[
          { value: 'parent', label: text.parent, hint: text.parentHint },
          { value: 'young_person', label: text.young_person },
        ]}
        value={values.consentBy}
        error={errorFor(errors, 'consentBy')}
      />
      <div
        class={`utrecht-form-field meedoen-choices${errorFor(errors, 'consent') ? ' utrecht-form-field--invalid' : ''}`}
      >
        {errorFor(errors, 'consent') && (
          <span class="meedoen-field-error utrecht-form-field-error-message" id="consent-error">
            {errorFor(errors, 'consent')!.message}
          </span>
        )}
        <label for="consent">
          <input
            class="utrecht-checkbox utrecht-checkbox--html-input"
            type="checkbox"
            id="consent"
            name="consent"
            value="yes"
            aria-describedby={errorFor(errors, 'consent') ? 'consent-error' : undefined}
            aria-invalid={errorFor(errors, 'consent') ? 'true' : undefined}
          />
          <span>{text.consent}</span>
        </label>
      </div>
    </StepPage>
  );
}
