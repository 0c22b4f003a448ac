// What other capabilities may use of the action tracker.
export { ambitionLabels, ambitionNumbers } from './ambitions.ts';
export { readActionsFile } from './actions-file.ts';
export { seedActions } from './store.ts';
export { actionRoutes } from './routes.tsx';
