import type { Me } from '@duidingspool/shared';
import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorOf, refusal, renderForm, sentBody, stubAnswer, stubAnswers } from '../../../testing/api-stub.tsx';
import { ForgotPasswordForm } from './forgot-password-form.tsx';
import { TotpEnrolment } from './totp-enrolment.tsx';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the account forms on the one form pattern', () => {
  it('a reset link: an address the contract refuses is refused until fixed; a refused address lands on its field', async () => {
    const fetch = stubAnswer(400, refusal('/email', 'Dit adres kan geen mail ontvangen.'));
    const user = renderForm(<ForgotPasswordForm />);
    await user.type(screen.getByLabelText(/E-mailadres/), 'jan@');
    await user.click(screen.getByRole('button', { name: 'Link versturen' }));
    expect(errorOf(/E-mailadres/)).toBe('Vul een geldig e-mailadres in.');
    expect(fetch).not.toHaveBeenCalled();
    await user.type(screen.getByLabelText(/E-mailadres/), 'example.org');
    expect(errorOf(/E-mailadres/)).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Link versturen' }));
    await waitFor(() => expect(errorOf(/E-mailadres/)).toBe('Dit adres kan geen mail ontvangen.'));
    expect(sentBody(fetch)).toEqual({ email: 'jan@example.org' });
  });

  it('the second factor: a code of other than six digits is refused until fixed; a refused code is said to be wrong at the field', async () => {
    const fetch = stubAnswers(
      [201, { secret: 'ABCDEFGHIJKLMNOP', otpauthUri: 'otpauth://totp/x', qrCodeDataUrl: 'data:image/png;base64,' }],
      [400, refusal('/code', 'onjuist')],
    );
    const me = { twoFactorEnabled: false, twoFactorRequired: true } as Me;
    const user = renderForm(<TotpEnrolment me={me} onDone={() => {}} />);
    await user.click(screen.getByRole('button', { name: 'Tweestapsverificatie instellen' }));
    const code = await screen.findByLabelText(/Code uit uw authenticator-app/);
    await user.type(code, '12345');
    await user.click(screen.getByRole('button', { name: 'Bevestigen' }));
    expect(errorOf(/Code uit uw authenticator-app/)).toBe('Vul de 6 cijfers uit uw authenticator-app in.');
    await user.type(code, '6');
    expect(errorOf(/Code uit uw authenticator-app/)).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Bevestigen' }));
    await waitFor(() => expect(errorOf(/Code uit uw authenticator-app/)).toBe('De code is onjuist of al gebruikt.'));
    expect(sentBody(fetch, 1)).toEqual({ code: '123456' });
  });
});
