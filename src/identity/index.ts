// What other capabilities may use of identity: who is signed in, the access rules, the session bar.
export { actorOf, signedInStaff, type RouteAccess } from './access.ts';
export { can, type Action, type Actor } from './policy.ts';
export { SessionBar } from './pages.tsx';
export type { ActiveSession } from './sessions.ts';
export { roleLabels } from './messages.ts';
