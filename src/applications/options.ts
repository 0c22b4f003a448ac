import type { ReferenceParameters } from '../eligibility/parameters.ts';
import type { Clock } from '../platform/clock.ts';
import type { Database } from '../platform/db.ts';

/** What every part of the applications capability gets from the app. */
export type ApplicationOptions = {
  db: Database;
  clock: Clock;
  secret: string;
  parameters: ReferenceParameters;
  publicBaseUrl: string;
  secureCookies: boolean;
};
