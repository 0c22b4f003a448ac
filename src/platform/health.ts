import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { DatabaseHandle } from './db.ts';
import { findProblemType, problemTypeUri } from './problems.ts';

export const platformRoutes =
  (database: DatabaseHandle): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/health',
      {
        schema: {
          tags: ['platform'],
          summary: 'Whether the service and its database work, and which migrations are applied',
          response: {
            200: z.object({
              status: z.enum(['ok', 'degraded']),
              database: z.object({ kind: z.enum(['pglite', 'postgresql']), reachable: z.boolean() }),
              migrations: z.object({
                applied: z.number(),
                known: z.number(),
                pending: z.number(),
                latest: z.string().nullable(),
              }),
            }),
            503: z.object({
              status: z.literal('unavailable'),
              database: z.object({ kind: z.string(), reachable: z.boolean() }),
            }),
          },
        },
      },
      async (_request, reply) => {
        try {
          const migrations = await database.migrationState();
          return {
            status: migrations.pending === 0 ? ('ok' as const) : ('degraded' as const),
            database: { kind: database.kind, reachable: true },
            migrations,
          };
        } catch {
          return reply
            .status(503)
            .send({ status: 'unavailable', database: { kind: database.kind, reachable: false } });
        }
      },
    );

    app.get(
      '/api/v1/problems/:code',
      {
        schema: {
          tags: ['platform'],
          summary: 'What a problem type means (the `type` of every error response points here)',
          params: z.object({ code: z.string().max(80) }),
        },
      },
      async (request, reply) => {
        const problem = findProblemType(request.params.code);
        if (!problem) return reply.callNotFound();
        return { type: problemTypeUri(problem.code), status: problem.status, title: problem.title };
      },
    );
  };
