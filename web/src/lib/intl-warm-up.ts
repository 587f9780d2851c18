/**
 * Starts a worker that loads the browser's number and date data (ICU) off the main thread, while
 * the first chunk waits for `/me` and the page's code: the first Intl formatter of a page costs
 * tens of milliseconds of main thread on a phone, which would otherwise fall in the page's first
 * render with data. The worker ends once done. Where workers are missing or refused, or where a
 * browser keeps those data per thread, nothing changes: the first formatter pays, as before
 * (docs/decisions/070-a-light-spa.md).
 */
export function warmUpIntl(): void {
  if (typeof Worker === 'undefined') return;
  try {
    const worker = new Worker(new URL('./intl-warm-up.worker.ts', import.meta.url), { type: 'module' });
    const end = () => worker.terminate();
    worker.addEventListener('message', end);
    worker.addEventListener('error', end);
  } catch {
    // No worker here: the formatters load the data on first use.
  }
}
