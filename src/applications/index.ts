import type { FastifyPluginAsync } from 'fastify';
import { applicationApiRoutes } from './api-routes.ts';
import { caseloadRoutes } from './caseload-routes.tsx';
import { familyApplicationRoutes } from './family-routes.tsx';
import { handlingRoutes } from './handling-routes.tsx';
import type { ApplicationOptions } from './options.ts';

export type { ApplicationOptions } from './options.ts';
// The children's questionnaire (src/insight) asks where and what was delivered, through the tracking link.
export { deliveredItemFacts } from './questionnaire-facts.ts';
// The partner import of deliveries (src/deliveries) writes the same statistical records with the same key.
export {
  childIdentityMessages,
  childKeyFor,
  isChildKey,
  type ChildIdentityField,
  type ChildIdentityInput,
} from './child-key.ts';
export { deliveryRecords, incomeSources } from './schema.ts';

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
