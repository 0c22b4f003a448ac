// What the rest of the application uses of the poverty-trend capability (ambition 2).
export { povertyApiRoutes } from './api-routes.ts';
export { povertyPageRoutes } from './page-routes.tsx';
export { ensurePovertyReferenceData } from './reference-data.ts';
export { importLabourParticipation } from './import-labour-participation.ts';
export { importLabourParticipationFromCli } from './labour-participation-cli.ts';
export {
  formatFileReport,
  validateLabourParticipationFile,
  type LabourParticipationRow,
} from './labour-participation-file.ts';
