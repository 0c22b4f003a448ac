/** Roles a person holds within an organisation (platform_admin holds it without one). */
export const roles = [
  'intermediary',
  'handler',
  'coordinator',
  'policy_officer',
  'national_analyst',
  'privacy_officer',
  // Records portraits and signals of how poverty touches children's lives (ambition 3), and reads them.
  'researcher',
  'platform_admin',
] as const;
export type Role = (typeof roles)[number];
