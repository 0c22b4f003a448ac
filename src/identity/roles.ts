/** Roles a person holds within an organisation (platform_admin holds it without one). */
export const roles = [
  'intermediary',
  'handler',
  'coordinator',
  'policy_officer',
  'national_analyst',
  'privacy_officer',
  'platform_admin',
] as const;
export type Role = (typeof roles)[number];

/** Every staff role needs a second factor; parents and young people have no role and need no account. */
export function needsSecondFactor(roleList: readonly Role[]): boolean {
  return roleList.length > 0;
}
