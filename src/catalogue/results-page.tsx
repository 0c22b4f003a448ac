import type { Municipality } from '../municipalities/index.ts';
import { municipalitiesSource } from '../municipalities/index.ts';
import type { FieldError } from '../platform/validation.ts';
import { ErrorSummary, errorTitlePrefix, FormField } from '../platform/views/forms.tsx';
import { Layout, type PageContext } from '../platform/views/layout.tsx';
import { categoryLabels } from './labels.ts';
import { pageMessages } from './page-messages.ts';
import { ExampleBadge, ExampleNotice, firstSentence, ProvisionFacts } from './provision-facts.tsx';
import { categories, type Category, type Provision } from './provision.ts';

type ResultsProps = {
  context: PageContext;
  municipality: Municipality;
  age: number | undefined;
  category: Category | undefined;
  provisions: Provision[];
  errors: FieldError[];
  values: { age?: string };
};

export function detailHref(
  provision: Provision,
  municipality: Municipality,
  age: number | undefined,
): string {
  const params = new URLSearchParams({ municipality: municipality.code });
  if (age !== undefined) params.set('age', String(age));
  return `/voorzieningen/${encodeURIComponent(provision.key)}?${params.toString()}`;
}

export function ResultsPage({
  context,
  municipality,
  age,
  category,
  provisions,
  errors,
  values,
}: ResultsProps) {
  const { locale } = context;
  const text = pageMessages[locale];
  const labels = categoryLabels[locale];
  const errorFor = (field: string) => errors.find((e) => e.field === field);
  const groups = categories
    .map((c) => ({ category: c, items: provisions.filter((p) => p.category === c) }))
    .filter((group) => group.items.length > 0);
  return (
    <Layout
      context={context}
      title={`${errorTitlePrefix(errors, locale)}${text.resultsTitle(municipality.name)}`}
    >
      <h1 class="utrecht-heading-1">{text.resultsTitle(municipality.name)}</h1>
      <p class="utrecht-paragraph" role="status">
        {text.resultsCount(provisions.length, age)}
      </p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/">
          {text.otherPostcode}
        </a>
      </p>
      <ErrorSummary errors={errors} locale={locale} />
      <form
        class="meedoen-form meedoen-filters"
        method="get"
        action="/voorzieningen"
        aria-labelledby="filter-titel"
      >
        <h2 id="filter-titel" class="meedoen-visually-hidden">
          {text.filterTitle}
        </h2>
        <input type="hidden" name="municipality" value={municipality.code} />
        <FormField id="age" label={text.ageLabel} error={errorFor('age')}>
          {(describedBy, invalid) => (
            <input
              class="utrecht-textbox utrecht-textbox--html-input"
              id="age"
              name="age"
              type="text"
              inputMode="numeric"
              maxLength={2}
              value={values.age ?? (age === undefined ? '' : String(age))}
              aria-describedby={describedBy}
              aria-invalid={invalid ? 'true' : undefined}
            />
          )}
        </FormField>
        <FormField id="category" label={text.categoryLabel} error={errorFor('category')}>
          {(describedBy) => (
            <select
              class="utrecht-select utrecht-select--html-select"
              id="category"
              name="category"
              aria-describedby={describedBy}
            >
              <option value="">{text.allCategories}</option>
              {categories.map((c) => (
                <option key={c} value={c} selected={c === category}>
                  {labels[c]}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <button class="utrecht-button utrecht-button--primary-action" type="submit">
          {text.filterButton}
        </button>
      </form>
      {provisions.some((p) => p.isExample) && <ExampleNotice locale={locale} />}
      {provisions.length === 0 && <p class="utrecht-paragraph">{text.noResults}</p>}
      {groups.map((group) => (
        <section key={group.category} aria-labelledby={`groep-${group.category}`}>
          <h2 class="utrecht-heading-2" id={`groep-${group.category}`}>
            {labels[group.category]}
          </h2>
          <ul class="meedoen-results">
            {group.items.map((provision) => (
              <li key={provision.key}>
                <article class="meedoen-card" aria-labelledby={`v-${provision.key}`}>
                  <h3 class="utrecht-heading-3" id={`v-${provision.key}`}>
                    <a class="utrecht-link" href={detailHref(provision, municipality, age)}>
                      {provision.name[locale]}
                    </a>
                  </h3>
                  {provision.isExample && <ExampleBadge locale={locale} />}
                  <p class="utrecht-paragraph">{firstSentence(provision.description[locale])}</p>
                  <ProvisionFacts provision={provision} locale={locale} />
                </article>
              </li>
            ))}
          </ul>
        </section>
      ))}
      <p class="utrecht-paragraph meedoen-source">{municipalitiesSource[locale]}</p>
    </Layout>
  );
}
