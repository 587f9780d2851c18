import type { Me } from '@duidingspool/shared';
import { lazy, Suspense, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { Loading } from '../components/loading.tsx';
import { requestHeadingFocus } from '../lib/focus.ts';
import { LanguageSwitch, useUserLanguage } from './language-switch.tsx';
import { type NavCounts, SignedInMenu, SignedInUser } from './signed-in.tsx';
import { SiteFooter } from './site-footer.tsx';

const NavCountsSource = lazy(() => import('./nav-counts.tsx').then((m) => ({ default: m.NavCountsSource })));

/**
 * Header (name, the language switch, navigation per role, user and “Uitloggen”), skip link, the single `<main>`, in
 * which a page loaded on demand shows a polite loading status until its code has arrived, and the footer (contact, statements).
 * The menu's counts are fetched by a part loaded on demand (`nav-counts.tsx`); the menu shows them
 * once they arrive.
 */
export function AppLayout({ me }: { me: Me | null }) {
  const { t } = useTranslation();
  const location = useLocation();
  const lastPath = useRef(location.pathname);
  useUserLanguage(me);

  // Decided while rendering, before the new page's heading mounts and asks for focus.
  if (lastPath.current !== location.pathname) {
    lastPath.current = location.pathname;
    requestHeadingFocus();
  }

  // Until the second factor is set up, the session can do nothing else: no menu.
  const withMenu = !!me && !me.enrolmentOnly;
  const [counts, setCounts] = useState<NavCounts>({});

  return (
    <div className="dsp-app">
      <a href="#main" className="utrecht-skip-link utrecht-skip-link--visible-on-focus">
        {t('layout.skipLink')}
      </a>
      <header className="dsp-header">
        <div className="dsp-header__bar">
          <div className="dsp-brand">
            <span className="dsp-brand__name">{t('app.name')}</span>
            <span className="dsp-brand__tagline">{t('app.tagline')}</span>
          </div>
          <div className="dsp-user">
            <LanguageSwitch me={me} />
            {me ? <SignedInUser me={me} /> : null}
          </div>
        </div>
        {withMenu ? (
          <>
            <SignedInMenu me={me} counts={counts} />
            <Suspense fallback={null}>
              <NavCountsSource me={me} onChange={setCounts} />
            </Suspense>
          </>
        ) : null}
      </header>
      <main id="main" tabIndex={-1} className="dsp-main">
        {/* Pages are loaded on demand: until a page's code arrives, a polite “Laden…” status. */}
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <SiteFooter />
    </div>
  );
}
