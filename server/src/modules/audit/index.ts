/** The public face of the audit module: other modules and the app import only what is listed here (decision 050). */
export { audit, auditAs, SYSTEM_ORIGIN } from './audit.service.ts';
