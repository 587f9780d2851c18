// What the SPA's build hands the server beside its files (docs/decisions/070-a-light-spa.md).

/**
 * The file, under the SPA's build folder, that lists the JavaScript each page loaded on demand
 * loads when it is the first page opened (written by `pagePreloads` in web/vite.config.ts, read by
 * the server's SPA plugin, which names those files in that page's `index.html`). Its folder is not
 * served (a dot folder).
 */
export const SPA_PAGE_PRELOADS_FILE = '.vite/page-preloads.json';

/** The content of `SPA_PAGE_PRELOADS_FILE`. */
export interface SpaPagePreloads {
  /** One entry per page: its address as React Router matches it (`/requests/:requestId`), and its files relative to the build folder (`assets/…js`). */
  pages: { path: string; files: string[] }[];
}
