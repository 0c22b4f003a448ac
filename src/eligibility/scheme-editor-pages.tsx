import type { ActiveSession } from '../identity/index.ts';
import { SessionBar } from '../identity/index.ts';
import { formatIsoDate, type Locale } from '../platform/i18n.ts';
import type { FieldError } from '../platform/validation.ts';
import {
  ErrorSummary,
  errorTitlePrefix,
  FormField,
  RadioQuestion,
  textInput,
} from '../platform/views/forms.tsx';
import { Layout, type PageContext } from '../platform/views/layout.tsx';
import { inForce, type SchemeVersion } from './parameters.ts';
import type { SchemeFormFields } from './scheme-form.ts';
import type { StoredScheme } from './scheme-store.ts';
import { StatusNotice } from '../platform/views/notice.tsx';

const texts = {
  nl: {
    listTitle: (org: string) => `Regelingen van ${org}`,
    intro:
      'Een regeling zegt wie een voorziening kan krijgen. Een wijziging wordt een nieuwe versie vanaf een datum; eerdere versies blijven bewaard, zodat elke uitkomst uit te leggen blijft.',
    add: 'Nieuwe regeling',
    none: 'Deze organisatie heeft nog geen eigen regelingen.',
    open: 'Versies bekijken en toevoegen',
    inForceToday: 'Geldt vandaag',
    notYet: 'Geldt nog niet',
    back: 'Terug naar de regelingen',
    newTitle: 'Nieuwe regeling',
    key: 'Sleutel (kleine letters en streepjes, bijvoorbeeld utrecht-minimaregelingen)',
    nameNl: 'Naam (Nederlands)',
    nameEn: 'Naam (Engels)',
    municipality: 'Gemeentecode van het CBS (leeg als de regeling niet bij één gemeente hoort)',
    firstVersion: 'De regels vanaf de eerste dag',
    newVersion: 'Nieuwe versie toevoegen',
    newVersionIntro: 'Een nieuwe versie geldt vanaf een datum na de laatste versie, vandaag of later.',
    versions: 'Versies',
    validFrom: 'Geldt vanaf (jjjj-mm-dd)',
    incomeTest: 'Is er een inkomensgrens?',
    incomeNone: 'Nee, de hulpverlener staat in voor de situatie',
    incomePercent: 'Ja, een percentage van de bijstandsnorm',
    percent: 'Percentage van de bijstandsnorm (bijvoorbeeld 120)',
    holidayAllowance: 'Telt het vakantiegeld mee?',
    included: 'Ja, de norm met vakantiegeld',
    excluded: 'Nee, de norm zonder vakantiegeld',
    assetTest: 'Wordt het vermogen getoetst?',
    yes: 'Ja',
    no: 'Nee',
    source: 'Bron (besluit, beleidsregel of webpagina)',
    save: 'Opslaan',
    saved: 'Opgeslagen.',
    version: (n: number) => `Versie ${n}`,
    from: (date: string) => `vanaf ${date}`,
    describeIncome: (v: SchemeVersion) =>
      v.incomeTest.kind === 'none'
        ? 'Geen inkomensgrens'
        : `Inkomen tot ${String(v.incomeTest.percent).replace('.', ',')}% van de bijstandsnorm (${v.incomeTest.holidayAllowance === 'included' ? 'met' : 'zonder'} vakantiegeld)`,
    describeAssets: (v: SchemeVersion) => (v.assetTest ? 'Vermogen wordt getoetst' : 'Geen vermogenstoets'),
    sourceLabel: 'Bron',
    example: 'Voorbeeld',
  },
  en: {
    listTitle: (org: string) => `Schemes of ${org}`,
    intro:
      'A scheme says who can get a provision. A change becomes a new version from a date; earlier versions are kept, so every outcome stays explainable.',
    add: 'New scheme',
    none: 'This organisation has no schemes of its own yet.',
    open: 'View and add versions',
    inForceToday: 'Applies today',
    notYet: 'Does not apply yet',
    back: 'Back to the schemes',
    newTitle: 'New scheme',
    key: 'Key (lower-case letters and hyphens, for example utrecht-minimaregelingen)',
    nameNl: 'Name (Dutch)',
    nameEn: 'Name (English)',
    municipality: 'CBS municipality code (empty when the scheme does not belong to one municipality)',
    firstVersion: 'The rules from the first day',
    newVersion: 'Add a new version',
    newVersionIntro: 'A new version applies from a date after the latest version, today or later.',
    versions: 'Versions',
    validFrom: 'Applies from (yyyy-mm-dd)',
    incomeTest: 'Is there an income limit?',
    incomeNone: 'No, the intermediary vouches for the situation',
    incomePercent: 'Yes, a percentage of the social assistance norm',
    percent: 'Percentage of the social assistance norm (for example 120)',
    holidayAllowance: 'Does the holiday allowance count?',
    included: 'Yes, the norm including holiday allowance',
    excluded: 'No, the norm without holiday allowance',
    assetTest: 'Are assets tested?',
    yes: 'Yes',
    no: 'No',
    source: 'Source (decision, policy rule or web page)',
    save: 'Save',
    saved: 'Saved.',
    version: (n: number) => `Version ${n}`,
    from: (date: string) => `from ${date}`,
    describeIncome: (v: SchemeVersion) =>
      v.incomeTest.kind === 'none'
        ? 'No income limit'
        : `Income up to ${v.incomeTest.percent}% of the social assistance norm (${v.incomeTest.holidayAllowance === 'included' ? 'including' : 'excluding'} holiday allowance)`,
    describeAssets: (v: SchemeVersion) => (v.assetTest ? 'Assets are tested' : 'No asset test'),
    sourceLabel: 'Source',
    example: 'Example',
  },
};

