import type { User } from '@duidingspool/shared';
import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorOf, refusal, renderForm, sentBody, stubAnswer } from '../../../testing/api-stub.tsx';
import { EditUserForm } from './edit-user-form.tsx';

const user: User = {
  id: '00000000-0000-4000-8000-000000000001',
  email: 'jan@example.org',
  displayName: 'Jan Jansen',
  roles: ['specialist'],
  caseTableIds: [],
  municipalityIds: [],
  isActive: true,
  isDemo: false,
  hasPassword: true,
  twoFactorEnabled: false,
  createdAt: '2026-01-05T09:00:00.000Z',
};

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('EditUserForm on the one form pattern', () => {
  it('an empty name is refused until typed again; a refused name lands on its field; only the change is sent', async () => {
    const fetch = stubAnswer(400, refusal('/displayName', 'Deze naam bevat een teken dat niet mag.'));
    const driver = renderForm(<EditUserForm user={user} isSelf={false} caseTables={[]} onClose={() => {}} />);
    const name = screen.getByRole('textbox', { name: /^Naam/ });
    await driver.clear(name);
    await driver.click(screen.getByRole('button', { name: 'Wijzigingen opslaan' }));
    expect(errorOf(/^Naam/)).toBe('Vul een naam in.');
    expect(fetch).not.toHaveBeenCalled();
    await driver.type(name, 'Jan de Vries');
    expect(errorOf(/^Naam/)).toBeNull();
    await driver.click(screen.getByRole('button', { name: 'Wijzigingen opslaan' }));
    await waitFor(() => expect(errorOf(/^Naam/)).toBe('Deze naam bevat een teken dat niet mag.'));
    expect(sentBody(fetch)).toEqual({ displayName: 'Jan de Vries' });
  });

  it('an admin editing themselves cannot drop their own admin role: refused at the roles until ticked again', async () => {
    const fetch = stubAnswer(200, user);
    const driver = renderForm(<EditUserForm user={{ ...user, roles: ['admin'] }} isSelf caseTables={[]} onClose={() => {}} />);
    await driver.click(screen.getByRole('checkbox', { name: 'beheerder' }));
    await driver.click(screen.getByRole('checkbox', { name: 'duidingsspecialist' }));
    await driver.click(screen.getByRole('button', { name: 'Wijzigingen opslaan' }));
    expect(document.getElementById('edit-user-roles-error')?.textContent).toBe('U kunt uw eigen rol beheerder niet intrekken.');
    await driver.click(screen.getByRole('checkbox', { name: 'beheerder' }));
    expect(document.getElementById('edit-user-roles-error')).toBeNull();
    expect(fetch).not.toHaveBeenCalled();
  });
});
