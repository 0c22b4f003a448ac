import type { ActiveSession } from '../identity/index.ts';
import { SessionBar } from '../identity/index.ts';
import type { FieldError } from '../platform/validation.ts';
import { ErrorSummary, errorTitlePrefix, FormField, RadioQuestion } from '../platform/views/forms.tsx';
import { Layout, type PageContext } from '../platform/views/layout.tsx';
import { applicationRouteShort, categoryLabels, describeAges } from './labels.ts';
import { amountKinds, amountPeriods, applicationRoutes, categories, type Provision } from './provision.ts';
import type { ProvisionFormFields } from './provision-form.ts';
import { StatusNotice } from '../platform/views/notice.tsx';

const texts = {
  nl: {
    listTitle: (org: string) => `Voorzieningen van ${org}`,
    add: 'Nieuwe voorziening',
    none: 'Deze organisatie heeft nog geen voorzieningen.',
    edit: 'Bewerken',
    newTitle: 'Nieuwe voorziening',
    editTitle: (name: string) => `${name} bewerken`,
    key: 'Sleutel (kleine letters en streepjes, bijvoorbeeld leergeld-utrecht-fiets)',
    nameNl: 'Naam (Nederlands)',
    nameEn: 'Naam (Engels)',
    descriptionNl: 'Uitleg in eenvoudig Nederlands (B1)',
    descriptionEn: 'Uitleg in het Engels',
    category: 'Soort hulp',
    agesMin: 'Vanaf leeftijd',
    agesMax: 'Tot en met leeftijd',
    where: 'Waar is deze hulp?',
    nationwide: 'In heel Nederland',
    municipalities: 'In deze gemeenten',
    codes: 'Gemeentecodes, met komma’s ertussen (bijvoorbeeld GM0344, GM0014)',
    fundedBy: 'Betaald door',
    handledBy: 'Aanvragen bij',
    route: 'Wie mag aanvragen?',
    scheme: 'Regels voor wie het kan krijgen',
    noScheme: 'Geen regels: een medewerker kijkt',
    amount: 'Bedrag in euro per kind (leeg als het per situatie verschilt)',
    amountKind: 'Soort bedrag',
    kinds: { value: 'Waarde (het kind krijgt dit)', budget: 'Budget (hoogstens dit)' },
    amountPeriod: 'Per',
    periods: {
      calendar_year: 'kalenderjaar',
      school_year: 'schooljaar',
      season: 'seizoen',
      once: 'eenmalig',
    },
    link: 'Webadres met meer informatie (https://…)',
    lastChecked: 'Laatst gecontroleerd op',
    save: 'Opslaan',
    back: 'Terug naar de lijst',
    saved: 'Opgeslagen.',
  },
  en: {
    listTitle: (org: string) => `Provisions of ${org}`,
    add: 'New provision',
    none: 'This organisation has no provisions yet.',
    edit: 'Edit',
    newTitle: 'New provision',
    editTitle: (name: string) => `Edit ${name}`,
    key: 'Key (lower-case letters and hyphens, for example leergeld-utrecht-bike)',
    nameNl: 'Name (Dutch)',
    nameEn: 'Name (English)',
    descriptionNl: 'Explanation in plain Dutch (B1)',
    descriptionEn: 'Explanation in English',
    category: 'Kind of help',
    agesMin: 'From age',
    agesMax: 'Up to and including age',
    where: 'Where is this help offered?',
    nationwide: 'All of the Netherlands',
    municipalities: 'In these municipalities',
    codes: 'Municipality codes, separated by commas (for example GM0344, GM0014)',
    fundedBy: 'Paid for by',
    handledBy: 'Apply to',
    route: 'Who may apply?',
    scheme: 'Rules for who can get it',
    noScheme: 'No rules: a staff member decides',
    amount: 'Amount in euros per child (empty when it depends on the situation)',
    amountKind: 'Kind of amount',
    kinds: { value: 'Value (the child gets this)', budget: 'Budget (at most this)' },
    amountPeriod: 'Per',
    periods: { calendar_year: 'calendar year', school_year: 'school year', season: 'season', once: 'once' },
    link: 'Web address with more information (https://…)',
    lastChecked: 'Last checked on',
    save: 'Save',
    back: 'Back to the list',
    saved: 'Saved.',
  },
};

type Base = { context: PageContext; session: ActiveSession; csrf: string };

export function EditorListPage({
  context,
  session,
  csrf,
  organisation,
  provisions,
  saved,
}: Base & { organisation: { key: string; name: string }; provisions: Provision[]; saved: boolean }) {
  const text = texts[context.locale];
  const base = `/beheer/organisaties/${encodeURIComponent(organisation.key)}/voorzieningen`;
  return (
    <Layout context={context} title={text.listTitle(organisation.name)}>
      <SessionBar context={context} session={session} csrf={csrf} />
      <h1 class="utrecht-heading-1">{text.listTitle(organisation.name)}</h1>
      {saved && <StatusNotice>{text.saved}</StatusNotice>}
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`${base}/nieuw`}>
          {text.add}
        </a>
      </p>
      {provisions.length === 0 && <p class="utrecht-paragraph">{text.none}</p>}
      <ul class="meedoen-results">
        {provisions.map((p) => (
          <li class="meedoen-card" key={p.key}>
            <h2 class="utrecht-heading-3">{p.name[context.locale]}</h2>
            <p class="utrecht-paragraph">
              {categoryLabels[context.locale][p.category]} · {describeAges(p.ages, context.locale)} ·{' '}
              {applicationRouteShort[context.locale][p.applicationRoute]}
            </p>
            <a class="utrecht-link" href={`${base}/${encodeURIComponent(p.key)}/bewerken`}>
              {text.edit}
              <span class="meedoen-visually-hidden">: {p.name[context.locale]}</span>
            </a>
          </li>
        ))}
      </ul>
    </Layout>
  );
}

