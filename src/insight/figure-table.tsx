import type { Locale } from '../platform/i18n.ts';
import type { Published } from './disclose.ts';

const numberFormat = { nl: new Intl.NumberFormat('nl-NL'), en: new Intl.NumberFormat('en-GB') };
const hiddenLegend = {
  nl: '– betekent: niet getoond, zodat niemand te herkennen is (minder dan 10, of terug te rekenen uit de totalen).',
  en: '– means: not shown, so that nobody can be recognised (fewer than 10, or could be worked out from the totals).',
};

/** One published figure: the number, or a dash whose reason a screen reader hears. */
export function Figure({ figure, locale }: { figure: Published; locale: Locale }) {
  if (figure.suppressed)
    return (
      <>
        <span aria-hidden="true">–</span>
        <span class="meedoen-visually-hidden">{figure.suppressed.text[locale]}</span>
      </>
    );
  return <>{numberFormat[locale].format(figure.value)}</>;
}

/** A table of counts in a scrollable region (it is wider than a phone), with the legend for the dashes. */
export function FigureTable(props: {
  id: string;
  caption: string;
  corner: string;
  columns: string[];
  rows: { label: string; cells: Published[]; total?: Published }[];
  totalLabel?: string;
  locale: Locale;
}) {
  const { id, caption, corner, columns, rows, totalLabel, locale } = props;
  return (
    <>
      <div
        class="utrecht-table-container meedoen-table-scroll"
        tabIndex={0}
        role="region"
        aria-labelledby={`${id}-caption`}
      >
        <table class="utrecht-table utrecht-table--html-table" id={id}>
          <caption class="utrecht-table__caption" id={`${id}-caption`}>
            {caption}
          </caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class="utrecht-table__header-cell" scope="col">
                {corner}
              </th>
              {columns.map((column) => (
                <th class="utrecht-table__header-cell" scope="col" key={column}>
                  {column}
                </th>
              ))}
              {totalLabel && (
                <th class="utrecht-table__header-cell" scope="col">
                  {totalLabel}
                </th>
              )}
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            {rows.map((row) => (
              <tr class="utrecht-table__row" key={row.label}>
                <th class="utrecht-table__header-cell" scope="row">
                  {row.label}
                </th>
                {row.cells.map((cell, index) => (
                  <td class="utrecht-table__cell utrecht-table__cell--numeric" key={index}>
                    <Figure figure={cell} locale={locale} />
                  </td>
                ))}
                {row.total && (
                  <td class="utrecht-table__cell utrecht-table__cell--numeric">
                    <Figure figure={row.total} locale={locale} />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="utrecht-paragraph meedoen-source">{hiddenLegend[locale]}</p>
    </>
  );
}
