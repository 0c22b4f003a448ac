import { columnHeaderClass, DataTableBody, DataTableFrame } from '../platform/charts/index.ts';
import type { DataTable } from '../platform/export/index.ts';
import type { Locale } from '../platform/i18n.ts';
import type { SortKey } from './filters.ts';
import { nationalMessages } from './national-messages.ts';

type Sort = { key: SortKey; direction: 'op' | 'af' };

/**
 * A table sorted on the server: each sortable heading is a link to the same page sorted on that column
 * (again: the other way round), the sorted heading has aria-sort, and the first column links to the
 * municipality's own page. No script; the links work with the keyboard like any other.
 */
export function SortableTable(props: {
  id: string;
  table: DataTable;
  locale: Locale;
  sort: Sort;
  sortColumns: Record<SortKey, string>;
  sortHref: (sort: Sort) => string;
  rowHref: (row: DataTable['rows'][number]) => string;
}) {
  const { id, table, locale, sort } = props;
  const text = nationalMessages[locale];
  const keyOf = (column: string) =>
    (Object.entries(props.sortColumns) as [SortKey, string][]).find(([, c]) => c === column)?.[0];
  const sortedColumn = table.columns.find((c) => c.key === props.sortColumns[sort.key]);
  return (
    <DataTableFrame
      id={id}
      table={table}
      describedBy={`${id}-sorted`}
      lead={
        <p class="utrecht-paragraph" id={`${id}-sorted`}>
          {text.sortedBy(sortedColumn?.label ?? '', text.directions[sort.direction])}
        </p>
      }
    >
      <thead class="utrecht-table__header">
        <tr class="utrecht-table__row">
          {table.columns.map((column) => {
            const key = keyOf(column.key);
            const sorted = key === sort.key;
            const next = sorted && sort.direction === 'op' ? 'af' : sorted ? 'op' : defaultDirection(key);
            return (
              <th
                key={column.key}
                scope="col"
                aria-sort={sorted ? (sort.direction === 'op' ? 'ascending' : 'descending') : undefined}
                class={columnHeaderClass(column)}
              >
                {key ? (
                  <a class="utrecht-link" href={props.sortHref({ key, direction: next })}>
                    {column.label}
                    <span class="meedoen-visually-hidden">{`, ${text.sortHint[next]}`}</span>
                    {sorted ? <span aria-hidden="true">{sort.direction === 'op' ? ' ▲' : ' ▼'}</span> : null}
                  </a>
                ) : (
                  column.label
                )}
              </th>
            );
          })}
        </tr>
      </thead>
      <DataTableBody table={table} locale={locale} rowHref={props.rowHref} />
    </DataTableFrame>
  );
}

/** Names read A to Z first; figures highest first, which is what people look for. */
function defaultDirection(key: SortKey | undefined): 'op' | 'af' {
  return key === 'naam' || key?.startsWith('afstand') ? 'op' : 'af';
}
