import type { Locale } from '../platform/i18n.ts';
import { ErrorSummary, FormField } from '../platform/views/forms.tsx';
import { selectBox } from '../platform/views/more-fields.tsx';
import { HeadedSection } from '../platform/views/section.tsx';
import type { FieldError } from '../platform/validation.ts';
import { boundaryNames, filterParams, groupNames, type Filters } from './filters.ts';
import { dashboardMessages } from './messages.ts';

/** The choices of a dashboard as a GET form: works without script, and the address can be shared. */
export function FilterForm(props: {
  action: string;
  filters: Filters;
  years: number[];
  errors: FieldError[];
  locale: Locale;
  withGroup?: boolean;
  /** Values the form keeps but does not ask (the table's sort order). */
  keep?: Record<string, string>;
}) {
  const { filters, locale, errors } = props;
  const text = dashboardMessages[locale];
  const params = filterParams(filters);
  const errorFor = (field: string) => errors.find((error) => error.field === field);
  return (
    <>
      <ErrorSummary errors={errors} locale={locale} />
      <form
        class="meedoen-form meedoen-filters"
        method="get"
        action={props.action}
        aria-labelledby="keuze-titel"
      >
        <h2 id="keuze-titel" class="utrecht-heading-2">
          {text.filterHeading}
        </h2>
        <input type="hidden" name="lang" value={locale} />
        {Object.entries(props.keep ?? {}).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <FormField id="jaar" label={text.yearLabel} error={errorFor('jaar')}>
          {selectBox({
            id: 'jaar',
            value: params.jaar,
            options: [...props.years].reverse().map((year) => ({ value: String(year), label: String(year) })),
          })}
        </FormField>
        <FormField
          id="grenzen"
          label={text.boundariesLabel}
          hint={text.boundariesHint}
          error={errorFor('grenzen')}
        >
          {selectBox({
            id: 'grenzen',
            value: params.grenzen,
            options: Object.keys(boundaryNames).map((name) => ({
              value: name,
              label: text.boundaries[name as keyof typeof boundaryNames],
            })),
          })}
        </FormField>
        {props.withGroup ? (
          <FormField id="groep" label={text.groupLabel} error={errorFor('groep')}>
            {selectBox({
              id: 'groep',
              value: params.groep,
              options: Object.entries(groupNames).map(([name, group]) => ({
                value: name,
                label: text.groups[group],
              })),
            })}
          </FormField>
        ) : null}
        <button class="utrecht-button utrecht-button--primary-action" type="submit">
          {text.show}
        </button>
      </form>
    </>
  );
}

/** What reach is, what the targets are, and why some numbers are hidden, in plain words (B1). */
export function Explainer({ locale }: { locale: Locale }) {
  const text = dashboardMessages[locale];
  return (
    <HeadedSection id="uitleg" heading={text.explainHeading}>
      <p class="utrecht-paragraph">{text.explainReach}</p>
      <p class="utrecht-paragraph">{text.explainTargets}</p>
      <p class="utrecht-paragraph">{text.explainHidden}</p>
      <p class="utrecht-paragraph">{text.explainEstimate}</p>
    </HeadedSection>
  );
}

/** Said instead of the charts while no organisation has reported deliveries yet. */
export function NoFiguresNotice({ locale }: { locale: Locale }) {
  return (
    <p class="utrecht-paragraph meedoen-notice" id="geen-cijfers">
      {dashboardMessages[locale].noFigures}
    </p>
  );
}
