import type { ComponentChildren } from 'preact';
import { roleLabels, SessionBar, type ActiveSession } from '../identity/index.ts';
import type { Locale } from '../platform/i18n.ts';
import {
  NO_SUBJECT,
  type ProcessingAbout,
  type ProcessingActivity,
  type ProcessingRecord,
} from '../platform/processing-log/index.ts';
import type { FieldError } from '../platform/validation.ts';
import { ErrorSummary, errorTitlePrefix, FormField, textInput } from '../platform/views/forms.tsx';
import { Layout, type PageContext } from '../platform/views/layout.tsx';
import { searchQuery, type LogSearch } from './filter.ts';
import { privacyMessages } from './messages.ts';

export const SEARCH_PATH = '/beheer/verwerkingen';
export const EXPORT_PATH = '/beheer/verwerkingen/export.csv';
export const SUBJECT_PATH = '/beheer/verwerkingen/betrokkene';

const dateTime = {
  nl: new Intl.DateTimeFormat('nl-NL', {
    dateStyle: 'short',
    timeStyle: 'medium',
    timeZone: 'Europe/Amsterdam',
  }),
  en: new Intl.DateTimeFormat('en-GB', {
    dateStyle: 'short',
    timeStyle: 'medium',
    timeZone: 'Europe/Amsterdam',
  }),
};

type StaffPage = { context: PageContext; session: ActiveSession; csrf: string };

const fieldError = (errors: FieldError[], field: string) => errors.find((e) => e.field === field);

function roleLabel(role: string, locale: Locale): string {
  return (roleLabels[locale] as Record<string, string>)[role] ?? role;
}

function actionLabel(action: string, locale: Locale): string {
  return (privacyMessages[locale].actions as Record<string, string>)[action] ?? action;
}

function kindLabel(kind: string, locale: Locale): string {
  return privacyMessages[locale].subjectKinds[kind] ?? kind;
}

