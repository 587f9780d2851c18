// What the SPA's build hands the server beside its files (docs/decisions/070-a-light-spa.md).

/**
 * The file, under the SPA's build folder, that lists each page loaded on demand with the JavaScript
 * it loads when it is the first page opened and the `index.html` written for it, which names those
 * files as modulepreloads (both written by `pagePreloads` in web/vite.config.ts; the server's SPA
 * plugin answers the page's addresses with that file). Its folder is not served (a dot folder).
 */
export const SPA_PAGE_PRELOADS_FILE = '.vite/page-preloads.json';

/** The content of `SPA_PAGE_PRELOADS_FILE`. */
export interface SpaPagePreloads {
  /**
   * One entry per page: its address as React Router matches it (`/requests/:requestId`), its
   * JavaScript (`assets/…js`) and its `index.html` (`pages/…html`), relative to the build folder.
   */
  pages: { path: string; files: string[]; html: string }[];
}
