import type { ComponentChildren } from 'preact';
import { formatIsoDate } from '../platform/i18n.ts';
import type { FieldError } from '../platform/validation.ts';
import { FormField, RadioQuestion, textInput } from '../platform/views/forms.tsx';
import type { PageContext } from '../platform/views/layout.tsx';
import type { ChildOffer, OfferOption } from './family-offer.ts';
import { familyMessages } from './family-messages.ts';
import { OutcomeText, StepFrame, TokenField } from './family-pages.tsx';
import { single, type FamilyAnswers, type QuestionStep, type StepView } from './family-steps.ts';
import { incomeSources } from './schema.ts';

type Props = {
  context: PageContext;
  step: QuestionStep;
  answers: FamilyAnswers;
  view: StepView;
  formToken: string;
  /** For the provisions page: per child, every provision and whether it can be chosen. */
  offers: ChildOffer[] | null;
  /** The asset limit in force, formatted. */
  assetLimit: string;
};

/** A tick box with its label; `headingLevel`-free, for lists of choices and the consent statement. */
function Checkbox(props: {
  id: string;
  name: string;
  value: string;
  checked: boolean;
  children: ComponentChildren;
}) {
  return (
    <label for={props.id}>
      <input
        class="utrecht-checkbox utrecht-checkbox--html-input"
        type="checkbox"
        id={props.id}
        name={props.name}
        value={props.value}
        checked={props.checked}
      />
      <span>{props.children}</span>
    </label>
  );
}

function FieldErrorText({ error }: { error: FieldError | undefined }) {
  if (!error) return null;
  return (
    <span class="meedoen-field-error utrecht-form-field-error-message" id={`${error.field}-error`}>
      {error.message}
    </span>
  );
}

