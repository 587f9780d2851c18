import type { Role } from '@duidingspool/shared';
import { type ComponentType, type LazyExoticComponent, lazy, type ReactNode, useEffect } from 'react';
import { ErrorBoundary } from 'react-error-boundary';
import { matchPath, Navigate, Route, Routes, useLocation } from 'react-router';
import { Loading } from '../components/loading.tsx';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { hasRole, homePathFor, PUBLIC_PATHS, useMe } from '../lib/auth.ts';
import { loadAllTexts } from '../lib/i18n.ts';
import { loadValidationMessages } from '../lib/problem-text.ts';
import { AppLayout } from './layout.tsx';
import { LAZY_PAGES, type LazyPage } from './pages.ts';
import { LoginPage } from './routes/login-page.tsx';
import { NoAccessPage, NotFoundPage } from './routes/not-found-page.tsx';
import { RouteErrorPage } from './routes/route-error-page.tsx';

/**
 * A page loaded on demand: its code (and the libraries only it uses, such as the chart library of
 * the budget page) is a chunk of its own, fetched the first time the page is opened, together with
 * the Dutch texts beyond the shell's (`loadAllTexts`) and zod's messages in the UI's language
 * (`loadValidationMessages`). The login page, the error pages and the app
 * shell stay in the first chunk, so a visitor's first page needs no second round trip.
 */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): Page {
  let loading: Promise<{ default: ComponentType }> | undefined;
  const preload = () => {
    loading ??= Promise.all([load(), loadAllTexts(), loadValidationMessages()]).then(([m]) => ({ default: m[name] }));
    return loading;
  };
  return Object.assign(lazy(preload), { preload });
}

/** A page loaded on demand; `preload` starts loading it (and its texts) before it is rendered. */
type Page = LazyExoticComponent<ComponentType> & { preload: () => Promise<unknown> };

// The modules of the pages loaded on demand (`pages.ts`); the login and error pages are in the first chunk.
const PAGE_MODULES = import.meta.glob<Record<string, ComponentType>>([
  './routes/*.tsx',
  '!./routes/login-page.tsx',
  '!./routes/not-found-page.tsx',
  '!./routes/route-error-page.tsx',
  '!./routes/assign-panel.tsx',
  '!./routes/*.test.tsx',
]);

/** Each page of `LAZY_PAGES` with its component loaded on demand. */
const PAGES: readonly (LazyPage & { Component: Page })[] = LAZY_PAGES.map((p: LazyPage) => {
  const load = PAGE_MODULES[`./routes/${p.module}.tsx`];
  if (!load) throw new Error(`no module routes/${p.module}.tsx for ${p.path}`);
  return { ...p, Component: page(load, p.component) };
});

/**
 * Starts loading the page at `pathname` (a deep link, a reload) while the user is still being
 * fetched, instead of after: one round trip less before the page shows. Nothing for the login page
 * (in the first chunk) or a path of no page. Called once the first “Laden…” is on screen, so the
 * page's code does not compete with the first chunk.
 */
function preloadPageAt(pathname: string): void {
  const found = PAGES.find((p) => matchPath(p.path, pathname));
  found?.Component.preload().catch(() => undefined);
}

/** The page while the user is still on its way: a polite “Laden…”. */
function PendingPage() {
  return (
    <main id="main" className="dsp-main">
      <Loading />
    </main>
  );
}

/** Loads the user; shows the login page to visitors and keeps signed-in users away from it. */
function Root() {
  const me = useMe();
  const location = useLocation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the page the app was opened on.
  useEffect(() => preloadPageAt(location.pathname), []);
  if (me.isPending) return <PendingPage />;
  if (me.isError) {
    return (
      <main id="main" className="dsp-main">
        <ProblemAlert error={me.error} />
      </main>
    );
  }
  const user = me.data;
  const onLogin = location.pathname === '/login';
  if (!user && !PUBLIC_PATHS.includes(location.pathname)) {
    const from = `${location.pathname}${location.search}`;
    return <Navigate to="/login" replace state={from !== '/' ? { from } : undefined} />;
  }
  if (user && onLogin) {
    // Back to the page that asked for a login (a deep link from an e-mail), else the role's home.
    const from = (location.state as { from?: string } | null)?.from;
    return <Navigate to={from && from !== '/login' ? from : homePathFor(user)} replace />;
  }
  // A session without the second factor its roles need may only set it up (the API says so too).
  if (user?.enrolmentOnly && location.pathname !== '/account') return <Navigate to="/account" replace />;
  return <AppLayout me={user} />;
}

/** Renders `children` only for users holding one of `roles`. */
function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const me = useMe();
  if (!hasRole(me.data, ...roles)) return <NoAccessPage />;
  return <>{children}</>;
}

/** Sends `/` to the signed-in user's home. */
function Home() {
  const me = useMe();
  if (!me.data) return <Navigate to="/login" replace />;
  return <Navigate to={homePathFor(me.data)} replace />;
}

/** A page only users holding one of `roles` may see. */
const only = (roles: readonly Role[], page: ReactNode) => <RequireRole roles={roles}>{page}</RequireRole>;

/**
 * The app's routes, in the browser's history (`<BrowserRouter>` in main.tsx). Every page but the
 * login and error pages is loaded on demand (see `page`). An error while rendering a page shows the
 * error page, which goes away on the next navigation.
 */
export function AppRoutes() {
  const location = useLocation();
  return (
    <ErrorBoundary FallbackComponent={RouteErrorPage} resetKeys={[location.pathname]}>
      <Routes>
        <Route path="/" element={<Root />}>
          <Route index element={<Home />} />
          <Route path="login" element={<LoginPage />} />
          {PAGES.map(({ path, roles, Component }) => (
            <Route key={path} path={path.slice(1)} element={roles ? only(roles, <Component />) : <Component />} />
          ))}
          {/* The e-mail preferences moved to the account page; old links still arrive. */}
          <Route path="notification-preferences" element={<Navigate to="/account" replace />} />
          <Route path="no-access" element={<NoAccessPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </ErrorBoundary>
  );
}
