/** The public face of the knowledge module: other modules and the app import only what is listed here (decision 050). */
export { knowledgeRoutes } from './knowledge.routes.ts';
