import type { ComponentChildren } from 'preact';
import type { Locale } from '../i18n.ts';
import { cellText, isMissing, type DataTable } from '../export/table.ts';

/**
 * The chart's companion: the same numbers as a table, with withheld values as their reason, the credit
 * line and notes under it. Scrolls sideways on its own on a narrow screen (the page never does), and can
 * be reached with the keyboard to scroll it.
 */
export function DataTableView({
  id,
  table,
  locale,
  rowHeader,
}: {
  id: string;
  table: DataTable;
  locale: Locale;
  /** The column whose cell names the row (read out before each value); usually the first. */
  rowHeader?: string;
}) {
  return (
    <DataTableFrame id={id} table={table}>
      <thead class="utrecht-table__header">
        <tr class="utrecht-table__row">
          {table.columns.map((column) => (
            <th key={column.key} scope="col" class={columnHeaderClass(column)}>
              {column.label}
            </th>
          ))}
        </tr>
      </thead>
      <DataTableBody table={table} locale={locale} rowHeader={rowHeader} />
    </DataTableFrame>
  );
}

/**
 * What every data table shares, so a variant (such as one sorted by links) keeps the same scrolling,
 * caption and credit line: the head of the table is the caller's; `lead` stands above the table.
 */
export function DataTableFrame(props: {
  id: string;
  table: DataTable;
  lead?: ComponentChildren;
  describedBy?: string;
  children: ComponentChildren;
}) {
  const { id, table } = props;
  return (
    <div class="meedoen-data-table">
      {props.lead}
      <div
        class="utrecht-table-container meedoen-table-scroll"
        tabIndex={0}
        role="region"
        aria-labelledby={`${id}-caption`}
      >
        <table class="utrecht-table utrecht-table--html-table" id={id} aria-describedby={props.describedBy}>
          <caption class="utrecht-table__caption" id={`${id}-caption`}>
            {table.title}
          </caption>
          {props.children}
        </table>
      </div>
      <p class="utrecht-paragraph meedoen-source">{table.source}</p>
      {(table.notes ?? []).map((note) => (
        <p class="utrecht-paragraph meedoen-source" key={note}>
          {note}
        </p>
      ))}
    </div>
  );
}

export const columnHeaderClass = (column: DataTable['columns'][number]) =>
  `utrecht-table__header-cell${column.kind === 'number' ? ' utrecht-table__header-cell--numeric-data' : ''}`;

/** The rows; with `rowHref` the cell that names a row links to that row's own page. */
export function DataTableBody(props: {
  table: DataTable;
  locale: Locale;
  rowHeader?: string;
  rowHref?: (row: DataTable['rows'][number]) => string;
}) {
  const { table, locale, rowHref } = props;
  const header = props.rowHeader ?? table.columns[0]?.key;
  return (
    <tbody class="utrecht-table__body">
      {table.rows.map((row, index) => (
        <tr class="utrecht-table__row" key={index}>
          {table.columns.map((column) => {
            const cell = row[column.key];
            const numeric = column.kind === 'number' && typeof cell === 'number';
            const classes = [
              'utrecht-table__cell',
              numeric ? 'utrecht-table__cell--numeric-data' : '',
              isMissing(cell) ? 'meedoen-data-table__missing' : '',
            ]
              .filter(Boolean)
              .join(' ');
            const text = cellText(cell, column, locale);
            return column.key === header ? (
              <th key={column.key} scope="row" class={`utrecht-table__header-cell ${classes}`}>
                {rowHref ? (
                  <a class="utrecht-link" href={rowHref(row)}>
                    {text}
                  </a>
                ) : (
                  text
                )}
              </th>
            ) : (
              <td key={column.key} class={classes}>
                {text}
              </td>
            );
          })}
        </tr>
      ))}
    </tbody>
  );
}
