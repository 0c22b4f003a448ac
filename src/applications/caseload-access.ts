import type { FastifyReply, FastifyRequest } from 'fastify';
import { findOrganisation } from '../catalogue/index.ts';
import { signedInStaff, type RouteAccess } from '../identity/index.ts';
import { csrfToken } from '../platform/csrf.ts';
import type { Database } from '../platform/db.ts';
import { pageContext } from '../platform/page-context.ts';
import type { Pseudonymiser } from '../platform/processing-log/index.ts';
import { traceIdFor } from '../platform/trace.ts';
import type { IntermediaryActor } from './caseload-store.ts';
import type { Body } from './intermediary-draft.ts';

export type OrganisationParams = { organisation: string };

/** An intermediary of the organisation in the address; anyone else gets "not found" from the access check. */
const access: RouteAccess = {
  action: 'applications.apply',
  resource: (request) => ({ organisationKey: (request.params as OrganisationParams).organisation }),
};
export const intermediaryRoute = { schema: { hide: true }, config: { access } };

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Text fields and repeated fields (checkboxes) of a posted form; anything else is dropped. */
export function formBody(raw: unknown): Body {
  if (typeof raw !== 'object' || raw === null) return {};
  return Object.fromEntries(
    Object.entries(raw).filter(
      (entry): entry is [string, string | string[]] =>
        typeof entry[1] === 'string' ||
        (Array.isArray(entry[1]) && entry[1].every((v) => typeof v === 'string')),
    ),
  );
}

/** What every intermediary page needs: the page context, the session, its form token and the organisation. */
export async function pageBase(
  db: Database,
  secret: string,
  request: FastifyRequest<{ Params: OrganisationParams }>,
  reply: FastifyReply,
) {
  const organisation = await findOrganisation(db, request.params.organisation);
  if (!organisation) return null;
  const session = signedInStaff(request);
  return {
    context: pageContext(request, reply),
    session,
    csrf: csrfToken(secret, session.idHash),
    organisation: { key: organisation.key, name: organisation.name },
  };
}

export function intermediaryActor(
  request: FastifyRequest<{ Params: OrganisationParams }>,
  pseudonymiser: Pseudonymiser,
): IntermediaryActor {
  return {
    personId: signedInStaff(request).person.id,
    organisation: request.params.organisation,
    traceId: traceIdFor(request.headers),
    pseudonymiser,
  };
}
