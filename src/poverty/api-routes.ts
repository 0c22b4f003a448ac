import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Queryable } from '../platform/db.ts';
import { apiLocale } from '../platform/i18n.ts';
import { defineProblem, ProblemError } from '../platform/problems.ts';
import { registerFieldMessages } from '../platform/validation.ts';
import { definitionCodes, definitions, seriesBreaks, statusCodes } from './definitions.ts';
import { incomeSources } from './labour-participation-file.ts';
import { latestPerYear, type SeriesValue } from './series.ts';
import { labourParticipationSource, povertySource } from './source.ts';
import { loadLabourParticipation, loadSeriesValues, loadTargetPaths } from './store.ts';
import { gapsAgainstPath } from './target-path.ts';

export const povertyProblems = {
  targetPathNotFound: defineProblem({
    code: 'target-path-not-found',
    status: 404,
    title: { nl: 'Dit streefpad bestaat niet', en: 'This target path does not exist' },
  }),
};

registerFieldMessages({
  poverty_definition_unknown: {
    nl: `Kies een van deze definities: ${definitionCodes.join(', ')}.`,
    en: `Choose one of these definitions: ${definitionCodes.join(', ')}.`,
  },
  target_path_malformed: {
    nl: 'Een streefpad heet zoals "tussenpad-2018": kleine letters, cijfers en streepjes.',
    en: 'A target path is named like "tussenpad-2018": lower-case letters, digits and dashes.',
  },
});

const published = z.object({
  children: z.number().int().nullable().meta({ description: 'Children 0-17; null: not found in the source' }),
  percentage: z.number().nullable().meta({ description: 'Percentage of all children 0-17; null: not found' }),
  status: z.enum(statusCodes),
  statusNote: z.string().meta({ description: "The source's own words about the status" }),
  published: z.string().nullable().meta({ example: '2022-12' }),
  publication: z.string(),
  sourceUrl: z.string(),
});

const seriesResponse = z.object({
  data: z.array(
    z.object({
      definition: z.enum(definitionCodes),
      label: z.string(),
      description: z.string(),
      values: z.array(
        published.extend({
          year: z.number().int(),
          earlier: z
            .array(published)
            .meta({ description: 'Earlier publications of this figure, oldest first' }),
        }),
      ),
    }),
  ),
  meta: z.object({
    source: z.string(),
    breaks: z.array(z.object({ year: z.number().int(), label: z.string() })),
  }),
});

const targetPathResponse = z.object({
  data: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      definition: z.enum(definitionCodes),
      startYear: z.number().int(),
      startPercentage: z.number(),
      endYear: z.number().int(),
      endPercentage: z.number(),
      setIn: z.number().int(),
      source: z.string(),
      years: z.array(
        z.object({
          year: z.number().int(),
          path: z.number(),
          actual: z.number().nullable(),
          gap: z.number().nullable().meta({ description: 'actual − path in percentage points' }),
        }),
      ),
    }),
  ),
  meta: z.object({ source: z.string() }),
});

const labourResponse = z.object({
  data: z.array(
    z.object({
      year: z.number().int(),
      definition: z.enum(definitionCodes),
      incomeSource: z.enum(incomeSources),
      households: z.number().int().nullable(),
      percentage: z.number().nullable(),
      status: z.enum(statusCodes),
      source: z.string(),
      sourceUrl: z.string().nullable(),
    }),
  ),
  meta: z.object({ source: z.string(), note: z.string() }),
});

function presentPublished(value: SeriesValue) {
  const { children, percentage, status, statusNote, published, publication, sourceUrl } = value;
  return { children, percentage, status, statusNote, published, publication, sourceUrl };
}

