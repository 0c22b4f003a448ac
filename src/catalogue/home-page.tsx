import { ErrorSummary, errorTitlePrefix, FormField } from '../platform/views/forms.tsx';
import { Layout, type PageContext } from '../platform/views/layout.tsx';
import type { FieldError } from '../platform/validation.ts';
import { municipalitiesSource } from '../municipalities/index.ts';
import { pageMessages } from './page-messages.ts';

type HomeProps = {
  context: PageContext;
  values?: { postcode?: string; age?: string };
  errors?: FieldError[];
};

export function HomePage({ context, values = {}, errors = [] }: HomeProps) {
  const text = pageMessages[context.locale];
  const errorFor = (field: string) => errors.find((e) => e.field === field);
  return (
    <Layout context={context} title={`${errorTitlePrefix(errors, context.locale)}${text.homeTitle}`}>
      <h1 class="utrecht-heading-1">{text.homeTitle}</h1>
      <p class="utrecht-paragraph utrecht-paragraph--lead">{text.homeIntro}</p>
      <p class="utrecht-paragraph">{text.homeIntro2}</p>
      <ErrorSummary errors={errors} locale={context.locale} />
      <form class="meedoen-form" method="post" action="/zoeken" novalidate>
        <FormField
          id="postcode"
          label={text.postcodeLabel}
          hint={text.postcodeHint}
          error={errorFor('postcode')}
        >
          {(describedBy, invalid) => (
            <input
              class="utrecht-textbox utrecht-textbox--html-input utrecht-textbox--short"
              id="postcode"
              name="postcode"
              type="text"
              autocomplete="postal-code"
              maxLength={10}
              value={values.postcode ?? ''}
              aria-describedby={describedBy}
              aria-invalid={invalid ? 'true' : undefined}
              required
            />
          )}
        </FormField>
        <FormField id="age" label={text.ageLabel} hint={text.ageHint} error={errorFor('age')}>
          {(describedBy, invalid) => (
            <input
              class="utrecht-textbox utrecht-textbox--html-input utrecht-textbox--short"
              id="age"
              name="age"
              type="text"
              inputMode="numeric"
              pattern="[0-9]*"
              maxLength={2}
              value={values.age ?? ''}
              aria-describedby={describedBy}
              aria-invalid={invalid ? 'true' : undefined}
            />
          )}
        </FormField>
        <button class="utrecht-button utrecht-button--primary-action" type="submit">
          {text.search}
        </button>
      </form>
      <p class="utrecht-paragraph meedoen-source">{text.privacyNote}</p>
      <p class="utrecht-paragraph meedoen-source">{municipalitiesSource[context.locale]}</p>
    </Layout>
  );
}

type ChooseProps = {
  context: PageContext;
  postcode: string;
  age: number | undefined;
  areas: { municipalityCode: string; municipalityName: string; addressShare: number }[];
};

/** A postcode area in two municipalities: the family says which side they live on. */
export function ChooseMunicipalityPage({ context, postcode, age, areas }: ChooseProps) {
  const text = pageMessages[context.locale];
  const percent = new Intl.NumberFormat(context.locale === 'nl' ? 'nl-NL' : 'en-GB', {
    style: 'percent',
    maximumFractionDigits: 2,
  });
  return (
    <Layout context={context} title={text.chooseTitle}>
      <h1 class="utrecht-heading-1">{text.chooseTitle}</h1>
      <p class="utrecht-paragraph">{text.chooseIntro(postcode)}</p>
      <form class="meedoen-form" method="get" action="/voorzieningen">
        <fieldset class="meedoen-choices utrecht-form-fieldset">
          <legend class="utrecht-form-label">{text.chooseLegend}</legend>
          {areas.map((area, index) => (
            <label key={area.municipalityCode}>
              <input
                class="utrecht-radio-button utrecht-radio-button--html-input"
                type="radio"
                name="municipality"
                value={area.municipalityCode}
                checked={index === 0}
              />
              <span>
                {area.municipalityName}
                <span class="meedoen-hint">{text.addressShare(percent.format(area.addressShare))}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {age !== undefined && <input type="hidden" name="age" value={String(age)} />}
        <button class="utrecht-button utrecht-button--primary-action" type="submit">
          {text.chooseButton}
        </button>
      </form>
      <p class="utrecht-paragraph meedoen-source">{municipalitiesSource[context.locale]}</p>
    </Layout>
  );
}
