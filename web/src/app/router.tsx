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

const AccountPage = page(() => import('./routes/account-page.tsx'), 'AccountPage');
const ApprovalsPage = page(() => import('./routes/approvals-page.tsx'), 'ApprovalsPage');
const AssignmentDetailPage = page(() => import('./routes/assignment-detail-page.tsx'), 'AssignmentDetailPage');
const AssignmentsPage = page(() => import('./routes/assignments-page.tsx'), 'AssignmentsPage');
const AuditLogPage = page(() => import('./routes/audit-log-page.tsx'), 'AuditLogPage');
const BudgetPage = page(() => import('./routes/budget-page.tsx'), 'BudgetPage');
const FinancialStatementPage = page(() => import('./routes/financial-statement-page.tsx'), 'FinancialStatementPage');
const ForgotPasswordPage = page(() => import('./routes/forgot-password-page.tsx'), 'ForgotPasswordPage');
const KnowledgePage = page(() => import('./routes/knowledge-page.tsx'), 'KnowledgePage');
const MailPage = page(() => import('./routes/mail-page.tsx'), 'MailPage');
const MessagesPage = page(() => import('./routes/messages-page.tsx'), 'MessagesPage');
const NewRequestPage = page(() => import('./routes/new-request-page.tsx'), 'NewRequestPage');
const NotificationsPage = page(() => import('./routes/notifications-page.tsx'), 'NotificationsPage');
const OffersPage = page(() => import('./routes/offers-page.tsx'), 'OffersPage');
const ReportPage = page(() => import('./routes/report-page.tsx'), 'ReportPage');
const ReferenceDataPage = page(() => import('./routes/reference-data-page.tsx'), 'ReferenceDataPage');
const RequestDetailPage = page(() => import('./routes/request-detail-page.tsx'), 'RequestDetailPage');
const RequestsPage = page(() => import('./routes/requests-page.tsx'), 'RequestsPage');
const AccessibilityStatementPage = page(() => import('./routes/statement-pages.tsx'), 'AccessibilityStatementPage');
const PrivacyStatementPage = page(() => import('./routes/statement-pages.tsx'), 'PrivacyStatementPage');
const SetPasswordPage = page(() => import('./routes/set-password-page.tsx'), 'SetPasswordPage');
const SpecialistProfilePage = page(() => import('./routes/specialist-profile-page.tsx'), 'SpecialistProfilePage');
const SpecialistRatesPage = page(() => import('./routes/specialist-rates-page.tsx'), 'SpecialistRatesPage');
const SpecialistsPage = page(() => import('./routes/specialists-page.tsx'), 'SpecialistsPage');
const TriagePage = page(() => import('./routes/triage-page.tsx'), 'TriagePage');
const UsersPage = page(() => import('./routes/users-page.tsx'), 'UsersPage');

/** The pages loaded on demand by their path (as in `AppRoutes`), for `preloadPageAt`. */
const PAGES_BY_PATH: readonly [string, Page][] = [
  ['/set-password', SetPasswordPage],
  ['/forgot-password', ForgotPasswordPage],
  ['/toegankelijkheid', AccessibilityStatementPage],
  ['/privacy', PrivacyStatementPage],
  ['/account', AccountPage],
  ['/knowledge', KnowledgePage],
  ['/users', UsersPage],
  ['/audit-log', AuditLogPage],
  ['/requests', RequestsPage],
  ['/requests/new', NewRequestPage],
  ['/requests/:requestId', RequestDetailPage],
  ['/triage', TriagePage],
  ['/hours', ApprovalsPage],
  ['/specialists', SpecialistsPage],
  ['/specialists/:specialistId', SpecialistProfilePage],
  ['/specialists/:specialistId/rates', SpecialistRatesPage],
  ['/assignments', AssignmentsPage],
  ['/assignments/:assignmentId', AssignmentDetailPage],
  ['/budget', BudgetPage],
  ['/financial-statements', FinancialStatementPage],
  ['/reports', ReportPage],
  ['/mail', MailPage],
  ['/offers', OffersPage],
  ['/messages', MessagesPage],
  ['/reference-data', ReferenceDataPage],
  ['/notifications', NotificationsPage],
];

/**
 * Starts loading the page at `pathname` (a deep link, a reload) while the user is still being
 * fetched, instead of after: one round trip less before the page shows. Nothing for the login page
 * (in the first chunk) or a path of no page. Called once the first “Laden…” is on screen, so the
 * page's code does not compete with the first chunk.
 */
function preloadPageAt(pathname: string): void {
  const found = PAGES_BY_PATH.find(([pattern]) => matchPath(pattern, pathname));
  found?.[1].preload().catch(() => undefined);
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

/** A page only users holding one of `roles` may see. */
const only = (roles: Role[], page: ReactNode) => <RequireRole roles={roles}>{page}</RequireRole>;

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
          <Route path="set-password" element={<SetPasswordPage />} />
          <Route path="forgot-password" element={<ForgotPasswordPage />} />
          <Route path="toegankelijkheid" element={<AccessibilityStatementPage />} />
          <Route path="privacy" element={<PrivacyStatementPage />} />
          <Route path="account" element={<AccountPage />} />
          <Route path="knowledge" element={<KnowledgePage />} />
          <Route path="users" element={only(['admin'], <UsersPage />)} />
          <Route path="audit-log" element={only(['coordinator', 'admin'], <AuditLogPage />)} />
          <Route path="requests" element={only(['requester'], <RequestsPage />)} />
          <Route path="requests/new" element={only(['requester'], <NewRequestPage />)} />
          <Route path="requests/:requestId" element={only(['requester', 'coordinator', 'specialist'], <RequestDetailPage />)} />
          <Route path="triage" element={only(['coordinator'], <TriagePage />)} />
          <Route path="hours" element={only(['coordinator'], <ApprovalsPage />)} />
          <Route path="specialists" element={only(['coordinator'], <SpecialistsPage />)} />
          <Route path="specialists/:specialistId" element={only(['coordinator', 'specialist'], <SpecialistProfilePage />)} />
          <Route path="specialists/:specialistId/rates" element={only(['coordinator'], <SpecialistRatesPage />)} />
          <Route path="assignments" element={only(['specialist'], <AssignmentsPage />)} />
          <Route path="assignments/:assignmentId" element={only(['specialist', 'coordinator'], <AssignmentDetailPage />)} />
          <Route path="budget" element={only(['coordinator', 'finance'], <BudgetPage />)} />
          <Route path="financial-statements" element={only(['finance', 'coordinator'], <FinancialStatementPage />)} />
          <Route path="reports" element={only(['coordinator', 'finance'], <ReportPage />)} />
          <Route path="mail" element={only(['admin'], <MailPage />)} />
          <Route path="offers" element={only(['requester', 'coordinator'], <OffersPage />)} />
          <Route path="messages" element={only(['requester', 'coordinator', 'specialist'], <MessagesPage />)} />
          <Route path="reference-data" element={only(['admin'], <ReferenceDataPage />)} />
          <Route path="notifications" element={<NotificationsPage />} />
          {/* The e-mail preferences moved to the account page; old links still arrive. */}
          <Route path="notification-preferences" element={<Navigate to="/account" replace />} />
          <Route path="no-access" element={<NoAccessPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </ErrorBoundary>
  );
}
