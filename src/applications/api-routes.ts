import type { FastifyPluginAsync } from 'fastify';
import type { ApplicationOptions } from './options.ts';

// To be built: see the applications issue.
export const applicationApiRoutes =
  (options: ApplicationOptions): FastifyPluginAsync =>
  async () => {
    void options;
  };
