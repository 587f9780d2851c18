// Runs in a worker: makes the kinds of Intl formatters the pages use (format.ts, shared dates.ts),
// so the browser loads its ICU data for numbers, dates and the Europe/Amsterdam time zone on this
// thread. In Chromium those data are kept for the whole page's process, so the page's own first
// formatter no longer spends tens of milliseconds of the main thread on them (`warmUpIntl`).
new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' }).format(1);
new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'short', timeStyle: 'short' }).format(0);
new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(0);
postMessage('done');
