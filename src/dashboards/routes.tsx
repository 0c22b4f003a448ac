import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Queryable } from '../platform/db.ts';
import { exportFormats, sendDownload, type DataTable } from '../platform/export/index.ts';
import { pageContext } from '../platform/page-context.ts';
import { sendPage } from '../platform/views/render.ts';
import { defaultReachRules, municipalityReach, reachYears, type ReachRules } from '../reach/index.ts';
import { readFilters, type Filters } from './filters.ts';
import { loadMunicipality, loadNational } from './load.ts';
import {
  BadDownloadPage,
  MunicipalityNotFoundPage,
  MunicipalityPage,
  municipalityPath,
  municipalityTables,
  municipalityTablesOf,
  OVERVIEW_PATH,
} from './municipality-page.tsx';
import { NationalPage, nationalTables, nationalTablesOf } from './national-page.tsx';

const codeParams = z.object({ municipality: z.string() });
const municipalityCode = z.string().regex(/^GM\d{4}$/);
const downloadQuery = (tables: readonly [string, ...string[]]) =>
  z
    .object({ tabel: z.enum(tables), formaat: z.enum(exportFormats) })
    .refine((query) => !(query.tabel === 'alles' && query.formaat === 'csv'));

/** The figures' year: the one asked, or the latest with figures; null when there are none yet. */
async function filtersOf(db: Queryable, request: FastifyRequest, locale: 'nl' | 'en') {
  const years = await reachYears(db);
  return { years, ...readFilters((request.query ?? {}) as Record<string, unknown>, years, locale) };
}

const withYear = (filters: Filters) => (filters.year === null ? null : { ...filters, year: filters.year });

/** Sends the chosen tables as one file, or the page that says the choice was not on offer. */
function sendTables(
  reply: FastifyReply,
  request: FastifyRequest,
  tables: Record<string, DataTable | null>,
  names: readonly [string, ...string[]],
  baseName: string,
  back: string,
) {
  const context = pageContext(request, reply);
  const query = downloadQuery(names).safeParse(request.query);
  if (!query.success) return sendPage(reply, <BadDownloadPage context={context} back={back} />, 400);
  const chosen =
    query.data.tabel === 'alles'
      ? Object.values(tables).filter((table): table is DataTable => table !== null)
      : tables[query.data.tabel];
  if (!chosen) return sendPage(reply, <BadDownloadPage context={context} back={back} />, 404);
  return sendDownload(reply, chosen, {
    format: query.data.formaat,
    locale: context.locale,
    baseName: `${baseName}-${query.data.tabel}-${context.locale}`,
  });
}

/** The public reach dashboards: aggregates only, every figure through the reach's disclosure control. */
export const dashboardRoutes =
  (db: Queryable, rules: ReachRules = defaultReachRules): FastifyPluginAsync =>
  async (app) => {
    app.get(OVERVIEW_PATH, { schema: { hide: true } }, async (request, reply) => {
      const context = pageContext(request, reply);
      const { years, filters, errors } = await filtersOf(db, request, context.locale);
      const chosen = withYear(filters);
      const view =
        chosen && !errors.length ? await loadNational(db, chosen, years, context.locale, rules) : null;
      const page = (
        <NationalPage context={context} view={view} filters={filters} years={years} errors={errors} />
      );
      return sendPage(reply, page, errors.length ? 400 : 200);
    });

    app.get(`${OVERVIEW_PATH}/download`, { schema: { hide: true } }, async (request, reply) => {
      const context = pageContext(request, reply);
      const { years, filters, errors } = await filtersOf(db, request, context.locale);
      const chosen = withYear(filters);
      if (!chosen || errors.length)
        return sendPage(reply, <BadDownloadPage context={context} back={OVERVIEW_PATH} />, 400);
      const view = await loadNational(db, chosen, years, context.locale, rules);
      return sendTables(
        reply,
        request,
        nationalTablesOf(view),
        nationalTables,
        `bereik-${chosen.year}`,
        OVERVIEW_PATH,
      );
    });

    app.get(`${OVERVIEW_PATH}/:municipality`, { schema: { hide: true } }, async (request, reply) => {
      const context = pageContext(request, reply);
      const { municipality } = codeParams.parse(request.params);
      const { years, filters, errors } = await filtersOf(db, request, context.locale);
      const code = municipality.toUpperCase();
      const notFound = () =>
        sendPage(reply, <MunicipalityNotFoundPage context={context} code={municipality} />, 404);
      if (!municipalityCode.safeParse(code).success) return notFound();
      const year = filters.year ?? new Date().getFullYear();
      const known = await municipalityReach(
        db,
        { municipalityCode: code, year, boundaries: filters.boundaries },
        rules,
      );
      if (!known) return notFound();
      const chosen = withYear(filters);
      const view =
        chosen && !errors.length
          ? await loadMunicipality(db, code, chosen, years, context.locale, rules)
          : null;
      const page = (
        <MunicipalityPage
          context={context}
          name={known.municipality.name}
          view={view}
          filters={filters}
          years={years}
          errors={errors}
        />
      );
      return sendPage(reply, page, errors.length ? 400 : 200);
    });

    app.get(`${OVERVIEW_PATH}/:municipality/download`, { schema: { hide: true } }, async (request, reply) => {
      const context = pageContext(request, reply);
      const { municipality } = codeParams.parse(request.params);
      const code = municipality.toUpperCase();
      const { years, filters, errors } = await filtersOf(db, request, context.locale);
      const chosen = withYear(filters);
      if (!municipalityCode.safeParse(code).success)
        return sendPage(reply, <MunicipalityNotFoundPage context={context} code={municipality} />, 404);
      if (!chosen || errors.length)
        return sendPage(reply, <BadDownloadPage context={context} back={municipalityPath(code)} />, 400);
      const view = await loadMunicipality(db, code, chosen, years, context.locale, rules);
      if (!view)
        return sendPage(reply, <MunicipalityNotFoundPage context={context} code={municipality} />, 404);
      return sendTables(
        reply,
        request,
        municipalityTablesOf(view),
        municipalityTables,
        `bereik-${code}-${chosen.year}`,
        municipalityPath(code),
      );
    });
  };
