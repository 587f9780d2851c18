import type { Role } from '@duidingspool/shared';

// The pages loaded on demand, once: the router builds their routes from this table, and the build
// (`pagePreloads` in web/vite.config.ts) reads it to tell the server which chunks each address
// needs, so `index.html` can ask for them while the first chunk loads (docs/decisions/070-a-light-spa.md).
// Plain data, no React: the build configuration imports it.

/** One page loaded on demand. */
export interface LazyPage {
  /** The address it answers, as React Router matches it (`:name` is one segment). */
  readonly path: string;
  /** Its module under `src/app/routes/`, without `.tsx`. */
  readonly module: string;
  /** The name of the component the module exports. */
  readonly component: string;
  /** Only users holding one of these roles see it (others get the no-access page); any signed-in user when left out. */
  readonly roles?: readonly Role[];
  /** Open without signing in (the login page is such a page too, in the first chunk). */
  readonly public?: true;
}

/** Every page loaded on demand, by the order of the menu more or less; the router ranks the paths itself. */
export const LAZY_PAGES = [
  { path: '/set-password', module: 'set-password-page', component: 'SetPasswordPage', public: true },
  { path: '/forgot-password', module: 'forgot-password-page', component: 'ForgotPasswordPage', public: true },
  { path: '/toegankelijkheid', module: 'statement-pages', component: 'AccessibilityStatementPage', public: true },
  { path: '/privacy', module: 'statement-pages', component: 'PrivacyStatementPage', public: true },
  { path: '/account', module: 'account-page', component: 'AccountPage' },
  { path: '/knowledge', module: 'knowledge-page', component: 'KnowledgePage' },
  { path: '/users', module: 'users-page', component: 'UsersPage', roles: ['admin'] },
  { path: '/audit-log', module: 'audit-log-page', component: 'AuditLogPage', roles: ['coordinator', 'admin'] },
  { path: '/requests', module: 'requests-page', component: 'RequestsPage', roles: ['requester'] },
  { path: '/requests/new', module: 'new-request-page', component: 'NewRequestPage', roles: ['requester'] },
  { path: '/requests/:requestId', module: 'request-detail-page', component: 'RequestDetailPage', roles: ['requester', 'coordinator', 'specialist'] },
  { path: '/triage', module: 'triage-page', component: 'TriagePage', roles: ['coordinator'] },
  { path: '/hours', module: 'approvals-page', component: 'ApprovalsPage', roles: ['coordinator'] },
  { path: '/specialists', module: 'specialists-page', component: 'SpecialistsPage', roles: ['coordinator'] },
  { path: '/specialists/:specialistId', module: 'specialist-profile-page', component: 'SpecialistProfilePage', roles: ['coordinator', 'specialist'] },
  { path: '/specialists/:specialistId/rates', module: 'specialist-rates-page', component: 'SpecialistRatesPage', roles: ['coordinator'] },
  { path: '/assignments', module: 'assignments-page', component: 'AssignmentsPage', roles: ['specialist'] },
  { path: '/assignments/:assignmentId', module: 'assignment-detail-page', component: 'AssignmentDetailPage', roles: ['specialist', 'coordinator'] },
  { path: '/budget', module: 'budget-page', component: 'BudgetPage', roles: ['coordinator', 'finance'] },
  { path: '/financial-statements', module: 'financial-statement-page', component: 'FinancialStatementPage', roles: ['finance', 'coordinator'] },
  { path: '/reports', module: 'report-page', component: 'ReportPage', roles: ['coordinator', 'finance'] },
  { path: '/mail', module: 'mail-page', component: 'MailPage', roles: ['admin'] },
  { path: '/offers', module: 'offers-page', component: 'OffersPage', roles: ['requester', 'coordinator'] },
  { path: '/messages', module: 'messages-page', component: 'MessagesPage', roles: ['requester', 'coordinator', 'specialist'] },
  { path: '/reference-data', module: 'reference-data-page', component: 'ReferenceDataPage', roles: ['admin'] },
  { path: '/notifications', module: 'notifications-page', component: 'NotificationsPage' },
] as const satisfies readonly LazyPage[];

/** The component names of the pages loaded on demand. */
export type LazyPageName = (typeof LAZY_PAGES)[number]['component'];

/** Pages a visitor may open without signing in: the login page and the public pages above. */
export const PUBLIC_PATHS: readonly string[] = ['/login', ...LAZY_PAGES.filter((p: LazyPage) => p.public).map((p) => p.path)];

/**
 * What a page loaded on demand imports beside its own chunk when it is first opened, as modules of
 * `web/`: every page the Dutch texts (`loadAllTexts`) and zod's messages (`loadValidationMessages`),
 * which the router's `page` loads with it; a page that needs a login also the contracts that read
 * `/me` (`getMe`) and the menu's counts (`AppLayout`). The build fails when one of them is no longer
 * a chunk of its own.
 */
export const LOADED_WITH_PAGES = {
  every: ['src/locales/nl.json', 'src/lib/zod-language.ts'],
  signedIn: ['src/lib/session-contracts.ts', 'src/app/nav-counts.tsx'],
} as const;
