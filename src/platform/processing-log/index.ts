export { defineActivity, findActivity, listActivities, type ProcessingActivity } from './activities.ts';
export { createPseudonymiser, type Pseudonymiser } from './pseudonym.ts';
export {
  logProcessing,
  logProcessingMany,
  processingLogRows,
  NO_SUBJECT,
  processingActions,
  type ProcessingAction,
  type ProcessingActor,
  type ProcessingEntry,
} from './log.ts';
export {
  exportProcessingLogCsv,
  MAX_PAGE_SIZE,
  processingsAbout,
  searchProcessingLog,
  type ProcessingAbout,
  type ProcessingLogFilter,
  type ProcessingRecord,
} from './search.ts';
