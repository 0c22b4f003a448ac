// What other capabilities may use of the good practices.
export { practiceRoutes } from './routes.tsx';
