import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { libraryRoutes } from './library-routes.tsx';
import { reviewRoutes } from './review-routes.tsx';
import type { Options } from './shared-routes.ts';
import { submitRoutes } from './submit-routes.tsx';

/** The good practices: the public library and API, submitting for an organisation, and the review. */
export const practiceRoutes =
  (options: Options): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(libraryRoutes(options));
    await app.register(submitRoutes(options));
    await app.register(reviewRoutes(options));
  };
