import { DataTableView, Histogram, SmallMultiples } from '../platform/charts/index.ts';
import type { Locale } from '../platform/i18n.ts';
import { DownloadLinks } from '../platform/views/downloads.tsx';
import { Layout, type PageContext } from '../platform/views/layout.tsx';
import { HeadedSection } from '../platform/views/section.tsx';
import type { FieldError } from '../platform/validation.ts';
import { percentText } from './cells.ts';
import { filterParams, type Filters } from './filters.ts';
import { dashboardMessages } from './messages.ts';
import { municipalityPath, OVERVIEW_PATH } from './municipality-page.tsx';
import { nationalMessages } from './national-messages.ts';
import type { NationalView } from './national-view.ts';
import { Explainer, FilterForm, NoFiguresNotice } from './parts.tsx';
import { SortableTable } from './sortable-table.tsx';

export const nationalTables = ['totalen', 'gemeenten', 'grootste', 'verdeling', 'alles'] as const;
export type NationalTable = (typeof nationalTables)[number];

export function nationalTablesOf(view: NationalView) {
  return {
    totalen: view.totalsTable,
    gemeenten: view.table,
    grootste: view.panelsTable,
    verdeling: view.histogramTable,
  };
}

const overviewHref = (filters: Filters, extra: Record<string, string>) =>
  `${OVERVIEW_PATH}?${new URLSearchParams({ ...filterParams(filters), ...extra }).toString()}`;

export function NationalPage(props: {
  context: PageContext;
  view: NationalView | null;
  filters: Filters;
  years: number[];
  errors: FieldError[];
}) {
  const { context, view, filters, years, errors } = props;
  const { locale } = context;
  const text = nationalMessages[locale];
  const shared = dashboardMessages[locale];
  const group = shared.groups[filters.group];
  const percent = (value: number) => percentText(value, locale);
  const { sorteer, richting } = filterParams(filters);
  return (
    <Layout context={context} title={errors.length ? `${shared.errorPrefix}${text.title}` : text.title}>
      <h1 class="utrecht-heading-1">{text.title}</h1>
      {view ? <p class="utrecht-paragraph">{text.intro(view.year)}</p> : null}
      <FilterForm
        action={OVERVIEW_PATH}
        filters={filters}
        years={years}
        errors={errors}
        locale={locale}
        withGroup
        keep={{ sorteer, richting }}
      />
      {years.length === 0 ? <NoFiguresNotice locale={locale} /> : null}
      {view ? (
        <>
          <HeadedSection id="nederland" heading={text.totalsHeading}>
            <DataTableView id="bereik-nederland" table={view.totalsTable} locale={locale} />
          </HeadedSection>
          <HeadedSection id="gemeenten" heading={text.tableHeading}>
            <p class="utrecht-paragraph">{text.tableIntro}</p>
            <SortableTable
              id="bereik-gemeenten"
              table={view.table}
              locale={locale}
              sort={{ key: filters.sort, direction: filters.direction }}
              sortColumns={view.sortColumns}
              sortHref={(sort) =>
                `${overviewHref(filters, { sorteer: sort.key, richting: sort.direction, lang: locale })}#gemeenten`
              }
              rowHref={(row) =>
                `${municipalityPath(String(row.code))}?${new URLSearchParams({
                  jaar: String(view.year),
                  grenzen: filterParams(filters).grenzen,
                  lang: locale,
                }).toString()}`
              }
            />
          </HeadedSection>
          <HeadedSection id="grootste" heading={text.multiplesHeading}>
            <p class="utrecht-paragraph">{text.multiplesIntro(view.panels.length)}</p>
            <SmallMultiples
              id="bereik-grootste"
              title={text.multiplesTitle(group)}
              panels={view.panels}
              formatY={percent}
            />
            <DataTableView id="bereik-grootste-tabel" table={view.panelsTable} locale={locale} />
          </HeadedSection>
          <HeadedSection id="verdeling" heading={text.histogramHeading}>
            <Histogram
              id="bereik-verdeling"
              title={text.histogramTitle(group, view.year)}
              description={view.histogramDescription}
              bins={view.bins}
              formatEdge={percent}
              marker={
                view.target === null
                  ? undefined
                  : { value: view.target, label: shared.targetLabel(percent(view.target)) }
              }
            />
            <DataTableView id="bereik-verdeling-tabel" table={view.histogramTable} locale={locale} />
          </HeadedSection>
          <DownloadLinks
            locale={locale}
            tables={Object.entries(nationalTablesOf(view)).map(([key, table]) => ({
              key,
              title: table.title,
            }))}
            href={(table, format) => nationalDownloadHref(filters, table, format, locale)}
          />
        </>
      ) : null}
      <Explainer locale={locale} />
    </Layout>
  );
}

export function nationalDownloadHref(
  filters: Filters,
  table: string,
  format: 'csv' | 'xlsx',
  locale: Locale,
) {
  const params = new URLSearchParams({
    ...filterParams(filters),
    tabel: table,
    formaat: format,
    lang: locale,
  });
  return `${OVERVIEW_PATH}/download?${params.toString()}`;
}
