import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Queryable } from '../platform/db.ts';
import { apiLocale } from '../platform/i18n.ts';
import { defineProblem, ProblemError } from '../platform/problems.ts';
import { municipalitiesSource, unknownMunicipalityProblem } from '../municipalities/index.ts';
import { presentProvision, provisionResource } from './presenters.ts';
import { provisionSearchSchema, searchProvisions } from './search.ts';
import { findProvision } from './store.ts';

export const catalogueProblems = {
  provisionNotFound: defineProblem({
    code: 'provision-not-found',
    status: 404,
    title: { nl: 'Deze voorziening bestaat niet', en: 'This provision does not exist' },
  }),
};

const exampleNotice = {
  nl: 'Deze catalogus bevat voorbeeldgegevens (example: true): geen echt aanbod.',
  en: 'This catalogue contains example data (example: true): not a real offer.',
};

export const catalogueApiRoutes =
  (db: Queryable): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/provisions',
      {
        schema: {
          tags: ['provisions'],
          summary: 'Provisions in kind, filtered by municipality, age and category',
          description:
            'With `municipality`: the provisions offered there, including the nationwide ones. `age` keeps those for a child of that age (0-21); `category` keeps one kind of help.',
          querystring: provisionSearchSchema,
          response: {
            200: z.object({
              data: z.array(provisionResource),
              meta: z.object({
                count: z.number(),
                municipality: z.object({ code: z.string(), name: z.string() }).nullable(),
                containsExampleData: z.boolean(),
                notice: z.string().optional(),
                source: z.string().optional(),
              }),
            }),
          },
        },
      },
      async (request) => {
        const locale = apiLocale(request.headers['accept-language']);
        const result = await searchProvisions(db, request.query, locale);
        if (result.kind === 'unknown-municipality') {
          throw unknownMunicipalityProblem(locale);
        }
        const containsExampleData = result.provisions.some((p) => p.isExample);
        return {
          data: result.provisions.map(presentProvision),
          meta: {
            count: result.provisions.length,
            municipality: result.municipality,
            containsExampleData,
            ...(containsExampleData ? { notice: exampleNotice[locale] } : {}),
            ...(result.municipality ? { source: municipalitiesSource[locale] } : {}),
          },
        };
      },
    );

    app.get(
      '/api/v1/provisions/:id',
      {
        schema: {
          tags: ['provisions'],
          summary: 'One provision',
          params: z.object({ id: z.string().min(1).max(100) }),
          response: { 200: z.object({ data: provisionResource }) },
        },
      },
      async (request) => {
        const provision = await findProvision(db, request.params.id);
        if (!provision) {
          throw new ProblemError(catalogueProblems.provisionNotFound, {
            nl: 'Er is geen voorziening met deze id.',
            en: 'There is no provision with this id.',
          });
        }
        return { data: presentProvision(provision) };
      },
    );
  };
