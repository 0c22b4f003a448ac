// What other capabilities (the partner import, deliveries, the dashboards) may use of the reach.
export { refreshReach, refreshReachInParallel, recomputeReach, type ReachCell } from './refresh.ts';
export { reachCellName, type CellCounts, type ImportCounts } from './import-counts.ts';
export { ensureReachReferenceData } from './reference-data.ts';
export { reachRoutes as reachApiRoutes, reachQuerySchema } from './routes.ts';
// The dashboards' queries: every figure they return is already disclosure-controlled.
export {
  defaultReachRules,
  municipalityReach,
  nationalReach,
  type Breakdown,
  type GroupReach,
  type MunicipalityReach,
  type NationalReach,
  type ReachDetail,
} from './query.ts';
export { incomeGroups, type IncomeGroup } from './schema.ts';
export { reachYears } from './years.ts';
export type { Boundaries } from './figures.ts';
export type { ReachRules } from './small-units.ts';
export { importTargetGroupsCommand, recomputeReachCommand, setReachTargetCommand } from './commands.ts';
