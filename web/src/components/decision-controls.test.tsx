import { render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { DecisionControls } from './decision-controls.tsx';

const labels = {
  accept: 'Goedkeuren',
  refuse: 'Afkeuren',
  reason: 'Reden van afkeuren',
  confirmRefuse: 'Afkeuring bevestigen',
  reasonRequired: 'Geef een reden.',
};

function setup() {
  const onAccept = vi.fn();
  const onRefuse = vi.fn();
  render(
    <DecisionControls
      id="r1"
      labels={labels}
      context={null}
      pending={false}
      mutationError={null}
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
});
