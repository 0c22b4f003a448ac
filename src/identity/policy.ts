import { roles, type Role } from './roles.ts';
import type { Membership } from './store.ts';

/** Who is asking: nobody signed in, or a staff member (with or without the second factor done yet). */
export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'staff'; personId: string; memberships: Membership[]; secondFactorDone: boolean };

/** What a thing belongs to, as far as access is concerned. */
export type Resource = { organisationKey: string } | 'platform';

// Every permission in one place, one line each: which roles may do it, and on whose things.
// 'own' means within an organisation the actor is a member of in that role; 'any' means across the platform.
const rules = {
  'staff.home': { roles, scope: 'any' },
  'mail.outbox.read': { roles: ['platform_admin'], scope: 'any' },
  'members.manage': { roles: ['coordinator'], scope: 'own' },
  'catalogue.edit': { roles: ['coordinator'], scope: 'own' },
  'schemes.edit': { roles: ['coordinator'], scope: 'own' },
  'processing_log.search': { roles: ['privacy_officer'], scope: 'any' },
  // Applying on a family's behalf, and the intermediary's own caseload.
  'applications.apply': { roles: ['intermediary'], scope: 'own' },
  // The handling organisation's queue: deciding, asking for information, registering deliveries.
  'applications.handle': { roles: ['handler', 'coordinator'], scope: 'own' },
  // A partner's own delivery files, imported for the reach monitor; runs are visible only to its members.
  'deliveries.import': { roles: ['coordinator', 'handler'], scope: 'own' },
  // Ambition 3: portraits and signals are recorded for an organisation, and read (unaggregated) nationally.
  'insight.record': { roles: ['researcher', 'intermediary', 'handler'], scope: 'own' },
  'insight.read': { roles: ['researcher', 'policy_officer', 'national_analyst'], scope: 'any' },
  // Ambition 4: an organisation submits its good practices; national analysts review them for everyone.
  'practices.submit': { roles: ['coordinator', 'policy_officer'], scope: 'own' },
  'practices.review': { roles: ['national_analyst'], scope: 'any' },
  'practices.react': {
    roles: ['intermediary', 'handler', 'coordinator', 'policy_officer', 'national_analyst', 'researcher'],
    scope: 'any',
  },
  // The action tracker of the ministry's programme.
  'actions.edit': { roles: ['national_analyst', 'platform_admin'], scope: 'any' },
} as const satisfies Record<string, { roles: readonly Role[]; scope: 'own' | 'any' }>;

export type Action = keyof typeof rules;
export const actions = Object.keys(rules) as Action[];

/**
 * Whether an actor may do an action on a resource. Staff count only after the second factor; anonymous
 * visitors may do none of these (the public pages need no permission).
 */
export function can(actor: Actor, action: Action, resource: Resource = 'platform'): boolean {
  if (actor.kind !== 'staff' || !actor.secondFactorDone) return false;
  const rule = rules[action];
  const allowed = new Set<Role>(rule.roles);
  return actor.memberships.some((m) => {
    if (!allowed.has(m.role)) return false;
    if (rule.scope === 'any') return true;
    return resource !== 'platform' && m.organisationKey === resource.organisationKey;
  });
}