type Base = { context: PageContext; session: ActiveSession; csrf: string };
type Organisation = { key: string; name: string };

export const schemesPath = (organisation: string) =>
  `/beheer/organisaties/${encodeURIComponent(organisation)}/regelingen`;

function Saved({ locale }: { locale: Locale }) {
  return <StatusNotice>{texts[locale].saved}</StatusNotice>;
}

export function SchemeListPage({
  context,
  session,
  csrf,
  organisation,
  schemes,
  today,
  saved,
}: Base & { organisation: Organisation; schemes: StoredScheme[]; today: string; saved: boolean }) {
  const text = texts[context.locale];
  const base = schemesPath(organisation.key);
  return (
    <Layout context={context} title={text.listTitle(organisation.name)}>
      <SessionBar context={context} session={session} csrf={csrf} />
      <h1 class="utrecht-heading-1">{text.listTitle(organisation.name)}</h1>
      {saved && <Saved locale={context.locale} />}
      <p class="utrecht-paragraph">{text.intro}</p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`${base}/nieuw`}>
          {text.add}
        </a>
      </p>
      {schemes.length === 0 ? (
        <p class="utrecht-paragraph">{text.none}</p>
      ) : (
        <ul class="meedoen-results">
          {schemes.map((scheme) => {
            const current = inForce(scheme.versions, today);
            return (
              <li class="meedoen-card" key={scheme.key}>
                <h2 class="utrecht-heading-3">
                  {scheme.name[context.locale]}
                  {scheme.isExample && ` (${text.example})`}
                </h2>
                <p class="utrecht-paragraph">
                  {current
                    ? `${text.inForceToday}: ${text.version(current.version)} · ${text.describeIncome(current)}`
                    : text.notYet}
                </p>
                <a class="utrecht-link" href={`${base}/${encodeURIComponent(scheme.key)}`}>
                  {text.open}
                  <span class="meedoen-visually-hidden">: {scheme.name[context.locale]}</span>
                </a>
              </li>
            );
          })}
        </ul>
      )}
    </Layout>
  );
}

/** The fields of one version, the same for a new scheme's first version and for a later one. */
function VersionFields({
  locale,
  fields,
  errors,
}: {
  locale: Locale;
  fields: SchemeFormFields;
  errors: FieldError[];
}) {
  const text = texts[locale];
  const errorFor = (field: string) => errors.find((e) => e.field === field);
  return (
    <>
      <FormField id="validFrom" label={text.validFrom} error={errorFor('validFrom')}>
        {textInput({ id: 'validFrom', type: 'date', value: fields.validFrom })}
      </FormField>
      <RadioQuestion
        name="incomeTest"
        question={text.incomeTest}
        headingLevel={2}
        options={[
          { value: 'percent_of_norm', label: text.incomePercent },
          { value: 'none', label: text.incomeNone },
        ]}
        value={fields.incomeTest}
        error={errorFor('incomeTest')}
      />
      <FormField id="percent" label={text.percent} error={errorFor('percent')}>
        {textInput({ id: 'percent', inputMode: 'decimal', value: fields.percent })}
      </FormField>
      <RadioQuestion
        name="holidayAllowance"
        question={text.holidayAllowance}
        headingLevel={2}
        options={[
          { value: 'included', label: text.included },
          { value: 'excluded', label: text.excluded },
        ]}
        value={fields.holidayAllowance}
        error={errorFor('holidayAllowance')}
      />
      <RadioQuestion
        name="assetTest"
        question={text.assetTest}
        headingLevel={2}
        options={[
          { value: 'yes', label: text.yes },
          { value: 'no', label: text.no },
        ]}
        value={fields.assetTest}
        error={errorFor('assetTest')}
      />
      <FormField id="source" label={text.source} error={errorFor('source')}>
        {textInput({ id: 'source', value: fields.source })}
      </FormField>
    </>
  );
}

