import { BarChart, DataTableView, LineChart } from '../platform/charts/index.ts';
import type { Locale } from '../platform/i18n.ts';
import { BadDownloadPage as DownloadProblemPage, DownloadLinks } from '../platform/views/downloads.tsx';
import { Layout, type PageContext } from '../platform/views/layout.tsx';
import { HeadedSection } from '../platform/views/section.tsx';
import type { FieldError } from '../platform/validation.ts';
import { percentText } from './cells.ts';
import { filterParams, type Filters } from './filters.ts';
import { dashboardMessages } from './messages.ts';
import { municipalityMessages } from './municipality-messages.ts';
import type { MunicipalityView } from './municipality-view.ts';
import { Explainer, FilterForm, NoFiguresNotice } from './parts.tsx';

export const OVERVIEW_PATH = '/bereik';
export const municipalityPath = (code: string) => `${OVERVIEW_PATH}/${code}`;
export const municipalityTables = ['groepen', 'jaren', 'soorten', 'organisaties', 'alles'] as const;
export type MunicipalityTable = (typeof municipalityTables)[number];

export function municipalityDownloadHref(
  code: string,
  filters: Filters,
  table: string,
  format: 'csv' | 'xlsx',
  locale: Locale,
) {
  const { jaar, grenzen } = filterParams(filters);
  const params = new URLSearchParams({ tabel: table, formaat: format, lang: locale, grenzen });
  if (jaar) params.set('jaar', jaar);
  return `${municipalityPath(code)}/download?${params.toString()}`;
}

/** The tables of the page by their name in the download address (absent ones are not offered). */
export function municipalityTablesOf(view: MunicipalityView) {
  return {
    groepen: view.groupTable,
    jaren: view.yearTable,
    soorten: view.categoryTable,
    organisaties: view.providerTable,
  };
}

export function MunicipalityPage(props: {
  context: PageContext;
  name: string;
  view: MunicipalityView | null;
  filters: Filters;
  years: number[];
  errors: FieldError[];
}) {
  const { context, view, filters, years, errors, name } = props;
  const { locale } = context;
  const text = municipalityMessages[locale];
  const shared = dashboardMessages[locale];
  const percent = (value: number) => percentText(value, locale);
  const title = text.title(name);
  return (
    <Layout context={context} title={errors.length ? `${shared.errorPrefix}${title}` : title}>
      <h1 class="utrecht-heading-1">{title}</h1>
      {view ? <p class="utrecht-paragraph">{text.intro(name, view.year)}</p> : null}
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`${OVERVIEW_PATH}?lang=${locale}`}>
          {text.overviewLink}
        </a>
      </p>
      <FilterForm action={context.path} filters={filters} years={years} errors={errors} locale={locale} />
      {years.length === 0 ? <NoFiguresNotice locale={locale} /> : null}
      {view ? (
        <>
          <HeadedSection id="groepen" heading={text.groupsHeading}>
            <BarChart
              id="bereik-groepen"
              title={text.groupsChartTitle(name, view.year)}
              description={view.groupDescription}
              bars={view.groupBars}
              formatValue={percent}
            />
            <DataTableView id="bereik-groepen-tabel" table={view.groupTable} locale={locale} />
          </HeadedSection>
          <HeadedSection id="jaren" heading={text.yearsHeading}>
            <LineChart
              id="bereik-jaren"
              title={text.yearsChartTitle(name)}
              description={view.yearDescription}
              series={view.yearSeries}
              formatY={percent}
            />
            <DataTableView id="bereik-jaren-tabel" table={view.yearTable} locale={locale} />
          </HeadedSection>
          <Breakdown
            id="soorten"
            heading={text.categoryHeading}
            title={text.categoryChartTitle(name, view.year)}
            bars={view.categoryBars}
            description={view.categoryDescription}
            table={view.categoryTable}
            locale={locale}
          />
          <Breakdown
            id="organisaties"
            heading={text.providerHeading}
            title={text.providerChartTitle(name, view.year)}
            bars={view.providerBars}
            description={view.providerDescription}
            table={view.providerTable}
            locale={locale}
          />
          <DownloadLinks
            locale={locale}
            tables={Object.entries(municipalityTablesOf(view)).flatMap(([key, table]) =>
              table ? [{ key, title: table.title }] : [],
            )}
            href={(table, format) => municipalityDownloadHref(view.code, filters, table, format, locale)}
          />
        </>
      ) : null}
      <Explainer locale={locale} />
    </Layout>
  );
}

function Breakdown(props: {
  id: string;
  heading: string;
  title: string;
  bars: MunicipalityView['categoryBars'];
  description: string;
  table: MunicipalityView['categoryTable'];
  locale: Locale;
}) {
  const text = municipalityMessages[props.locale];
  return (
    <HeadedSection id={props.id} heading={props.heading}>
      {props.table ? (
        <>
          <BarChart
            id={`bereik-${props.id}`}
            title={props.title}
            description={props.description}
            bars={props.bars}
          />
          <DataTableView id={`bereik-${props.id}-tabel`} table={props.table} locale={props.locale} />
        </>
      ) : (
        <p class="utrecht-paragraph">{text.noBreakdown}</p>
      )}
    </HeadedSection>
  );
}

export function MunicipalityNotFoundPage({ context, code }: { context: PageContext; code: string }) {
  const text = municipalityMessages[context.locale];
  return (
    <Layout context={context} title={text.notFoundTitle}>
      <h1 class="utrecht-heading-1">{text.notFoundTitle}</h1>
      <p class="utrecht-paragraph">{text.notFoundBody(code)}</p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`${OVERVIEW_PATH}?lang=${context.locale}`}>
          {text.overviewLink}
        </a>
      </p>
    </Layout>
  );
}

export function BadDownloadPage({ context, back }: { context: PageContext; back: string }) {
  return (
    <DownloadProblemPage
      context={context}
      back={back}
      backText={dashboardMessages[context.locale].backToPage}
    />
  );
}
