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
