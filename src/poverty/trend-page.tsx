import { DataTableView, LineChart } from '../platform/charts/index.ts';
import { formatNumber } from '../platform/export/index.ts';
import type { Locale } from '../platform/i18n.ts';
import { BadDownloadPage as DownloadProblemPage, DownloadLinks } from '../platform/views/downloads.tsx';
import { Layout, type PageContext } from '../platform/views/layout.tsx';
import { HeadedSection } from '../platform/views/section.tsx';
import { chartedDefinitions, definitions } from './definitions.ts';
import { trendMessages } from './messages.ts';
import { povertySource } from './source.ts';
import type { TrendView } from './trend-view.ts';

export const TREND_PATH = '/armoede';
export const DOWNLOAD_PATH = '/armoede/download';
export const downloadTables = ['reeks', 'streefpad', 'arbeidsparticipatie', 'alles'] as const;
export type DownloadTable = (typeof downloadTables)[number];

function downloadHref(table: string, format: 'csv' | 'xlsx', locale: Locale): string {
  return `${DOWNLOAD_PATH}?${new URLSearchParams({ tabel: table, formaat: format, lang: locale }).toString()}`;
}

function Downloads({ view, locale }: { view: TrendView; locale: Locale }) {
  const text = trendMessages[locale];
  const tables: { key: DownloadTable; title: string }[] = [
    { key: 'reeks', title: text.tableTitle },
    ...(view.gapTable ? [{ key: 'streefpad' as const, title: text.gapTableTitle }] : []),
    ...(view.labourTable ? [{ key: 'arbeidsparticipatie' as const, title: text.labourTableTitle }] : []),
  ];
  return (
    <DownloadLinks
      tables={tables}
      href={(table, format) => downloadHref(table, format, locale)}
      locale={locale}
    />
  );
}

/** The public page of ambition 2: the national figures per definition against the target path. */
export function TrendPage({ context, view }: { context: PageContext; view: TrendView }) {
  const { locale } = context;
  const text = trendMessages[locale];
  const percent = (y: number) => `${formatNumber(y, locale, Number.isInteger(y) ? 0 : 1)}%`;
  return (
    <Layout context={context} title={text.title}>
      <h1 class="utrecht-heading-1">{text.title}</h1>
      <p class="utrecht-paragraph">{text.intro}</p>

      <HeadedSection id="cijfers" heading={text.chartHeading}>
        <LineChart
          id="armoede-trend"
          title={text.chartTitle}
          description={view.description}
          series={view.series}
          breaks={view.breaks}
          xDomain={view.xDomain}
          formatY={percent}
        />
        <p class="utrecht-paragraph meedoen-source">{text.breakNote}</p>
        <DataTableView id="armoede-reeks" table={view.seriesTable} locale={locale} />
        <h3 class="utrecht-heading-3">{text.definitionsHeading}</h3>
        <dl class="meedoen-definitions">
          {[...chartedDefinitions, 'onduidelijk' as const].map((code) => (
            <div key={code}>
              <dt>{definitions[code][locale].label}</dt>
              <dd>{definitions[code][locale].description}</dd>
            </div>
          ))}
        </dl>
      </HeadedSection>

      {view.gapTable && view.gapPath ? (
        <HeadedSection id="afstand" heading={text.gapHeading}>
          <p class="utrecht-paragraph">
            {text.gapIntro(view.gapPath.name[locale], definitions[view.gapPath.definition][locale].label)}
          </p>
          <DataTableView id="armoede-streefpad" table={{ ...view.gapTable, notes: [] }} locale={locale} />
        </HeadedSection>
      ) : null}

      <HeadedSection id="werk" heading={text.labourHeading}>
        {view.labourTable ? (
          <>
            <p class="utrecht-paragraph">{text.labourIntro}</p>
            <LineChart
              id="armoede-werk"
              title={text.labourChartTitle}
              description={`${text.labourIntro} ${text.describe.table}`}
              series={view.labourSeries}
              formatY={percent}
            />
            <DataTableView id="armoede-arbeidsparticipatie" table={view.labourTable} locale={locale} />
          </>
        ) : (
          <p class="utrecht-paragraph meedoen-notice" id="geen-arbeidsparticipatie">
            {text.labourEmpty}
          </p>
        )}
      </HeadedSection>

      <Downloads view={view} locale={locale} />

      <HeadedSection id="bronnen" heading={text.sourcesHeading}>
        <p class="utrecht-paragraph meedoen-source">{povertySource[locale]}</p>
        <ul class="utrecht-unordered-list">
          {view.sources.map((source) => (
            <li class="utrecht-unordered-list__item" key={source.url}>
              <a class="utrecht-link" href={source.url} rel="external noopener">
                {source.publication}
              </a>
            </li>
          ))}
        </ul>
      </HeadedSection>
    </Layout>
  );
}

export function BadDownloadPage({ context }: { context: PageContext }) {
  return (
    <DownloadProblemPage context={context} back={TREND_PATH} backText={trendMessages[context.locale].title} />
  );
}