type FormProps = Base & {
  organisation: { key: string; name: string };
  provisionKey: string | null; // null: a new provision
  fields: ProvisionFormFields;
  errors: FieldError[];
  organisations: { key: string; name: string }[];
  schemeKeys: readonly string[];
};

export function EditorFormPage(props: FormProps) {
  const { context, session, csrf, organisation, provisionKey, fields, errors, organisations, schemeKeys } =
    props;
  const text = texts[context.locale];
  const base = `/beheer/organisaties/${encodeURIComponent(organisation.key)}/voorzieningen`;
  const title = provisionKey ? text.editTitle(fields['name.nl'] || provisionKey) : text.newTitle;
  const errorFor = (field: string) => errors.find((e) => e.field === field);
  const input = (id: string, label: string, type: 'text' | 'date' = 'text') => (
    <FormField id={id} label={label} error={errorFor(id)}>
      {(describedBy, invalid) => (
        <input
          class="utrecht-textbox utrecht-textbox--html-input"
          id={id}
          name={id}
          type={type as 'text'}
          value={fields[id] ?? ''}
          aria-describedby={describedBy}
          aria-invalid={invalid ? 'true' : undefined}
        />
      )}
    </FormField>
  );
  const textarea = (id: string, label: string) => (
    <FormField id={id} label={label} error={errorFor(id)}>
      {(describedBy, invalid) => (
        <textarea
          class="utrecht-textarea meedoen-textarea"
          id={id}
          name={id}
          rows={5}
          aria-describedby={describedBy}
          aria-invalid={invalid ? 'true' : undefined}
        >
          {fields[id] ?? ''}
        </textarea>
      )}
    </FormField>
  );
  const select = (id: string, label: string, options: { value: string; label: string }[]) => (
    <FormField id={id} label={label} error={errorFor(id)}>
      {(describedBy) => (
        <select
          class="utrecht-select utrecht-select--html-select"
          id={id}
          name={id}
          aria-describedby={describedBy}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value} selected={o.value === (fields[id] ?? '')}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
  const orgOptions = organisations.map((o) => ({ value: o.key, label: o.name }));
  return (
    <Layout context={context} title={`${errorTitlePrefix(errors, context.locale)}${title}`}>
      <SessionBar context={context} session={session} csrf={csrf} />
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={base}>
          {text.back}
        </a>
      </p>
      <h1 class="utrecht-heading-1">{title}</h1>
      <ErrorSummary errors={errors} locale={context.locale} />
      <form
        class="meedoen-form"
        method="post"
        action={provisionKey ? `${base}/${encodeURIComponent(provisionKey)}` : base}
        novalidate
      >
        <input type="hidden" name="_csrf" value={csrf} />
        {!provisionKey && input('key', text.key)}
        {input('name.nl', text.nameNl)}
        {input('name.en', text.nameEn)}
        {textarea('description.nl', text.descriptionNl)}
        {textarea('description.en', text.descriptionEn)}
        {select(
          'category',
          text.category,
          categories.map((c) => ({ value: c, label: categoryLabels[context.locale][c] })),
        )}
        {input('ages.min', text.agesMin)}
        {input('ages.max', text.agesMax)}
        <RadioQuestion
          name="offeredIn.where"
          question={text.where}
          headingLevel={2}
          options={[
            { value: 'nationwide', label: text.nationwide },
            { value: 'municipalities', label: text.municipalities },
          ]}
          value={fields['offeredIn.where'] ?? 'municipalities'}
          error={errorFor('offeredIn')}
        />
        {input('offeredIn.codes', text.codes)}
        {select('fundedBy', text.fundedBy, orgOptions)}
        {select('handledBy', text.handledBy, orgOptions)}
        <RadioQuestion
          name="applicationRoute"
          question={text.route}
          headingLevel={2}
          options={applicationRoutes.map((r) => ({
            value: r,
            label: applicationRouteShort[context.locale][r],
          }))}
          value={fields.applicationRoute}
          error={errorFor('applicationRoute')}
        />
        {select('scheme', text.scheme, [
          { value: '', label: text.noScheme },
          ...schemeKeys.map((k) => ({ value: k, label: k })),
        ])}
        {input('amount.euros', text.amount)}
        {select(
          'amount.kind',
          text.amountKind,
          amountKinds.map((k) => ({ value: k, label: text.kinds[k] })),
        )}
        {select(
          'amount.period',
          text.amountPeriod,
          amountPeriods.map((p) => ({ value: p, label: text.periods[p] })),
        )}
        {input('link', text.link)}
        {input('lastChecked', text.lastChecked, 'date')}
        <button class="utrecht-button utrecht-button--primary-action" type="submit">
          {text.save}
        </button>
      </form>
    </Layout>
  );
}
