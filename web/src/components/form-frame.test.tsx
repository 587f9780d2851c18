import { render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { FormFrame, type FormFrameState } from './form-frame.tsx';

const quiet: FormFrameState = { summary: [], general: null, focusKey: 0, done: null };

describe('FormFrame', () => {
  it('submits without the browser’s own submit, and announces success in its status region', async () => {
    const onSubmit = vi.fn();
    const { rerender } = render(
      <FormFrame frame={quiet} onSubmit={onSubmit} submitLabel="Opslaan" pending={false}>
        <input aria-label="Naam" />
      </FormFrame>,
    );
    await userEvent.setup().click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('status').textContent).toBe('');
    rerender(
      <FormFrame frame={{ ...quiet, done: 'Opgeslagen.' }} onSubmit={onSubmit} submitLabel="Opslaan" pending={false}>
        <input aria-label="Naam" />
      </FormFrame>,
    );
    expect(screen.getByRole('status').textContent).toBe('Opgeslagen.');
  });

  it('shows the summary with its general message, and disables the submit button while the call runs', () => {
    render(
      <FormFrame frame={{ ...quiet, general: 'Geen verbinding met de server.', focusKey: 1 }} onSubmit={() => {}} submitLabel="Opslaan" pending>
        <input aria-label="Naam" />
      </FormFrame>,
    );
    expect(screen.getByRole('region', { name: 'Er ging iets mis' }).textContent).toContain('Geen verbinding met de server.');
    expect((screen.getByRole('button', { name: 'Opslaan' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
