/** The public face of the auth module: other modules and the app import only what is listed here (decision 050). */

export { issueAccountToken, voidAccountTokens } from './account-tokens.ts';
export { deleteRecoveryCodes } from './second-factor.service.ts';
export { revokeSessions, touchSession } from './sessions.service.ts';
