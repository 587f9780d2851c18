import { render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ConfirmAction } from './confirm-action.tsx';

const row = (name: string, onConfirm: () => boolean | undefined) => (
  <ConfirmAction
    label="Deactiveer"
    accessibleName={`Deactiveer ${name}`}
    pending={false}
    text={{ question: `${name} deactiveren?`, consequences: [`${name} kan niet meer inloggen.`], confirmLabel: `Ja, deactiveer ${name}` }}
    onConfirm={onConfirm}
  />
);

describe('ConfirmAction', () => {
  it('gives each row a button of its own name and does nothing before the confirmation', async () => {
    const jan = vi.fn(() => true);
    const piet = vi.fn(() => true);
    render(
      <>
        {row('Jan Jansen', jan)}
        {row('Piet Pieters', piet)}
      </>,
    );
    const user = userEvent.setup();
    expect(screen.getByRole('button', { name: 'Deactiveer Jan Jansen' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Deactiveer Piet Pieters' }));
    expect(piet).not.toHaveBeenCalled();
    expect(screen.getByText('Piet Pieters kan niet meer inloggen.')).toBeTruthy();
    expect(document.activeElement?.textContent).toBe('Piet Pieters deactiveren?');
    await user.click(screen.getByRole('button', { name: 'Ja, deactiveer Piet Pieters' }));
    expect(piet).toHaveBeenCalledTimes(1);
    expect(jan).not.toHaveBeenCalled();
    expect(screen.queryByText('Piet Pieters kan niet meer inloggen.')).toBeNull();
  });

  it('goes back without acting, focus on the button again; a refused confirmation stays open', async () => {
    const act = vi.fn(() => false);
    render(row('Jan Jansen', act));
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Deactiveer Jan Jansen' }));
    await user.click(screen.getByRole('button', { name: 'Ja, deactiveer Jan Jansen' }));
    expect(act).toHaveBeenCalledTimes(1);
    expect(screen.getByText('Jan Jansen kan niet meer inloggen.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: /common.back|Terug/ }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Deactiveer Jan Jansen' }));
  });
});
