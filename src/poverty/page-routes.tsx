import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { Queryable } from '../platform/db.ts';
import { exportFormats, sendDownload } from '../platform/export/index.ts';
import { pageContext } from '../platform/page-context.ts';
import { sendPage } from '../platform/views/render.ts';
import { loadLabourParticipation, loadSeriesValues, loadTargetPaths } from './store.ts';
import { BadDownloadPage, DOWNLOAD_PATH, downloadTables, TREND_PATH, TrendPage } from './trend-page.tsx';
import { buildTrendView } from './trend-view.ts';
import type { Locale } from '../platform/i18n.ts';

const downloadQuery = z
  .object({ tabel: z.enum(downloadTables), formaat: z.enum(exportFormats) })
  .refine((query) => !(query.tabel === 'alles' && query.formaat === 'csv'));

async function loadView(db: Queryable, locale: Locale) {
  const [values, paths, labour] = await Promise.all([
    loadSeriesValues(db),
    loadTargetPaths(db),
    loadLabourParticipation(db),
  ]);
  return buildTrendView(values, paths, labour, locale);
}

export const povertyPageRoutes =
  (db: Queryable): FastifyPluginAsync =>
  async (app) => {
    app.get(TREND_PATH, { schema: { hide: true } }, async (request, reply) => {
      const context = pageContext(request, reply);
      const view = await loadView(db, context.locale);
      return sendPage(reply, <TrendPage context={context} view={view} />);
    });

    // The files hold exactly the tables the page shows, in the page's language.
    app.get(DOWNLOAD_PATH, { schema: { hide: true } }, async (request, reply) => {
      const context = pageContext(request, reply);
      const query = downloadQuery.safeParse(request.query);
      if (!query.success) return sendPage(reply, <BadDownloadPage context={context} />, 400);
      const view = await loadView(db, context.locale);
      const tables = {
        reeks: view.seriesTable,
        streefpad: view.gapTable,
        arbeidsparticipatie: view.labourTable,
      };
      const baseName = `armoede-${query.data.tabel}-${context.locale}`;
      const table =
        query.data.tabel === 'alles'
          ? Object.values(tables).filter((one) => one !== null)
          : tables[query.data.tabel];
      if (!table) return sendPage(reply, <BadDownloadPage context={context} />, 404);
      return sendDownload(reply, table, { format: query.data.formaat, locale: context.locale, baseName });
    });
  };
