/** The public face of the extension-requests module: other modules and the app import only what is listed here (decision 050). */
export { openExtensionsOf, refuseOpenExtensionsOnClose } from './extension-requests.repository.ts';
export { decideExtension, requestExtension } from './extension-requests.service.ts';