/** The page of one step, filled in with what was typed (after an error) or saved (coming back). */
export function FamilyQuestion({ context, step, answers, view, formToken, offers, assetLimit }: Props) {
  const { locale } = context;
  const text = familyMessages[locale];
  const errors = view.errors ?? [];
  const errorFor = (field: string) => errors.find((e) => e.field === field);
  const typed = (name: string, saved: string | undefined) =>
    view.values && name in view.values ? single(view.values, name) : (saved ?? '');
  const frame = {
    context,
    step,
    errors,
    formToken,
    formExpired: view.formExpired,
  };

  switch (step) {
    case 'woonplaats':
      if (view.split) {
        return (
          <StepFrame {...frame} title={text.address.choose} heading={false}>
            <input type="hidden" name="postcode" value={view.split.postcode} />
            <input type="hidden" name="houseNumber" value={view.split.houseNumber} />
            <input type="hidden" name="kiezen" value="1" />
            <RadioQuestion
              name="municipality"
              question={text.address.choose}
              hint={text.address.chooseHint(view.split.postcode)}
              options={view.split.areas.map((area) => ({ value: area.code, label: area.name }))}
              error={errorFor('municipality')}
            />
          </StepFrame>
        );
      }
      return (
        <StepFrame {...frame} title={text.address.title} heading>
          <FormField
            id="postcode"
            label={text.address.postcode}
            hint={text.address.postcodeHint}
            error={errorFor('postcode')}
          >
            {textInput({
              id: 'postcode',
              autocomplete: 'postal-code',
              value: typed('postcode', answers.postcode),
            })}
          </FormField>
          <FormField
            id="houseNumber"
            label={text.address.houseNumber}
            hint={text.address.houseNumberHint}
            error={errorFor('houseNumber')}
          >
            {textInput({ id: 'houseNumber', value: typed('houseNumber', answers.houseNumber) })}
          </FormField>
        </StepFrame>
      );
    case 'huishouden': {
      const type = typed('householdType', answers.householdType);
      const groups = ['under_21', '21_to_pension', 'pension', 'mixed'] as const;
      return (
        <StepFrame {...frame} title={text.household.title} heading>
          <RadioQuestion
            name="householdType"
            question={text.household.type}
            headingLevel={2}
            options={[
              { value: 'single_parent', label: text.household.single_parent },
              { value: 'couple', label: text.household.couple },
              { value: 'other', label: text.household.other, hint: text.household.otherHint },
            ]}
            value={type}
            error={errorFor('householdType')}
          />
          <RadioQuestion
            name="ageGroup"
            question={text.household.age(type === 'couple')}
            headingLevel={2}
            options={groups.map((group) => ({ value: group, label: text.household[group] }))}
            value={typed('ageGroup', answers.ageGroup)}
            error={errorFor('ageGroup')}
          />
        </StepFrame>
      );
    }
    case 'inkomstenbron':
      return (
        <StepFrame {...frame} title={text.source.question} heading={false}>
          <RadioQuestion
            name="incomeSource"
            question={text.source.question}
            hint={text.source.hint}
            options={incomeSources.map((source) => ({ value: source, label: text.source[source] }))}
            value={typed('incomeSource', answers.incomeSource)}
            error={errorFor('incomeSource')}
          />
        </StepFrame>
      );
    case 'inkomen': {
      const saved =
        answers.income?.kind === 'monthly_net'
          ? (answers.income.cents / 100).toFixed(2).replace('.', locale === 'nl' ? ',' : '.')
          : '';
      return (
        <StepFrame
          {...frame}
          title={text.income.title}
          heading
          secondary={{ name: 'vouch', value: 'yes', label: text.income.vouch }}
        >
          <FormField
            id="income"
            label={text.income.amount}
            hint={`${text.income.amountHint} ${text.income.vouchHint}`}
            error={errorFor('income')}
          >
            {textInput({ id: 'income', inputMode: 'decimal', value: typed('income', saved) })}
          </FormField>
          <RadioQuestion
            name="assets"
            question={text.income.assets(assetLimit)}
            hint={text.income.assetsHint}
            headingLevel={2}
            options={(['within_limit', 'over_limit', 'unknown'] as const).map((value) => ({
              value,
              label: text.income[value],
            }))}
            value={typed('assets', answers.assets)}
            error={errorFor('assets')}
          />
        </StepFrame>
      );
    }
    case 'kinderen': {
      const children = answers.children ?? [];
      const removals = children.length > 0 && (
        <>
          <h2 class="utrecht-heading-2">{text.children.added}</h2>
          <ul class="meedoen-results">
            {children.map((child, index) => (
              <li key={index} class="meedoen-card">
                <p class="utrecht-paragraph">
                  {text.children.child(child.firstName, formatIsoDate(child.birthDate, locale))}
                </p>
                <form method="post" action="/aanvragen/kinderen">
                  <TokenField token={formToken} />
                  <button
                    class="utrecht-button utrecht-button--secondary-action"
                    type="submit"
                    name="remove"
                    value={String(index)}
                  >
                    {text.children.remove(child.firstName)}
                  </button>
                </form>
              </li>
            ))}
          </ul>
        </>
      );
      return (
        <StepFrame
          {...frame}
          title={text.children.title}
          heading
          before={
            <>
              <p class="utrecht-paragraph">{text.children.hint}</p>
              {removals}
            </>
          }
          secondary={{ name: 'action', value: 'add', label: text.children.addAnother }}
        >
          <h2 class="utrecht-heading-2">{text.children.newChild}</h2>
          <FormField
            id="firstName"
            label={text.children.firstName}
            hint={text.children.firstNameHint}
            error={errorFor('firstName')}
          >
            {textInput({
              id: 'firstName',
              autocomplete: 'off',
              spellcheck: false,
              value: typed('firstName', ''),
            })}
          </FormField>
          <FormField
            id="birthDate"
            label={text.children.birthDate}
            hint={text.children.birthDateHint}
            error={errorFor('birthDate')}
          >
            {textInput({ id: 'birthDate', type: 'date', value: typed('birthDate', '') })}
          </FormField>
        </StepFrame>
      );
    }
    case 'voorzieningen':
      return (
        <StepFrame {...frame} title={text.provisions.title} heading>
          <p class="utrecht-paragraph">{text.provisions.hint}</p>
          {(offers ?? []).map((child) => (
            <ChildChoices
              key={child.index}
              child={child}
              context={context}
              chosen={
                view.values
                  ? [view.values[`kind-${child.index}`] ?? []].flat()
                  : (answers.choices?.[child.index] ?? [])
              }
              error={errorFor(`kind-${child.index}`)}
            />
          ))}
        </StepFrame>
      );
    case 'contact':
      return (
        <StepFrame {...frame} title={text.contact.title} heading>
          <p class="utrecht-paragraph">{text.contact.hint}</p>
          <FormField
            id="email"
            label={text.contact.email}
            hint={text.contact.emailHint}
            error={errorFor('email')}
          >
            {textInput({
              id: 'email',
              type: 'email',
              autocomplete: 'email',
              spellcheck: false,
              value: typed('email', answers.contact?.email ?? ''),
            })}
          </FormField>
          <FormField
            id="phone"
            label={text.contact.phone}
            hint={text.contact.phoneHint}
            error={errorFor('phone')}
          >
            {(describedBy, invalid) => (
              <input
                class="utrecht-textbox utrecht-textbox--html-input"
                id="phone"
                name="phone"
                type="tel"
                autocomplete="tel"
                value={typed('phone', answers.contact?.phone ?? '')}
                aria-describedby={describedBy}
                aria-invalid={invalid ? 'true' : undefined}
              />
            )}
          </FormField>
          <RadioQuestion
            name="language"
            question={text.contact.language}
            headingLevel={2}
            options={(['nl', 'en'] as const).map((value) => ({ value, label: text.languages[value] }))}
            value={typed('language', answers.contact?.locale ?? locale)}
            error={errorFor('language')}
          />
        </StepFrame>
      );
    case 'toestemming': {
      const by = typed('by', answers.consent?.by);
      const agreed = view.values ? single(view.values, 'agree') === 'yes' : answers.consent !== undefined;
      const statement = text.consent.statement;
      const agreeError = errorFor('agree');
      return (
        <StepFrame {...frame} title={text.consent.title} heading>
          <RadioQuestion
            name="by"
            question={text.consent.who}
            headingLevel={2}
            options={[
              { value: 'parent', label: text.consent.parent, hint: text.consent.parentHint },
              { value: 'young_person', label: text.consent.young_person, hint: text.consent.youngPersonHint },
            ]}
            value={by}
            error={errorFor('by')}
          />
          <fieldset
            class={`utrecht-form-fieldset meedoen-choices${agreeError ? ' utrecht-form-fieldset--invalid' : ''}`}
            id="agree"
            aria-describedby={agreeError ? 'agree-error' : undefined}
          >
            <legend>
              <h2 class="utrecht-heading-2 meedoen-legend-heading">{text.consent.title}</h2>
            </legend>
            {statement.map((line) => (
              <p class="utrecht-paragraph" key={line}>
                {line}
              </p>
            ))}
            <FieldErrorText error={agreeError} />
            <Checkbox id="agree-yes" name="agree" value="yes" checked={agreed}>
              {text.consent.agree}
            </Checkbox>
          </fieldset>
        </StepFrame>
      );
    }
  }
}