export const povertyApiRoutes =
  (db: Queryable): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/poverty/series',
      {
        schema: {
          tags: ['poverty'],
          summary: 'Children (0-17) in low-income households, national, one series per definition',
          description:
            'Each value has its definition, status and source. Figures of different definitions are separate series and must not be joined; `meta.breaks` says where the definition changes. Per year the latest publication is given, earlier ones under `earlier`. Blank values were not found in the source and are never interpolated. Bron: CBS / SCP.',
          querystring: z.object({
            definition: z.enum(definitionCodes, { error: 'poverty_definition_unknown' }).optional(),
          }),
          response: { 200: seriesResponse },
        },
      },
      async (request) => {
        const locale = apiLocale(request.headers['accept-language']);
        const figures = latestPerYear(await loadSeriesValues(db));
        const codes = request.query.definition ? [request.query.definition] : definitionCodes;
        const data = codes
          .map((code) => ({
            definition: code,
            label: definitions[code][locale].label,
            description: definitions[code][locale].description,
            values: figures
              .filter((figure) => figure.definition === code)
              .map((figure) => ({
                year: figure.year,
                ...presentPublished(figure.latest),
                earlier: figure.earlier.map(presentPublished),
              })),
          }))
          .filter((series) => series.values.length > 0);
        return {
          data,
          meta: {
            source: povertySource[locale],
            breaks: seriesBreaks.map((b) => ({ year: b.year, label: b.label[locale] })),
          },
        };
      },
    );

    app.get(
      '/api/v1/poverty/target-path',
      {
        schema: {
          tags: ['poverty'],
          summary: 'The target paths, with the actual figure and the gap per year',
          description:
            'The goal (9.2% in 2015 → 4.6% in 2030) and the interim path (8.1% in 2018 → 4.6% in 2030), linear. Per year the path value, the latest actual figure of the path’s own definition and the gap in percentage points, both null where no such figure exists. Bron: CBS.',
          querystring: z.object({
            path: z
              .string()
              .regex(/^[a-z0-9-]{1,40}$/, { error: 'target_path_malformed' })
              .optional()
              .meta({ example: 'tussenpad-2018' }),
          }),
          response: { 200: targetPathResponse },
        },
      },
      async (request) => {
        const locale = apiLocale(request.headers['accept-language']);
        const [paths, values] = await Promise.all([loadTargetPaths(db), loadSeriesValues(db)]);
        const chosen = request.query.path ? paths.filter((p) => p.key === request.query.path) : paths;
        if (chosen.length === 0) {
          throw new ProblemError(povertyProblems.targetPathNotFound, {
            nl: `Er is geen streefpad "${request.query.path}". Bekende paden: ${paths.map((p) => p.key).join(', ')}.`,
            en: `There is no target path "${request.query.path}". Known paths: ${paths.map((p) => p.key).join(', ')}.`,
          });
        }
        const figures = latestPerYear(values);
        return {
          data: chosen.map((path) => ({
            key: path.key,
            name: path.name[locale],
            definition: path.definition,
            startYear: path.startYear,
            startPercentage: path.startPercentage,
            endYear: path.endYear,
            endPercentage: path.endPercentage,
            setIn: path.setIn,
            source: path.source,
            years: gapsAgainstPath(path, figures),
          })),
          meta: { source: povertySource[locale] },
        };
      },
    );

    app.get(
      '/api/v1/poverty/labour-participation',
      {
        schema: {
          tags: ['poverty'],
          summary: 'Households with children in poverty by main income source (imported figures only)',
          description:
            'No figures ship with Meedoen: this list is empty until an administrator imports a file with `meedoen import labour-participation`. Each row names its own source.',
          response: { 200: labourResponse },
        },
      },
      async (request) => {
        const locale = apiLocale(request.headers['accept-language']);
        const data = await loadLabourParticipation(db);
        return {
          data,
          meta: {
            source: labourParticipationSource[locale],
            note:
              data.length === 0
                ? locale === 'nl'
                  ? 'Er zijn nog geen cijfers ingelezen; Meedoen levert hier geen echte cijfers mee.'
                  : 'No figures have been imported yet; Meedoen ships no real figures for this.'
                : locale === 'nl'
                  ? 'Ingelezen cijfers; de bron staat per regel.'
                  : 'Imported figures; each row names its source.',
          },
        };
      },
    );
  };
