import type { FastifyPluginAsync } from 'fastify';
import { applicationApiRoutes } from './api-routes.ts';
import { caseloadRoutes } from './caseload-routes.tsx';
import { familyApplicationRoutes } from './family-routes.tsx';
import { handlingRoutes } from './handling-routes.tsx';
import type { ApplicationOptions } from './options.ts';

export type { ApplicationOptions } from './options.ts';

/** Applying without an account, tracking, and the API: open to anyone (registered in the public scope). */
export const publicApplicationRoutes =
  (options: ApplicationOptions): FastifyPluginAsync =>
  async (app) => {
    await app.register(familyApplicationRoutes(options));
    await app.register(applicationApiRoutes(options));
  };

/** The intermediaries' and handlers' pages: every route names its policy action. */
export const staffApplicationRoutes =
  (options: ApplicationOptions): FastifyPluginAsync =>
  async (app) => {
    await app.register(caseloadRoutes(options));
    await app.register(handlingRoutes(options));
  };
