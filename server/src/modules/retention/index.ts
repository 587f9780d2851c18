/** The public face of the retention module: other modules and the app import only what is listed here (decision 050). */
export { runRetention } from './retention.service.ts';