/** One child's provisions: the ones to choose, and below them why the others are not offered here. */
function ChildChoices(props: {
  child: ChildOffer;
  context: PageContext;
  chosen: string[];
  error?: FieldError;
}) {
  const { child, context, chosen, error } = props;
  const { locale } = context;
  const text = familyMessages[locale].provisions;
  const of = (kind: OfferOption['kind']) => child.options.filter((o) => o.kind === kind);
  const selectable = of('selectable');
  const elsewhere = [...of('deferred'), ...of('intermediary_only')];
  const impossible = of('not_eligible');
  const id = `kind-${child.index}`;
  return (
    <fieldset
      class={`utrecht-form-fieldset meedoen-choices${error ? ' utrecht-form-fieldset--invalid' : ''}`}
      id={id}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend>
        <h2 class="utrecht-heading-2 meedoen-legend-heading">{text.legend(child.firstName, child.age)}</h2>
      </legend>
      <FieldErrorText error={error} />
      {selectable.length === 0 && <p class="utrecht-paragraph">{text.none}</p>}
      {selectable.map((option) => (
        <Checkbox
          key={option.provision.key}
          id={`${id}-${option.provision.key}`}
          name={id}
          value={option.provision.key}
          checked={chosen.includes(option.provision.key)}
        >
          <strong>{option.provision.name[locale]}</strong>
          <span class="meedoen-hint">
            <OutcomeText option={option} context={context} />{' '}
            {text.handledBy(option.provision.handledBy.name)}
          </span>
        </Checkbox>
      ))}
      {elsewhere.length > 0 && (
        <ul class="meedoen-results">
          {elsewhere.map((option) => (
            <li key={option.provision.key} class="meedoen-card">
              <p class="utrecht-paragraph">
                <strong>{option.provision.name[locale]}</strong>
              </p>
              <p class="utrecht-paragraph">
                {option.kind === 'deferred'
                  ? text.deferred(option.deferredTo.map((p) => p.name[locale]).join(', '))
                  : text.intermediaryOnly(option.provision.handledBy.name)}
              </p>
            </li>
          ))}
        </ul>
      )}
      {impossible.length > 0 && (
        <details class="meedoen-details">
          <summary>{text.notPossible(impossible.length)}</summary>
          <ul class="meedoen-results">
            {impossible.map((option) => (
              <li key={option.provision.key} class="meedoen-card">
                <p class="utrecht-paragraph">
                  <strong>{option.provision.name[locale]}</strong>
                </p>
                <p class="utrecht-paragraph">{option.mainReason.text[locale]}</p>
              </li>
            ))}
          </ul>
        </details>
      )}
    </fieldset>
  );
}
