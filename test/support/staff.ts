import { createHash } from 'node:crypto';
import type { Role } from '../../src/identity/roles.ts';
import { completeSecondFactor, resumeSession, startSession } from '../../src/identity/sessions.ts';
import { createPerson } from '../../src/identity/store.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { csrfToken } from '../../src/platform/csrf.ts';
import type { Database } from '../../src/platform/db.ts';
import { uniqueKey } from './factories.ts';

const secret = loadConfig({ NODE_ENV: 'test' }).secret;

export type SignedInStaff = { personId: string; cookie: string; csrf: string };

/** A staff member with one role, signed in with both factors, as a test's browser would hold them. */
export async function signedInStaffMember(
  db: Database,
  membership: { role: Role; organisationKey: string },
): Promise<SignedInStaff> {
  const person = await createPerson(db, {
    email: `${uniqueKey(membership.role)}@example.org`,
    displayName: `Test ${membership.role}`,
    memberships: [membership],
  });
  const now = new Date();
  const half = await resumeSession(db, await startSession(db, person.id, now), now);
  const token = await completeSecondFactor(db, half!, now);
  const csrf = csrfToken(secret, createHash('sha256').update(token).digest('base64url'));
  return { personId: person.id, cookie: `meedoen_sessie=${token}`, csrf };
}
