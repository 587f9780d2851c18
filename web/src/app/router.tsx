import type { Role } from '@duidingspool/shared';
import { type ComponentType, type LazyExoticComponent, lazy, type ReactNode } from 'react';
import { createBrowserRouter, Navigate, useLocation } from 'react-router';
import { Loading } from '../components/loading.tsx';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { hasRole, homePathFor, useMe } from '../lib/auth.ts';
import { AppLayout } from './layout.tsx';
import { LoginPage } from './routes/login-page.tsx';
import { NoAccessPage, NotFoundPage } from './routes/not-found-page.tsx';
import { RouteErrorPage } from './routes/route-error-page.tsx';

/** Pages a visitor may open without signing in. */
const PUBLIC_PATHS = ['/login', '/set-password', '/forgot-password'];

/**
 * A page loaded on demand: its code (and the libraries only it uses, such as the chart library of
 * the budget page) is a chunk of its own, fetched the first time the page is opened. The login page,
 * the error pages and the app shell stay in the first chunk, so a visitor's first page needs no
 * second round trip.
 */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): LazyExoticComponent<ComponentType> {
  return lazy(() => load().then((m) => ({ default: m[name] })));
}

const AccountPage = page(() => import('./routes/account-page.tsx'), 'AccountPage');
const ApprovalsPage = page(() => import('./routes/approvals-page.tsx'), 'ApprovalsPage');
const AssignmentDetailPage = page(() => import('./routes/assignment-detail-page.tsx'), 'AssignmentDetailPage');
const AssignmentsPage = page(() => import('./routes/assignments-page.tsx'), 'AssignmentsPage');
const AuditLogPage = page(() => import('./routes/audit-log-page.tsx'), 'AuditLogPage');
const BudgetPage = page(() => import('./routes/budget-page.tsx'), 'BudgetPage');
const ForgotPasswordPage = page(() => import('./routes/forgot-password-page.tsx'), 'ForgotPasswordPage');
const MailPage = page(() => import('./routes/mail-page.tsx'), 'MailPage');
const NewRequestPage = page(() => import('./routes/new-request-page.tsx'), 'NewRequestPage');
const NotificationPreferencesPage = page(() => import('./routes/notification-preferences-page.tsx'), 'NotificationPreferencesPage');
const RequestDetailPage = page(() => import('./routes/request-detail-page.tsx'), 'RequestDetailPage');
const RequestsPage = page(() => import('./routes/requests-page.tsx'), 'RequestsPage');
const SetPasswordPage = page(() => import('./routes/set-password-page.tsx'), 'SetPasswordPage');
const SpecialistRatesPage = page(() => import('./routes/specialist-rates-page.tsx'), 'SpecialistRatesPage');
const SpecialistsPage = page(() => import('./routes/specialists-page.tsx'), 'SpecialistsPage');
const TriagePage = page(() => import('./routes/triage-page.tsx'), 'TriagePage');
const UsersPage = page(() => import('./routes/users-page.tsx'), 'UsersPage');

/** Loads the user; shows the login page to visitors and keeps signed-in users away from it. */
function Root() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) {
    return (
      <main id="main" className="dsp-main">
        <Loading />
      </main>
    );
  }
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
function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
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

/** The app's routes; every page but the login and error pages is loaded on demand (see `page`). */
export function createAppRouter() {
  return createBrowserRouter([
    {
      path: '/',
      element: <Root />,
      errorElement: <RouteErrorPage />,
      children: [
        { index: true, element: <Home /> },
        { path: 'login', element: <LoginPage /> },
        { path: 'set-password', element: <SetPasswordPage /> },
        { path: 'forgot-password', element: <ForgotPasswordPage /> },
        { path: 'account', element: <AccountPage /> },
        {
          path: 'users',
          element: (
            <RequireRole roles={['admin']}>
              <UsersPage />
            </RequireRole>
          ),
        },
        {
          path: 'audit-log',
          element: (
            <RequireRole roles={['coordinator', 'admin']}>
              <AuditLogPage />
            </RequireRole>
          ),
        },
        {
          path: 'requests',
          element: (
            <RequireRole roles={['requester']}>
              <RequestsPage />
            </RequireRole>
          ),
        },
        {
          path: 'requests/new',
          element: (
            <RequireRole roles={['requester']}>
              <NewRequestPage />
            </RequireRole>
          ),
        },
        {
          path: 'requests/:requestId',
          element: (
            <RequireRole roles={['requester', 'coordinator', 'specialist']}>
              <RequestDetailPage />
            </RequireRole>
          ),
        },
        {
          path: 'triage',
          element: (
            <RequireRole roles={['coordinator']}>
              <TriagePage />
            </RequireRole>
          ),
        },
        {
          path: 'hours',
          element: (
            <RequireRole roles={['coordinator']}>
              <ApprovalsPage />
            </RequireRole>
          ),
        },
        {
          path: 'specialists',
          element: (
            <RequireRole roles={['coordinator']}>
              <SpecialistsPage />
            </RequireRole>
          ),
        },
        {
          path: 'specialists/:specialistId/rates',
          element: (
            <RequireRole roles={['coordinator']}>
              <SpecialistRatesPage />
            </RequireRole>
          ),
        },
        {
          path: 'assignments',
          element: (
            <RequireRole roles={['specialist']}>
              <AssignmentsPage />
            </RequireRole>
          ),
        },
        {
          path: 'assignments/:assignmentId',
          element: (
            <RequireRole roles={['specialist', 'coordinator']}>
              <AssignmentDetailPage />
            </RequireRole>
          ),
        },
        {
          path: 'budget',
          element: (
            <RequireRole roles={['coordinator', 'finance']}>
              <BudgetPage />
            </RequireRole>
          ),
        },
        {
          path: 'mail',
          element: (
            <RequireRole roles={['admin']}>
              <MailPage />
            </RequireRole>
          ),
        },
        { path: 'notification-preferences', element: <NotificationPreferencesPage /> },
        { path: 'no-access', element: <NoAccessPage /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}
