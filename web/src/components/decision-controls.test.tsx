import { render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../lib/api-client.ts';
import { DecisionControls } from './decision-controls.tsx';

const labels = {
  accept: 'Goedkeuren',
  refuse: 'Afkeuren',
  reason: 'Reden van afkeuren',
  confirmRefuse: 'Afkeuring bevestigen',
  reasonRequired: 'Geef een reden.',
};

function setup(mutationError: unknown = null) {
  const onAccept = vi.fn();
  const onRefuse = vi.fn();
  render(
    <DecisionControls
      id="r1"
      labels={labels}
      context={null}
      pending={false}
      mutationError={mutationError}
      onAccept={onAccept}
      onRefuse={onRefuse}
      reasonMaxLength={1000}
    />,
  );
  return { onAccept, onRefuse, user: userEvent.setup() };
}

describe('DecisionControls', () => {
  it('accepts in one click', async () => {
    const { onAccept, onRefuse, user } = setup();
    await user.click(screen.getByRole('button', { name: 'Goedkeuren' }));
    expect(onAccept).toHaveBeenCalledOnce();
    expect(onRefuse).not.toHaveBeenCalled();
  });

  it('refuses only with a reason, trimmed', async () => {
    const { onRefuse, user } = setup();
    await user.click(screen.getByRole('button', { name: 'Afkeuren' }));
    await user.click(screen.getByRole('button', { name: 'Afkeuring bevestigen' }));
    expect(onRefuse).not.toHaveBeenCalled();
    expect(screen.getByText('Geef een reden.')).toBeTruthy();
    await user.type(screen.getByLabelText(/Reden van afkeuren/), '  Dubbel geschreven  ');
    await user.click(screen.getByRole('button', { name: 'Afkeuring bevestigen' }));
    expect(onRefuse).toHaveBeenCalledWith('Dubbel geschreven');
  });

  it('does not send a reason that holds a phone number', async () => {
    const { onRefuse, user } = setup();
    await user.click(screen.getByRole('button', { name: 'Afkeuren' }));
    await user.type(screen.getByLabelText(/Reden van afkeuren/), 'Bel 06-12345678');
    await user.click(screen.getByRole('button', { name: 'Afkeuring bevestigen' }));
    expect(onRefuse).not.toHaveBeenCalled();
  });

  it("shows the server's refusal of the reason at the reason field, not above the buttons", async () => {
    const refusal = new ApiError({
      type: 'validation-failed',
      title: 'Ongeldige invoer',
      status: 400,
      detail: 'De invoer is ongeldig.',
      errors: [{ in: 'body', pointer: '/reason', message: 'Reden is te lang.' }],
    });
    const { user } = setup(refusal);
    await user.click(screen.getByRole('button', { name: 'Afkeuren' }));
    const field = screen.getByLabelText(/Reden van afkeuren/);
    const described = (field.getAttribute('aria-describedby') ?? '').split(' ');
    expect(described).toContain('r1-error');
    expect(document.getElementById('r1-error')?.textContent).toBe('Reden is te lang.');
    expect(screen.queryByText('De invoer is ongeldig.')).toBeNull();
  });

  it('clears the missing-reason error as soon as a reason is typed, without confirming again', async () => {
    const { onRefuse, user } = setup();
    await user.click(screen.getByRole('button', { name: 'Afkeuren' }));
    await user.click(screen.getByRole('button', { name: 'Afkeuring bevestigen' }));
    expect(document.getElementById('r1-error')?.textContent).toBe('Geef een reden.');
    expect(document.activeElement).toBe(screen.getByLabelText(/Reden van afkeuren/));
    await user.type(screen.getByLabelText(/Reden van afkeuren/), 'Dubbel');
    expect(document.getElementById('r1-error')).toBeNull();
    expect(onRefuse).not.toHaveBeenCalled();
  });
});
