import { SessionBar, type ActiveSession } from '../identity/index.ts';
import type { Locale } from '../platform/i18n.ts';
import type { FieldError } from '../platform/validation.ts';
import { ErrorSummary, errorTitlePrefix, FormField } from '../platform/views/forms.tsx';
import { Layout, type PageContext } from '../platform/views/layout.tsx';
import { handlingMessages } from './handling-messages.ts';
import { queuePath, itemPath } from './handling-paths.ts';
import { daysSince, QUEUE_PAGE_SIZE, queueQueryString, type QueueFilter } from './handling-queue.ts';
import type { Queue } from './handling-store.ts';
import { statusLabels } from './intermediary-messages.ts';
import { itemStatuses } from './schema.ts';

export type HandlingBase = {
  context: PageContext;
  session: ActiveSession;
  csrf: string;
  organisation: { key: string; name: string };
};

const dates = {
  nl: new Intl.DateTimeFormat('nl-NL', { dateStyle: 'medium', timeZone: 'Europe/Amsterdam' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'Europe/Amsterdam' }),
};
export const shortDate = (at: Date, locale: Locale) => dates[locale].format(at);

function Select(props: {
  id: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
}) {
  return (
    <FormField id={props.id} label={props.label}>
      {(describedBy) => (
        <select
          class="utrecht-select utrecht-select--html-select"
          id={props.id}
          name={props.id}
          aria-describedby={describedBy}
        >
          {props.options.map((o) => (
            <option key={o.value} value={o.value} selected={o.value === props.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}

function Filters({
  locale,
  action,
  filter,
  queue,
  olderThanText,
  errors,
}: {
  locale: Locale;
  action: string;
  filter: QueueFilter;
  queue: Queue;
  olderThanText: string;
  errors: FieldError[];
}) {
  const text = handlingMessages[locale];
  const labels = statusLabels[locale];
  return (
    <form class="meedoen-form meedoen-filters" method="get" action={action} aria-labelledby="filter-titel">
      <h2 id="filter-titel" class="meedoen-visually-hidden">
        {text.filters}
      </h2>
      <Select
        id="status"
        label={text.status}
        value={filter.status}
        options={[
          { value: 'open', label: text.open },
          ...itemStatuses.map((s) => ({ value: s, label: labels[s] })),
          { value: 'all', label: text.all },
        ]}
      />
      <Select
        id="voorziening"
        label={text.provision}
        value={filter.provision ?? ''}
        options={[
          { value: '', label: text.anyProvision },
          ...queue.provisions.map((p) => ({ value: p.key, label: p.name[locale] })),
        ]}
      />
      <Select
        id="gemeente"
        label={text.municipality}
        value={filter.municipality ?? ''}
        options={[
          { value: '', label: text.anyMunicipality },
          ...queue.municipalities.map((m) => ({ value: m.code, label: m.name })),
        ]}
      />
      <FormField
        id="ouder-dan"
        label={text.olderThan}
        hint={text.olderThanHint}
        error={errors.find((e) => e.field === 'ouder-dan')}
      >
        {(describedBy, invalid) => (
          <input
            class="utrecht-textbox utrecht-textbox--html-input"
            id="ouder-dan"
            name="ouder-dan"
            type="text"
            inputMode="numeric"
            autocomplete="off"
            value={olderThanText}
            aria-describedby={describedBy}
            aria-invalid={invalid ? 'true' : undefined}
          />
        )}
      </FormField>
      <Select
        id="volgorde"
        label={text.order}
        value={filter.order}
        options={[
          { value: 'oldest', label: text.oldestFirst },
          { value: 'newest', label: text.newestFirst },
        ]}
      />
      <button class="utrecht-button utrecht-button--primary-action" type="submit">
        {text.filter}
      </button>
    </form>
  );
}

function StatusCounts({
  locale,
  queue,
  base,
  filter,
}: {
  locale: Locale;
  queue: Queue;
  base: string;
  filter: QueueFilter;
}) {
  const text = handlingMessages[locale];
  const labels = statusLabels[locale];
  return (
    <div
      class="utrecht-table-container meedoen-table-scroll"
      tabIndex={0}
      role="region"
      aria-labelledby="tellingen"
    >
      <table class="utrecht-table utrecht-table--html-table">
        <caption class="utrecht-table__caption" id="tellingen">
          {text.countsCaption}
        </caption>
        <thead class="utrecht-table__header">
          <tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="col">
              {text.status}
            </th>
            <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">
              {text.count}
            </th>
          </tr>
        </thead>
        <tbody class="utrecht-table__body">
          {itemStatuses.map((status) => (
            <tr class="utrecht-table__row" key={status}>
              <th class="utrecht-table__header-cell" scope="row">
                <a class="utrecht-link" href={`${base}${queueQueryString({ ...filter, status, page: 1 })}`}>
                  {labels[status]}
                </a>
              </th>
              <td class="utrecht-table__cell utrecht-table__cell--numeric">{queue.counts[status] ?? 0}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The organisation's work list. It shows no child's data on purpose: a reference, a provision, a
 * municipality, a status and an age are enough to choose what to open, and opening is what gets logged.
 */
export function QueuePage({
  context,
  session,
  csrf,
  organisation,
  queue,
  filter,
  olderThanText,
  errors,
  now,
}: HandlingBase & {
  queue: Queue;
  filter: QueueFilter;
  olderThanText: string;
  errors: FieldError[];
  now: Date;
}) {
  const { locale } = context;
  const text = handlingMessages[locale];
  const labels = statusLabels[locale];
  const base = queuePath(organisation.key);
  const pages = Math.max(1, Math.ceil(queue.total / QUEUE_PAGE_SIZE));
  const first = (filter.page - 1) * QUEUE_PAGE_SIZE;
  const range = queue.rows.length === 0 ? '0' : `${first + 1}–${first + queue.rows.length}`;
  return (
    <Layout context={context} title={`${errorTitlePrefix(errors, locale)}${text.queueTitle}`}>
      <SessionBar context={context} session={session} csrf={csrf} />
      <h1 class="utrecht-heading-1">{text.queueTitle}</h1>
      <p class="utrecht-paragraph">{text.queueIntro(organisation.name)}</p>
      <p class="utrecht-paragraph">{text.privacyNote}</p>
      <ErrorSummary errors={errors} locale={locale} />
      <Filters
        locale={locale}
        action={base}
        filter={filter}
        queue={queue}
        olderThanText={olderThanText}
        errors={errors}
      />
      <h2 class="utrecht-heading-2">{text.countsTitle}</h2>
      <StatusCounts locale={locale} queue={queue} base={base} filter={filter} />
      <h2 class="utrecht-heading-2" id="lijst">
        {text.listTitle(range, queue.total)}
      </h2>
      {queue.rows.length === 0 ? (
        <p class="utrecht-paragraph">{text.none}</p>
      ) : (
        <div
          class="utrecht-table-container meedoen-table-scroll"
          tabIndex={0}
          role="region"
          aria-labelledby="lijst"
        >
          <table class="utrecht-table utrecht-table--html-table">
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="col">
                  {text.reference}
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  {text.provision}
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  {text.municipality}
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  {text.status}
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  {text.received}
                </th>
                <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">
                  {text.age}
                </th>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              {queue.rows.map((row) => (
                <tr class="utrecht-table__row" key={row.id}>
                  <th class="utrecht-table__header-cell" scope="row">
                    <a class="utrecht-link" href={itemPath(organisation.key, row.id)}>
                      {row.reference}
                      <span class="meedoen-visually-hidden">, {row.provisionName[locale]}</span>
                    </a>
                  </th>
                  <td class="utrecht-table__cell">{row.provisionName[locale]}</td>
                  <td class="utrecht-table__cell">{row.municipalityName}</td>
                  <td class="utrecht-table__cell">{labels[row.status]}</td>
                  <td class="utrecht-table__cell">{shortDate(row.submittedAt, locale)}</td>
                  <td class="utrecht-table__cell utrecht-table__cell--numeric">
                    {text.days(daysSince(row.submittedAt, now))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 && (
        <nav aria-label={text.pages}>
          <p class="utrecht-paragraph">{text.page(filter.page, pages)}</p>
          <ul class="meedoen-buttons utrecht-unordered-list">
            {filter.page > 1 && (
              <li>
                <a class="utrecht-link" href={`${base}${queueQueryString(filter, filter.page - 1)}`}>
                  {text.previous}
                </a>
              </li>
            )}
            {filter.page < pages && (
              <li>
                <a class="utrecht-link" href={`${base}${queueQueryString(filter, filter.page + 1)}`}>
                  {text.next}
                </a>
              </li>
            )}
          </ul>
        </nav>
      )}
    </Layout>
  );
}
