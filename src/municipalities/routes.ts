import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiLocale } from '../platform/i18n.ts';
import type { Queryable } from '../platform/db.ts';
import { ProblemError } from '../platform/problems.ts';
import { municipalityProblems, lookupPostcode, postcodeMessages } from './lookup.ts';
import { MUNICIPALITY_CODE } from './postcode.ts';
import { municipalitiesSource } from './source.ts';
import { findMunicipality, listMunicipalities } from './store.ts';

const municipality = z.object({
  code: z.string().meta({ example: 'GM0344' }),
  name: z.string().meta({ example: 'Utrecht' }),
  addressShare: z.number().optional().meta({
    description: "With a postcode lookup: the share of the postcode area's addresses in this municipality",
  }),
});

const listResponse = z.object({
  data: z.array(municipality),
  meta: z.object({ count: z.number(), postcode: z.string().optional(), source: z.string() }),
});

export const municipalityRoutes =
  (db: Queryable): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/municipalities',
      {
        schema: {
          tags: ['municipalities'],
          summary: 'All municipalities of 2025, or those of one postcode',
          description:
            'Without a postcode: all 342 municipalities. With `postcode` (`9711AB`, `9711 AB` or `9711`): the municipality or municipalities of that postcode area, largest share first. A malformed or unknown postcode is a 400 problem.',
          querystring: z.object({
            postcode: z.string().max(20).optional().meta({ example: '9711AB' }),
          }),
          response: { 200: listResponse },
        },
      },
      async (request) => {
        const locale = apiLocale(request.headers['accept-language']);
        const source = municipalitiesSource[locale];
        if (request.query.postcode === undefined) {
          const all = await listMunicipalities(db);
          return { data: all, meta: { count: all.length, source } };
        }
        const lookup = await lookupPostcode(db, request.query.postcode);
        if (lookup.kind === 'malformed') {
          throw new ProblemError(
            municipalityProblems.postcodeMalformed,
            postcodeMessages.postcode_malformed,
            [
              {
                field: 'postcode',
                code: 'postcode_malformed',
                message: postcodeMessages.postcode_malformed[locale],
              },
            ],
          );
        }
        if (lookup.kind === 'unknown') {
          throw new ProblemError(municipalityProblems.postcodeUnknown, postcodeMessages.postcode_unknown, [
            {
              field: 'postcode',
              code: 'postcode_unknown',
              message: postcodeMessages.postcode_unknown[locale],
            },
          ]);
        }
        const data = lookup.areas.map((area) => ({
          code: area.municipalityCode,
          name: area.municipalityName,
          addressShare: area.addressShare,
        }));
        return { data, meta: { count: data.length, postcode: lookup.postcode, source } };
      },
    );

    app.get(
      '/api/v1/municipalities/:code',
      {
        schema: {
          tags: ['municipalities'],
          summary: 'One municipality by its CBS code',
          params: z.object({
            code: z.string().regex(MUNICIPALITY_CODE, { error: 'municipality_code_malformed' }),
          }),
          response: { 200: z.object({ data: municipality, meta: z.object({ source: z.string() }) }) },
        },
      },
      async (request) => {
        const locale = apiLocale(request.headers['accept-language']);
        const found = await findMunicipality(db, request.params.code);
        if (!found) {
          throw new ProblemError(municipalityProblems.municipalityNotFound, {
            nl: `Er is geen gemeente met code ${request.params.code}.`,
            en: `There is no municipality with code ${request.params.code}.`,
          });
        }
        return { data: found, meta: { source: municipalitiesSource[locale] } };
      },
    );
  };
