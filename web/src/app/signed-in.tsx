import type { Me } from '@duidingspool/shared';
import { Button, Paragraph } from '@utrecht/component-library-react';
import { type KeyboardEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation, useNavigate } from 'react-router';
import { useLogout } from '../features/auth/api/logout.ts';
import { isolate } from '../lib/bidi.ts';
import { requestHeadingFocus } from '../lib/focus.ts';

// What only a signed-in user sees in the header: who is signed in with “Uitloggen”, and the menu
// of their roles. Its counts are fetched by `nav-counts.tsx`, loaded on demand: their queries read
// contracts with zod, which the first chunk does without (docs/decisions/070-a-light-spa.md).

export interface NavItem {
  to: string;
  label: string;
  /** A number shown after the label (unread notifications, hours to approve), with its meaning for screen readers. */
  count?: { value: number; meaning: string };
}

/** Numbers the menu shows beside its items; left out while unknown. */
export interface NavCounts {
  /** The user's unread notifications. */
  unread?: number | undefined;
  /** Submitted hours waiting for a coordinator's decision. */
  hoursToApprove?: number | undefined;
  /** Unread messages in the threads of the user's requests. */
  unreadMessages?: number | undefined;
}

const withCount = (value: number | undefined, meaning: string): Pick<NavItem, 'count'> => (value ? { count: { value, meaning } } : {});

/** The navigation items of a user's roles, in a fixed order without duplicates, with their counts. */
export function navItemsFor(me: Me, t: (key: string) => string, counts: NavCounts = {}): NavItem[] {
  const items: NavItem[] = [];
  const roles = me.roles;
  if (roles.includes('coordinator')) {
    items.push(
      { to: '/triage', label: t('nav.triage') },
      { to: '/hours', label: t('nav.approvals'), ...withCount(counts.hoursToApprove, t('nav.toDecide')) },
      { to: '/specialists', label: t('nav.specialists') },
    );
  }
  if (roles.includes('requester')) {
    items.push({ to: '/requests', label: t('nav.myRequests') }, { to: '/requests/new', label: t('nav.newRequest') });
  }
  if (roles.includes('specialist')) items.push({ to: '/assignments', label: t('nav.myAssignments') });
  if (roles.includes('specialist') && me.specialistId) items.push({ to: `/specialists/${me.specialistId}`, label: t('nav.myProfile') });
  if (roles.some((r) => r === 'requester' || r === 'coordinator' || r === 'specialist'))
    items.push({ to: '/messages', label: t('nav.messages'), ...withCount(counts.unreadMessages, t('nav.unreadMessages')) });
  if (roles.includes('coordinator') || roles.includes('requester')) items.push({ to: '/offers', label: t('nav.offers') });
  if (roles.includes('coordinator') || roles.includes('finance')) items.push({ to: '/budget', label: t('nav.budget') });
  if (roles.includes('coordinator') || roles.includes('finance')) items.push({ to: '/financial-statements', label: t('nav.financialStatements') });
  if (roles.includes('coordinator') || roles.includes('finance')) items.push({ to: '/reports', label: t('nav.reports') });
  if (roles.includes('admin')) items.push({ to: '/users', label: t('nav.users') });
  if (roles.includes('coordinator') || roles.includes('admin')) items.push({ to: '/audit-log', label: t('nav.auditLog') });
  if (roles.includes('admin')) items.push({ to: '/mail', label: t('nav.mail') });
  if (roles.includes('admin')) items.push({ to: '/reference-data', label: t('nav.referenceData') });
  items.push({ to: '/knowledge', label: t('nav.knowledge') });
  items.push({ to: '/notifications', label: t('nav.notifications'), ...withCount(counts.unread, t('nav.unread')) });
  return items;
}

/** Who is signed in, the link to their account and “Uitloggen”. */
export function SignedIn({ me, onLogout, pending }: { me: Me; onLogout: () => void; pending: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Paragraph className="dsp-user__name">{t('layout.signedInAs', { name: isolate(me.displayName) })}</Paragraph>
      <NavLink to="/account" className="utrecht-link utrecht-link--html-a dsp-user__account">
        {t('layout.account')}
      </NavLink>
      <Button appearance="secondary-action-button" onClick={onLogout} disabled={pending}>
        {t('layout.logout')}
      </Button>
    </>
  );
}

