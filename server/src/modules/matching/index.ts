/** The public face of the matching module: other modules and the app import only what is listed here (decision 050). */
export { isStandingSpecialistOf } from './standing-visibility.ts';
export { suggestionsFor, topSuggestion } from './suggestions.read-model.ts';
