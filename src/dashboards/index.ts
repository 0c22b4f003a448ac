// What the app wires up of the reach dashboards (public pages over the reach's disclosure-controlled figures).
export { dashboardRoutes } from './routes.tsx';
