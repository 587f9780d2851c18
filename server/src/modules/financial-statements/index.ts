/** The public face of the financial-statements module: other modules and the app import only what is listed here (decision 050). */
export { financialStatementRoutes } from './financial-statements.routes.ts';
