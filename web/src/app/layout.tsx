import type { Me } from '@duidingspool/shared';
import { Button, Paragraph } from '@utrecht/component-library-react';
import { Suspense, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { Loading } from '../components/loading.tsx';
import { useLogout } from '../features/auth/api/logout.ts';
import { isolate } from '../lib/bidi.ts';
import { requestHeadingFocus } from '../lib/focus.ts';

interface NavItem {
  to: string;
  label: string;
}

/** The navigation items of a user's roles, in a fixed order without duplicates. */
export function navItemsFor(me: Me, t: (key: string) => string): NavItem[] {
  const items: NavItem[] = [];
  const roles = me.roles;
  if (roles.includes('coordinator')) {
    items.push({ to: '/triage', label: t('nav.triage') }, { to: '/hours', label: t('nav.approvals') }, { to: '/specialists', label: t('nav.specialists') });
  }
  if (roles.includes('requester')) {
    items.push({ to: '/requests', label: t('nav.myRequests') }, { to: '/requests/new', label: t('nav.newRequest') });
  }
  if (roles.includes('specialist')) items.push({ to: '/assignments', label: t('nav.myAssignments') });
  if (roles.includes('specialist') && me.specialistId) items.push({ to: `/specialists/${me.specialistId}`, label: t('nav.myProfile') });
  if (roles.includes('coordinator') || roles.includes('finance')) items.push({ to: '/budget', label: t('nav.budget') });
  if (roles.includes('coordinator') || roles.includes('finance')) items.push({ to: '/financial-statements', label: t('nav.financialStatements') });
  if (roles.includes('coordinator') || roles.includes('finance')) items.push({ to: '/reports', label: t('nav.reports') });
  if (roles.includes('admin')) items.push({ to: '/users', label: t('nav.users') });
  if (roles.includes('coordinator') || roles.includes('admin')) items.push({ to: '/audit-log', label: t('nav.auditLog') });
  if (roles.includes('admin')) items.push({ to: '/mail', label: t('nav.mail') });
  if (roles.includes('admin')) items.push({ to: '/reference-data', label: t('nav.referenceData') });
  items.push({ to: '/knowledge', label: t('nav.knowledge') });
  items.push({ to: '/notification-preferences', label: t('nav.notificationPreferences') });
  return items;
}

/**
 * Header (name, navigation per role, user and “Uitloggen”), skip link and the single `<main>`, in
 * which a page loaded on demand shows a polite loading status until its code has arrived.
 */
export function AppLayout({ me }: { me: Me | null }) {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const logout = useLogout();
  const lastPath = useRef(location.pathname);

  // Decided while rendering, before the new page's heading mounts and asks for focus.
  if (lastPath.current !== location.pathname) {
    lastPath.current = location.pathname;
    requestHeadingFocus();
  }

  // Until the second factor is set up, the session can do nothing else: no menu.
  const items = me && !me.enrolmentOnly ? navItemsFor(me, t) : [];

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
          {me ? (
            <div className="dsp-user">
              <Paragraph className="dsp-user__name">{t('layout.signedInAs', { name: isolate(me.displayName) })}</Paragraph>
              <NavLink to="/account" className="utrecht-link utrecht-link--html-a dsp-user__account">
                {t('layout.account')}
              </NavLink>
              <Button
                appearance="secondary-action-button"
                onClick={() =>
                  logout.mutate(undefined, {
                    onSettled: () => {
                      requestHeadingFocus();
                      navigate('/login', { replace: true });
                    },
                  })
                }
                disabled={logout.isPending}
              >
                {t('layout.logout')}
              </Button>
            </div>
          ) : null}
        </div>
        {items.length > 0 ? (
          <nav className="dsp-nav" aria-label={t('layout.navLabel')}>
            <ul className="dsp-nav__list">
              {items.map((item) => (
                <li key={item.to} className="dsp-nav__item">
                  <NavLink to={item.to} end className={({ isActive }) => `dsp-nav__link${isActive ? ' dsp-nav__link--active' : ''}`}>
                    {item.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </header>
      <main id="main" tabIndex={-1} className="dsp-main">
        {/* Pages are loaded on demand: until a page's code arrives, a polite “Laden…” status. */}
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="dsp-footer">
        <Paragraph className="dsp-footer__text">{t('layout.footer')}</Paragraph>
      </footer>
    </div>
  );
}
