import { applyValidationMessages, validationMessage } from '@duidingspool/shared';
import { i18next } from './i18n.ts';
import { setValidationMessages } from './problem-text.ts';

// zod's messages in the UI's language, for the checks the forms run in the browser and the field
// errors the server names by a zod issue code (`fieldErrorText`). Loaded with zod — by every page
// (the router's `page`), the signed-in header and `loadValidationMessages` — not by the first chunk,
// so the login page needs no zod (docs/decisions/070-a-light-spa.md).

const apply = (language: string) => applyValidationMessages(language.startsWith('en') ? 'en' : 'nl');
apply(i18next.language ?? 'nl');
i18next.on('languageChanged', apply);
setValidationMessages(validationMessage);
