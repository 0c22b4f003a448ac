import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Queryable } from '../platform/db.ts';
import { apiLocale } from '../platform/i18n.ts';
import { isoDateInAmsterdam, type Clock } from '../platform/clock.ts';
import { unknownMunicipalityProblem } from '../municipalities/index.ts';
import { checkRequestSchema } from './check.ts';
import type { ReferenceParameters } from './parameters.ts';
import { checkResultResource, presentCheckResult } from './presenters.ts';
import { runCheck } from './run-check.ts';

export const eligibilityApiRoutes =
  (db: Queryable, parameters: ReferenceParameters, clock: Clock): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/v1/eligibility/check',
      {
        schema: {
          tags: ['eligibility'],
          summary: 'Which provisions each child of a household can get, with reasons',
          description:
            'Evaluates every provision offered in the municipality for every child. Nothing is stored. Each outcome (`eligible`, `not_eligible`, `undecided`) carries the norm and threshold applied with their dates and sources and a list of reasons with stable codes and texts in Dutch and English; the page /check gives the same outcomes.',
          body: checkRequestSchema,
          response: { 200: z.object({ data: checkResultResource }) },
        },
      },
      async (request) => {
        const locale = apiLocale(request.headers['accept-language']);
        const run = await runCheck(db, parameters, request.body, isoDateInAmsterdam(clock.now()), locale);
        if (run.kind === 'unknown-municipality') {
          throw unknownMunicipalityProblem(locale);
        }
        return { data: presentCheckResult(run.result, run.municipality) };
      },
    );
  };
