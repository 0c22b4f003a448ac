import type { ReferenceParameters } from '../eligibility/parameters.ts';
import type { Clock } from '../platform/clock.ts';
import type { Database } from '../platform/db.ts';

/** What every part of the applications capability gets from the app. */
export type ApplicationOptions = {
  db: Database;
  clock: Clock;
  secret: string;
  /** For child keys only (docs/child-key.md): partners hold it too, so it is not `secret`. */
  childKeySecret: string;
  parameters: ReferenceParameters;
  publicBaseUrl: string;
  secureCookies: boolean;
};
