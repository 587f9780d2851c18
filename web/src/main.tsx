import '@utrecht/component-library-css/dist/index.css';
import './styles/theme.css';
import './styles/app.css';
import './lib/i18n.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { PUBLIC_PATHS } from './app/pages.ts';
import { AppProvider } from './app/provider.tsx';
import { AppRoutes } from './app/router.tsx';
import { warmUpIntl } from './lib/intl-warm-up.ts';
import { initialLanguage, switchLanguage } from './lib/language.ts';

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');

// A page that needs a login shows amounts and times; the login and public pages show none.
if (!PUBLIC_PATHS.includes(window.location.pathname)) warmUpIntl();

// A visitor whose browser prefers English (or who chose it here before) gets it from the first
// page on; Dutch needs no wait. After login the user's own language wins (AppLayout).
const language = initialLanguage();
const ready = language === 'nl' ? Promise.resolve() : switchLanguage(language).catch(() => undefined);

void ready.then(() =>
  createRoot(container).render(
    <StrictMode>
      <AppProvider>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </AppProvider>
    </StrictMode>,
  ),
);
