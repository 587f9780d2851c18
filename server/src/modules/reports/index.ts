/** The public face of the reports module: the app imports only what is listed here (decision 050). The module owns no table. */
export { buildReport, periodOf } from './reports.service.ts';
