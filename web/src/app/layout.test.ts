import type { Me } from '@duidingspool/shared';
import { describe, expect, it } from 'vitest';
import { i18next } from '../lib/i18n.ts';
import { navItemsFor, sectionOf } from './signed-in.tsx';

const me = (roles: Me['roles'], specialistId: string | null = null): Me => ({
  id: '00000000-0000-4000-8000-000000000001',
  email: 'x@example.org',
  displayName: 'X',
  roles,
  memberships: [],
  municipalityMemberships: [],
  specialistId,
  language: 'nl',
  twoFactorEnabled: true,
  twoFactorRequired: false,
  enrolmentOnly: false,
});
const t = (key: string) => i18next.t(key);

describe('the menu', () => {
  it('shows the unread count and the hours to decide beside their items', () => {
    const items = navItemsFor(me(['coordinator']), t, { unread: 3, hoursToApprove: 2 });
    expect(items.find((i) => i.to === '/notifications')?.count?.value).toBe(3);
    expect(items.find((i) => i.to === '/hours')?.count?.value).toBe(2);
    expect(navItemsFor(me(['coordinator']), t, { unread: 0 }).find((i) => i.to === '/notifications')?.count).toBeUndefined();
  });

  it('marks the section a page is in: a detail page its list, “Nieuw verzoek” itself, a coordinator’s request the triage', () => {
    const requester = navItemsFor(me(['requester']), t);
    expect(sectionOf('/requests/6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b', requester)?.to).toBe('/requests');
    expect(sectionOf('/requests/new', requester)?.to).toBe('/requests/new');
    const coordinator = navItemsFor(me(['coordinator']), t);
    expect(sectionOf('/requests/6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b', coordinator)?.to).toBe('/triage');
    expect(sectionOf('/specialists/abc/rates', coordinator)?.to).toBe('/specialists');
    const specialist = navItemsFor(me(['specialist'], 'abc'), t);
    expect(sectionOf('/specialists/abc', specialist)?.to).toBe('/specialists/abc');
    expect(sectionOf('/assignments/xyz', specialist)?.to).toBe('/assignments');
    expect(sectionOf('/account', specialist)).toBeUndefined();
  });
});
