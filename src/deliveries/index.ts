// What other parts of the platform (the command line, the app, the benchmark) use of the partner import.
export { childKeySecretForPartner, importDeliveriesFromCli, pseudonymizeFromCli } from './cli-actions.ts';
export { importDeliveries, insertDeliveryBatch, type ImportOutcome } from './import-deliveries.ts';
export { startImportRun } from './runs.ts';
export { deliveryUploadRoutes } from './routes.tsx';