type FormProps = Base & { organisation: Organisation; fields: SchemeFormFields; errors: FieldError[] };

export function NewSchemePage({ context, session, csrf, organisation, fields, errors }: FormProps) {
  const text = texts[context.locale];
  const errorFor = (field: string) => errors.find((e) => e.field === field);
  const base = schemesPath(organisation.key);
  return (
    <Layout context={context} title={`${errorTitlePrefix(errors, context.locale)}${text.newTitle}`}>
      <SessionBar context={context} session={session} csrf={csrf} />
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={base}>
          {text.back}
        </a>
      </p>
      <h1 class="utrecht-heading-1">{text.newTitle}</h1>
      <ErrorSummary errors={errors} locale={context.locale} />
      <form class="meedoen-form" method="post" action={base} novalidate>
        <input type="hidden" name="_csrf" value={csrf} />
        <FormField id="key" label={text.key} error={errorFor('key')}>
          {textInput({ id: 'key', value: fields.key, spellcheck: false })}
        </FormField>
        <FormField id="name.nl" label={text.nameNl} error={errorFor('name.nl')}>
          {textInput({ id: 'name.nl', value: fields['name.nl'] })}
        </FormField>
        <FormField id="name.en" label={text.nameEn} error={errorFor('name.en')}>
          {textInput({ id: 'name.en', value: fields['name.en'] })}
        </FormField>
        <FormField id="municipality" label={text.municipality} error={errorFor('municipality')}>
          {textInput({ id: 'municipality', value: fields.municipality, spellcheck: false })}
        </FormField>
        <h2 class="utrecht-heading-2">{text.firstVersion}</h2>
        <VersionFields locale={context.locale} fields={fields} errors={errors} />
        <button class="utrecht-button utrecht-button--primary-action" type="submit">
          {text.save}
        </button>
      </form>
    </Layout>
  );
}

export function SchemePage({
  context,
  session,
  csrf,
  organisation,
  scheme,
  fields,
  errors,
  saved,
}: FormProps & { scheme: StoredScheme; saved: boolean }) {
  const text = texts[context.locale];
  const base = schemesPath(organisation.key);
  const title = scheme.name[context.locale];
  return (
    <Layout context={context} title={`${errorTitlePrefix(errors, context.locale)}${title}`}>
      <SessionBar context={context} session={session} csrf={csrf} />
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={base}>
          {text.back}
        </a>
      </p>
      <h1 class="utrecht-heading-1">{title}</h1>
      {saved && <Saved locale={context.locale} />}
      <h2 class="utrecht-heading-2">{text.versions}</h2>
      <ol class="meedoen-results">
        {[...scheme.versions].reverse().map((version) => (
          <li class="meedoen-card" key={version.version}>
            <h3 class="utrecht-heading-3">
              {text.version(version.version)}, {text.from(formatIsoDate(version.validFrom, context.locale))}
            </h3>
            <ul class="utrecht-unordered-list">
              <li>{text.describeIncome(version)}</li>
              <li>{text.describeAssets(version)}</li>
              <li>
                {text.sourceLabel}: {version.source}
              </li>
            </ul>
          </li>
        ))}
      </ol>
      <h2 class="utrecht-heading-2" id="nieuwe-versie">
        {text.newVersion}
      </h2>
      <p class="utrecht-paragraph">{text.newVersionIntro}</p>
      <ErrorSummary errors={errors} locale={context.locale} />
      <form
        class="meedoen-form"
        method="post"
        action={`${base}/${encodeURIComponent(scheme.key)}/versies`}
        novalidate
      >
        <input type="hidden" name="_csrf" value={csrf} />
        <VersionFields locale={context.locale} fields={fields} errors={errors} />
        <button class="utrecht-button utrecht-button--primary-action" type="submit">
          {text.save}
        </button>
      </form>
    </Layout>
  );
}
