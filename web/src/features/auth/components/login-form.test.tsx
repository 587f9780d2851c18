import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, renderForm, stubApi } from '../../../testing/api-stub.tsx';
import { LoginForm } from './login-form.tsx';

const errorText = (fieldId: string) => document.getElementById(`${fieldId}-error`)?.textContent ?? null;
const summary = () => document.querySelector('.dsp-error-summary');
const user = {
  id: '00000000-0000-4000-8000-000000000001',
  email: 'piet@example.org',
  displayName: 'Piet',
  roles: ['coordinator'],
  memberships: [],
  municipalityMemberships: [],
  specialistId: null,
  language: 'nl',
  twoFactorEnabled: true,
  twoFactorRequired: false,
  enrolmentOnly: false,
};
const problem = (status: number, type: string, errors: unknown[] = []) =>
  json({ type, title: 'Niet ingelogd', status, detail: 'Inloggen is niet gelukt.', requestId: 'r-test', ...(errors.length ? { errors } : {}) }, status);

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('LoginForm', () => {
  it('names what is missing, focuses the summary, and checks a field again as it changes', async () => {
    const calls = stubApi(() => problem(401, 'unauthenticated'));
    const u = renderForm(<LoginForm onSuccess={vi.fn()} />);
    await u.click(screen.getByRole('button', { name: 'Inloggen' }));
    await waitFor(() => expect(errorText('login-email')).toBe('Vul uw e-mailadres in.'));
    expect(errorText('login-password')).toBe('Vul uw wachtwoord in.');
    expect(document.activeElement).toBe(summary());
    expect(screen.getByRole('link', { name: 'E-mailadres: Vul uw e-mailadres in.' })).toBeTruthy();
    expect(screen.getByLabelText('E-mailadres').getAttribute('aria-describedby')).toBe('login-email-error');
    expect(screen.getByLabelText('E-mailadres').getAttribute('aria-invalid')).toBe('true');

    await u.type(screen.getByLabelText('E-mailadres'), 'piet@example');
    await waitFor(() => expect(errorText('login-email')).toBe('Vul een geldig e-mailadres in.'));
    expect(errorText('login-password')).toBe('Vul uw wachtwoord in.');
    await u.type(screen.getByLabelText('E-mailadres'), '.org');
    await waitFor(() => expect(errorText('login-email')).toBeNull());
    expect(errorText('login-password')).toBe('Vul uw wachtwoord in.');
    expect(calls).toEqual([]);

    await u.type(screen.getByLabelText('Wachtwoord'), 'geheim');
    await u.click(screen.getByRole('button', { name: 'Inloggen' }));
    await waitFor(() => expect(summary()?.textContent).toContain('Het e-mailadres of wachtwoord klopt niet.'));
    expect(errorText('login-email')).toBeNull();
    expect(document.activeElement).toBe(summary());
  });

  it('sends the address as the contract reads it, asks for the code when the server does, and takes a recovery code instead', async () => {
    const onSuccess = vi.fn();
    let answers = 0;
    const calls = stubApi(() =>
      answers++ === 0 ? problem(401, 'second-factor-required', [{ in: 'body', pointer: '/totp', message: 'is verplicht', code: 'required' }]) : json({ user }),
    );
    const u = renderForm(<LoginForm onSuccess={onSuccess} />);
    await u.type(screen.getByLabelText('E-mailadres'), '  Piet@Example.ORG ');
    await u.type(screen.getByLabelText('Wachtwoord'), ' geheim ');
    await u.click(screen.getByRole('button', { name: 'Inloggen' }));
    await waitFor(() => expect(summary()?.textContent).toContain('Vul ook de code uit uw authenticator-app in.'));
    expect(calls[0]?.body).toEqual({ email: 'piet@example.org', password: ' geheim ' });

    await u.type(screen.getByLabelText('Code uit uw authenticator-app'), '12a');
    await u.click(screen.getByRole('button', { name: 'Inloggen' }));
    await waitFor(() => expect(errorText('login-totp')).toBe('Vul de 6 cijfers uit uw authenticator-app in.'));
    expect(calls).toHaveLength(1);

    await u.click(screen.getByRole('button', { name: 'Geen toegang tot uw app? Gebruik een herstelcode' }));
    expect(errorText('login-totp')).toBeNull();
    expect(screen.queryByLabelText('Code uit uw authenticator-app')).toBeNull();
    await u.type(screen.getByLabelText('Herstelcode'), ' ABCDE-FGHIJ ');
    await u.click(screen.getByRole('button', { name: 'Inloggen' }));
    await waitFor(() => expect(onSuccess).toHaveBeenCalledWith(user));
    expect(calls[1]?.body).toEqual({ email: 'piet@example.org', password: ' geheim ', recoveryCode: 'abcdefghij' });
  });
});
