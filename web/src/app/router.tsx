import type { Role } from '@duidingspool/shared';
import { lazy, type ReactNode, Suspense } from 'react';
import { createBrowserRouter, Navigate, useLocation } from 'react-router';
import { Loading } from '../components/loading.tsx';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { hasRole, homePathFor, useMe } from '../lib/auth.ts';
import { AppLayout } from './layout.tsx';
import { AccountPage } from './routes/account-page.tsx';
import { ApprovalsPage } from './routes/approvals-page.tsx';
import { AssignmentDetailPage } from './routes/assignment-detail-page.tsx';
import { AssignmentsPage } from './routes/assignments-page.tsx';
import { AuditLogPage } from './routes/audit-log-page.tsx';
import { ForgotPasswordPage } from './routes/forgot-password-page.tsx';
import { LoginPage } from './routes/login-page.tsx';
import { MailPage } from './routes/mail-page.tsx';
import { NewRequestPage } from './routes/new-request-page.tsx';
import { NoAccessPage, NotFoundPage } from './routes/not-found-page.tsx';
import { NotificationPreferencesPage } from './routes/notification-preferences-page.tsx';
import { RequestDetailPage } from './routes/request-detail-page.tsx';
import { RequestsPage } from './routes/requests-page.tsx';
import { RouteErrorPage } from './routes/route-error-page.tsx';
import { SetPasswordPage } from './routes/set-password-page.tsx';
import { SpecialistRatesPage } from './routes/specialist-rates-page.tsx';
import { SpecialistsPage } from './routes/specialists-page.tsx';
import { TriagePage } from './routes/triage-page.tsx';
import { UsersPage } from './routes/users-page.tsx';

/** Pages a visitor may open without signing in. */
const PUBLIC_PATHS = ['/login', '/set-password', '/forgot-password'];

const BudgetPage = lazy(() => import('./routes/budget-page.tsx').then((m) => ({ default: m.BudgetPage })));

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

/** The app's routes; the budget page is loaded on demand (it carries the chart library). */
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
              <Suspense fallback={<Loading />}>
                <BudgetPage />
              </Suspense>
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