/** A table that scrolls sideways on a phone rather than the page; the region can be reached by keyboard. */
function ScrollingTable({
  caption,
  headers,
  children,
}: {
  caption: string;
  headers: string[];
  children: ComponentChildren;
}) {
  return (
    <div class="utrecht-table-container meedoen-table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table class="utrecht-table utrecht-table--html-table">
        <caption class="utrecht-table__caption">{caption}</caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            {headers.map((header) => (
              <th class="utrecht-table__header-cell" scope="col" key={header}>
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="utrecht-table__body">{children}</tbody>
      </table>
    </div>
  );
}

type SearchPageProps = StaffPage & {
  activities: ProcessingActivity[];
  /** What the form shows: the valid search, or what was typed when it had errors. */
  values: Partial<Record<keyof LogSearch, string>>;
  errors?: FieldError[];
  results?: { search: LogSearch; page: number; pageSize: number; total: number; records: ProcessingRecord[] };
};

/** The privacy officer's search of the processing log: a filter, one page of records, and the export. */
export function SearchPage({
  context,
  session,
  csrf,
  activities,
  values,
  errors = [],
  results,
}: SearchPageProps) {
  const { locale } = context;
  const text = privacyMessages[locale];
  return (
    <Layout context={context} title={`${errorTitlePrefix(errors, locale)}${text.searchTitle}`}>
      <SessionBar context={context} session={session} csrf={csrf} />
      <h1 class="utrecht-heading-1">{text.searchTitle}</h1>
      <p class="utrecht-paragraph">{text.searchIntro}</p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={SUBJECT_PATH}>
          {text.toSubjectPage}
        </a>
      </p>
      <ErrorSummary errors={errors} locale={locale} />
      <form class="meedoen-form" method="get" action={SEARCH_PATH} aria-labelledby="filter-titel" novalidate>
        <h2 id="filter-titel" class="utrecht-heading-2">
          {text.filterTitle}
        </h2>
        <FormField id="activity" label={text.activity} error={fieldError(errors, 'activity')}>
          {(describedBy, invalid) => (
            <select
              class="utrecht-select utrecht-select--html-select"
              id="activity"
              name="activity"
              aria-describedby={describedBy}
              aria-invalid={invalid ? 'true' : undefined}
            >
              <option value="">{text.allActivities}</option>
              {activities.map((activity) => (
                <option
                  key={activity.code}
                  value={activity.code}
                  selected={activity.code === values.activity}
                >
                  {`${activity.code}: ${activity.purpose[locale]}`}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField id="from" label={text.from} error={fieldError(errors, 'from')}>
          {textInput({ id: 'from', type: 'date', value: values.from, spellcheck: false })}
        </FormField>
        <FormField id="to" label={text.to} error={fieldError(errors, 'to')}>
          {textInput({ id: 'to', type: 'date', value: values.to, spellcheck: false })}
        </FormField>
        <FormField id="actor" label={text.actor} hint={text.actorHint} error={fieldError(errors, 'actor')}>
          {textInput({ id: 'actor', value: values.actor, spellcheck: false })}
        </FormField>
        <FormField
          id="subject"
          label={text.subject}
          hint={text.subjectHint}
          error={fieldError(errors, 'subject')}
        >
          {textInput({ id: 'subject', value: values.subject, spellcheck: false })}
        </FormField>
        <button class="utrecht-button utrecht-button--primary-action" type="submit">
          {text.search}
        </button>
      </form>
      {results && <SearchResults locale={locale} results={results} />}
    </Layout>
  );
}

function SearchResults({
  locale,
  results,
}: {
  locale: Locale;
  results: NonNullable<SearchPageProps['results']>;
}) {
  const text = privacyMessages[locale];
  const columns = text.columns;
  const { search, page, pageSize, total, records } = results;
  if (records.length === 0) return <p class="utrecht-paragraph">{text.noResults}</p>;
  const first = (page - 1) * pageSize + 1;
  const last = first + records.length - 1;
  const caption = text.resultsCaption(first, last, total);
  return (
    <section aria-labelledby="resultaten-titel">
      <h2 class="utrecht-heading-2" id="resultaten-titel">
        {text.resultsTitle}
      </h2>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`${EXPORT_PATH}${searchQuery(search)}`} download>
          {text.exportCsv}
        </a>
        <br />
        <span class="meedoen-hint">{text.exportHint}</span>
      </p>
      <ScrollingTable
        caption={caption}
        headers={[
          columns.at,
          columns.activity,
          columns.action,
          columns.actor,
          columns.role,
          columns.organisation,
          columns.subject,
          columns.trace,
        ]}
      >
        {records.map((record) => (
          <tr class="utrecht-table__row" key={record.id}>
            <td class="utrecht-table__cell">{dateTime[locale].format(record.at)}</td>
            <td class="utrecht-table__cell">{record.activity}</td>
            <td class="utrecht-table__cell">{actionLabel(record.action, locale)}</td>
            <td class="utrecht-table__cell">{record.actor.personId ?? text.none}</td>
            <td class="utrecht-table__cell">{roleLabel(record.actor.role, locale)}</td>
            <td class="utrecht-table__cell">{record.actor.organisation ?? text.none}</td>
            <td class="utrecht-table__cell">
              {record.subjectPseudonym === NO_SUBJECT.pseudonym ? (
                text.none
              ) : (
                <code>{record.subjectPseudonym}</code>
              )}
            </td>
            <td class="utrecht-table__cell">
              <code>{record.traceId}</code>
            </td>
          </tr>
        ))}
      </ScrollingTable>
      {total > pageSize && (
        <nav aria-label={text.pagination}>
          <ul class="meedoen-buttons utrecht-unordered-list">
            {page > 1 && (
              <li>
                <a
                  class="utrecht-link"
                  rel="prev"
                  href={`${SEARCH_PATH}${searchQuery(search, page > 2 ? { page: String(page - 1) } : {})}`}
                >
                  {text.previous}
                </a>
              </li>
            )}
            {last < total && (
              <li>
                <a
                  class="utrecht-link"
                  rel="next"
                  href={`${SEARCH_PATH}${searchQuery(search, { page: String(page + 1) })}`}
                >
                  {text.next}
                </a>
              </li>
            )}
          </ul>
        </nav>
      )}
    </section>
  );
}

type SubjectPageProps = StaffPage & {
  kinds: string[];
  values?: { kind?: string; identifier?: string };
  errors?: FieldError[];
  /** The answer; the identifier it was asked for is never part of it. */
  processings?: ProcessingAbout[];
};

/** Answering a data subject's request (AVG art. 15): every processing about one person, with why. */
export function SubjectPage({
  context,
  session,
  csrf,
  kinds,
  values = {},
  errors = [],
  processings,
}: SubjectPageProps) {
  const { locale } = context;
  const text = privacyMessages[locale];
  const columns = text.columns;
  const title = processings ? text.aboutTitle : text.subjectTitle;
  return (
    <Layout context={context} title={`${errorTitlePrefix(errors, locale)}${title}`}>
      <SessionBar context={context} session={session} csrf={csrf} />
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={SEARCH_PATH}>
          {text.toSearchPage}
        </a>
      </p>
      <h1 class="utrecht-heading-1">{text.subjectTitle}</h1>
      <p class="utrecht-paragraph">{text.subjectIntro}</p>
      <ErrorSummary errors={errors} locale={locale} />
      {kinds.length === 0 ? (
        <p class="utrecht-paragraph">{text.noKinds}</p>
      ) : (
        <form class="meedoen-form" method="post" action={SUBJECT_PATH} novalidate>
          <input type="hidden" name="_csrf" value={csrf} />
          <FormField id="kind" label={text.subjectKind} error={fieldError(errors, 'kind')}>
            {(describedBy, invalid) => (
              <select
                class="utrecht-select utrecht-select--html-select"
                id="kind"
                name="kind"
                aria-describedby={describedBy}
                aria-invalid={invalid ? 'true' : undefined}
              >
                {kinds.map((kind) => (
                  <option key={kind} value={kind} selected={kind === values.kind}>
                    {kindLabel(kind, locale)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField
            id="identifier"
            label={text.identifier}
            hint={text.identifierHint}
            error={fieldError(errors, 'identifier')}
          >
            {textInput({ id: 'identifier', value: values.identifier, spellcheck: false })}
          </FormField>
          <button class="utrecht-button utrecht-button--primary-action" type="submit">
            {text.showProcessings}
          </button>
        </form>
      )}
      {processings && (
        <section aria-labelledby="antwoord-titel">
          <h2 class="utrecht-heading-2" id="antwoord-titel">
            {text.aboutTitle}
          </h2>
          {processings.length === 0 ? (
            <p class="utrecht-paragraph">{text.aboutNone}</p>
          ) : (
            <>
              <p class="utrecht-paragraph">{text.aboutNotice}</p>
              <ScrollingTable
                caption={text.aboutCaption(processings.length)}
                headers={[
                  columns.at,
                  columns.activity,
                  columns.purpose,
                  columns.legalBasis,
                  columns.action,
                  columns.role,
                  columns.organisation,
                ]}
              >
                {processings.map((processing, index) => (
                  <tr class="utrecht-table__row" key={index}>
                    <td class="utrecht-table__cell">{dateTime[locale].format(processing.at)}</td>
                    <td class="utrecht-table__cell">{processing.activity}</td>
                    <td class="utrecht-table__cell">{processing.purpose?.[locale] ?? text.notInRegister}</td>
                    <td class="utrecht-table__cell">
                      {processing.legalBasis?.[locale] ?? text.notInRegister}
                    </td>
                    <td class="utrecht-table__cell">{actionLabel(processing.action, locale)}</td>
                    <td class="utrecht-table__cell">{roleLabel(processing.role, locale)}</td>
                    <td class="utrecht-table__cell">{processing.organisation ?? text.none}</td>
                  </tr>
                ))}
              </ScrollingTable>
            </>
          )}
        </section>
      )}
    </Layout>
  );
}
