import type { Locale } from '../platform/i18n.ts';
import { rowMessage } from './messages.ts';
import { pageMessages } from './page-messages.ts';
import type { ImportRun, RejectedRow } from './runs.ts';
import { messageLists } from './validate-row.ts';

/** A run's counts, and its validation report: one table row per wrong field, by line and column. */
export function Counts({ run, locale }: { run: ImportRun; locale: Locale }) {
  const text = pageMessages[locale].counts;
  const rows: [string, number][] = [
    [text.rowsRead, run.rowsRead],
    [text.imported, run.imported],
    [text.duplicates, run.duplicates],
    [text.invalid, run.invalid],
  ];
  return (
    <dl class="meedoen-facts">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value.toLocaleString(locale === 'nl' ? 'nl-NL' : 'en-GB')}</dd>
        </div>
      ))}
    </dl>
  );
}

export function Report({
  rejects,
  locale,
  nextPage,
}: {
  rejects: RejectedRow[];
  locale: Locale;
  nextPage: string | null;
}) {
  const text = pageMessages[locale];
  return (
    <>
      <div
        class="utrecht-table-container meedoen-table-scroll"
        tabIndex={0}
        role="region"
        aria-labelledby="fouten"
      >
        <table class="utrecht-table utrecht-table--html-table">
          <caption class="utrecht-table__caption" id="fouten">
            {text.reportCaption}
          </caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">
                {text.line}
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                {text.field}
              </th>
              <th class="utrecht-table__header-cell" scope="col">
                {text.message}
              </th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {rejects.flatMap((reject) =>
              reject.issues.map((issue) => (
                <tr class="utrecht-table__row" key={`${reject.line}-${issue.field}`}>
                  <td class="utrecht-table__cell utrecht-table__cell--numeric">{reject.line}</td>
                  <td class="utrecht-table__cell">
                    <code>{issue.field}</code>
                  </td>
                  <td class="utrecht-table__cell">{rowMessage(issue.code, locale, messageLists)}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      </div>
      {nextPage && (
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href={nextPage}>
            {text.more}
          </a>
        </p>
      )}
    </>
  );
}
