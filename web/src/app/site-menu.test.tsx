import { render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { type NavItem, SiteMenu } from './signed-in.tsx';

const items: NavItem[] = [
  { to: '/triage', label: 'Triage' },
  { to: '/budget', label: 'Budget' },
  { to: '/notifications', label: 'Meldingen', count: { value: 3, meaning: 'ongelezen' } },
];

function renderMenu() {
  return render(
    <MemoryRouter initialEntries={['/triage']}>
      <SiteMenu items={items} section={items[0]} />
    </MemoryRouter>,
  );
}

// The phone menu (decision 124): a disclosure button before the list; CSS hides the list on a phone while closed.
describe('the main menu', () => {
  it('opens and closes with its button, closes on Escape with focus back on the button, and on choosing a page', async () => {
    const user = userEvent.setup();
    renderMenu();
    const button = screen.getByRole('button', { name: 'Menu' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    const list = document.getElementById(button.getAttribute('aria-controls') ?? '');
    expect(list?.tagName).toBe('UL');
    await user.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(list?.classList.contains('dsp-nav__list--open')).toBe(true);
    await user.tab();
    expect(document.activeElement?.textContent).toBe('Triage');
    await user.keyboard('{Escape}');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(button);
    await user.click(button);
    await user.click(screen.getByRole('link', { name: 'Budget' }));
    expect(button.getAttribute('aria-expanded')).toBe('false');
  });

  it('names a count with its meaning and no stray space: “Meldingen (3 ongelezen)”, showing “(3)”', () => {
    renderMenu();
    const link = screen.getByRole('link', { name: 'Meldingen (3 ongelezen)' });
    expect(link.textContent).toBe('Meldingen (3)');
  });
});