/** The name of a menu item: its label, with its count and the count's meaning (“Meldingen (3 ongelezen)”). */
export function navItemName(item: NavItem): string {
  return item.count ? `${item.label} (${item.count.value} ${item.count.meaning})` : item.label;
}

/**
 * The main menu. On a wide screen a row of links; on a phone (below 40rem) the disclosure pattern of
 * GOV.UK's service navigation: a “Menu” button (`aria-expanded`) that shows and hides the list right
 * after it, so Tab goes from the button into the links. Escape closes it and puts focus back on the
 * button; choosing a page closes it (focus then goes to the new page's heading). An item with a count
 * shows “(3)” and is named with the count's meaning by `navItemName`, so the name has no stray spaces
 * a hidden span would add.
 */
export function SiteMenu({ items, section }: { items: NavItem[]; section: NavItem | undefined }) {
  const { t } = useTranslation();
  const location = useLocation();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const listId = useId();
  // A new page closes the menu.
  const lastPath = useRef(location.pathname);
  if (lastPath.current !== location.pathname) {
    lastPath.current = location.pathname;
    if (open) setOpen(false);
  }
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && open) {
      setOpen(false);
      button.current?.focus();
    }
  };
  return (
    // Escape closes the open menu from the button or any of its links.
    <nav className="dsp-nav" aria-label={t('layout.navLabel')} onKeyDown={onKeyDown}>
      <button ref={button} type="button" className="dsp-nav__toggle" aria-expanded={open} aria-controls={listId} onClick={() => setOpen((o) => !o)}>
        {t('layout.menu')}
      </button>
      <ul id={listId} className={`dsp-nav__list${open ? ' dsp-nav__list--open' : ''}`}>
        {items.map((item) => (
          <li key={item.to} className="dsp-nav__item">
            <NavLink
              to={item.to}
              end
              // The current page is marked by NavLink itself; a page within a section marks the section.
              aria-current={location.pathname === item.to ? 'page' : section?.to === item.to ? 'true' : undefined}
              {...(item.count ? { 'aria-label': navItemName(item) } : {})}
              onClick={() => setOpen(false)}
              className={`dsp-nav__link${section?.to === item.to ? ' dsp-nav__link--active' : ''}`}
            >
              {item.label}
              {item.count ? ` (${item.count.value})` : null}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Where a detail page belongs in the menu when no item's path is its prefix: requests and assignments under the coordinator's triage. */
const SECTION_OF_DETAIL: readonly [RegExp, string][] = [
  [/^\/requests\//, '/triage'],
  [/^\/assignments\//, '/triage'],
];

/**
 * The menu item of the section `pathname` is in: the item whose path is the longest prefix of it
 * (a detail page belongs to its list), else the coordinator's home for a request or assignment;
 * undefined when none applies.
 */
export function sectionOf(pathname: string, items: readonly NavItem[]): NavItem | undefined {
  const within = items.filter((i) => pathname === i.to || pathname.startsWith(`${i.to}/`));
  // "Nieuw verzoek" (/requests/new) is a section of its own, not a request of "Mijn verzoeken".
  const best = within.sort((a, b) => b.to.length - a.to.length)[0];
  if (best) return best;
  const fallback = SECTION_OF_DETAIL.find(([pattern]) => pattern.test(pathname))?.[1];
  return items.find((i) => i.to === fallback);
}

/** `SignedIn` with its own “Uitloggen”: ends the session, then the login page (focus on its heading). */
export function SignedInUser({ me }: { me: Me }) {
  const navigate = useNavigate();
  const logout = useLogout();
  const logoutNow = () =>
    logout.mutate(undefined, {
      onSettled: () => {
        requestHeadingFocus();
        navigate('/login', { replace: true });
      },
    });
  return <SignedIn me={me} onLogout={logoutNow} pending={logout.isPending} />;
}

/** The menu of `me`'s roles with the counts beside its items (unread notifications and messages, hours to decide), once known. */
export function SignedInMenu({ me, counts }: { me: Me; counts: NavCounts }) {
  const { t } = useTranslation();
  const location = useLocation();
  const items = navItemsFor(me, t, counts);
  if (items.length === 0) return null;
  return <SiteMenu items={items} section={sectionOf(location.pathname, items)} />;
}
