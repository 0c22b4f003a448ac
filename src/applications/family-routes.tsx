import type { FastifyPluginAsync } from 'fastify';
import type { ApplicationOptions } from './options.ts';

// To be built: see the applications issue.
export const familyApplicationRoutes =
  (options: ApplicationOptions): FastifyPluginAsync =>
  async () => {
    void options;
  };
