import type { Locale, Translations } from '../i18n.ts';
import { Layout, type PageContext } from './layout.tsx';
import { HeadedSection } from './section.tsx';

export type DownloadFormat = 'csv' | 'xlsx';

const downloadMessages: Translations<{
  heading: string;
  link: (what: string, format: string) => string;
  allTables: string;
  badChoice: string;
}> = {
  nl: {
    heading: 'Downloaden',
    link: (what, format) => `${what} (${format})`,
    allTables: 'Alle tabellen',
    badChoice: 'Kies een tabel en een formaat uit de lijst op de pagina.',
  },
  en: {
    heading: 'Download',
    link: (what, format) => `${what} (${format})`,
    allTables: 'All tables',
    badChoice: 'Choose a table and a format from the list on the page.',
  },
};

/**
 * The files of the tables on a figures page, each as CSV and XLSX, and all of them in one workbook
 * (only XLSX: a CSV file holds one table). The section's id "downloaden" is what BadDownloadPage links back to.
 */
export function DownloadLinks(props: {
  tables: { key: string; title: string }[];
  href: (table: string, format: DownloadFormat) => string;
  locale: Locale;
}) {
  const text = downloadMessages[props.locale];
  return (
    <HeadedSection id="downloaden" heading={text.heading}>
      <ul class="utrecht-unordered-list">
        {props.tables.flatMap(({ key, title }) =>
          (['csv', 'xlsx'] as const).map((format) => (
            <li class="utrecht-unordered-list__item" key={`${key}-${format}`}>
              <a class="utrecht-link" href={props.href(key, format)} download>
                {text.link(title, format.toUpperCase())}
              </a>
            </li>
          )),
        )}
        <li class="utrecht-unordered-list__item">
          <a class="utrecht-link" href={props.href('alles', 'xlsx')} download>
            {text.link(text.allTables, 'XLSX')}
          </a>
        </li>
      </ul>
    </HeadedSection>
  );
}

/** A download address that names no table or format of the page: say so, and lead back to the list. */
export function BadDownloadPage(props: { context: PageContext; back: string; backText: string }) {
  const text = downloadMessages[props.context.locale];
  return (
    <Layout context={props.context} title={text.heading}>
      <h1 class="utrecht-heading-1">{text.heading}</h1>
      <p class="utrecht-paragraph" role="alert">
        {text.badChoice}
      </p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href={`${props.back}#downloaden`}>
          {props.backText}
        </a>
      </p>
    </Layout>
  );
}
