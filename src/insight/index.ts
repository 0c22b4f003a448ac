// What other capabilities may use of insight.
export { isLifeDomain, lifeDomainLabels, lifeDomains, type LifeDomain } from './domains.ts';
export { insightRoutes } from './routes.tsx';
