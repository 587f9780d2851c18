/** The public face of the auth module: other modules and the app import only what is listed here (decision 050). */
export { deleteRecoveryCodes } from './second-factor.service.ts';
export { issueAccountToken, revokeSessions, touchSession, voidAccountTokens } from './sessions.service.ts';
