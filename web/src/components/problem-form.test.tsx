import { render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../lib/api-client.ts';
import { TextField } from './form-field.tsx';
import { FormFrame, fieldsOrMessage, type ProblemAdjust, useProblemForm } from './problem-form.tsx';

const problem = new ApiError({
  type: 'validation-failed',
  title: 'Ongeldige invoer',
  status: 400,
  detail: 'De invoer is ongeldig.',
  errors: [
    { in: 'body', pointer: '/reason', message: 'Reden is te lang.' },
    { in: 'body', pointer: '/elsewhere', message: 'Hoort bij geen veld.' },
  ],
});

/** A two-field form that fails locally on an empty name and otherwise with `answer`. */
function Harness({ answer, pending = false, adjust }: { answer: unknown; pending?: boolean; adjust?: ProblemAdjust<'name' | 'reason'> }) {
  const [name, setName] = useState('');
  const [reason, setReason] = useState('');
  const form = useProblemForm({ name: 'f-name', reason: 'f-reason' }, { name: 'Naam', reason: 'Reden' });
  const submit = () => {
    form.begin();
    if (!form.check(name ? {} : { name: 'Vul een naam in.' })) return;
    if (answer === 'ok') form.succeed('Opgeslagen.');
    else form.fail(answer, adjust);
  };
  return (
    <FormFrame frame={form.frame} onSubmit={submit} submitLabel="Opslaan" pending={pending}>
      <TextField {...form.field('name')} value={name} onChange={setName} />
      <TextField {...form.field('reason')} value={reason} onChange={setReason} />
    </FormFrame>
  );
}

const summary = () => screen.queryByRole('region', { name: 'Er ging iets mis' });

describe('useProblemForm with FormFrame', () => {
  it('shows its own findings on the field and in the summary, which takes focus', async () => {
    const user = userEvent.setup();
    render(<Harness answer="ok" />);
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    const field = screen.getByLabelText('Naam');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')).toBe('f-name-error');
    expect(document.getElementById('f-name-error')?.textContent).toBe('Vul een naam in.');
    expect(document.activeElement).toBe(summary());
    expect(screen.getByRole('link', { name: 'Naam: Vul een naam in.' }).getAttribute('href')).toBe('#f-name');
  });

  it("puts the server's field errors on the fields it has, with the problem's message (naming the other fields in words) above them", async () => {
    const user = userEvent.setup();
    render(<Harness answer={problem} />);
    await user.type(screen.getByLabelText('Naam'), 'Jan');
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(document.getElementById('f-reason-error')?.textContent).toBe('Reden is te lang.');
    expect(screen.getByLabelText('Naam').getAttribute('aria-invalid')).toBeNull();
    expect(summary()?.textContent).toContain('De invoer is niet geldig. Controleer de velden. Een veld: Hoort bij geen veld.');
    expect(summary()?.textContent).not.toContain('De invoer is ongeldig.');
    expect(summary()?.textContent).not.toContain('/elsewhere');
    expect(document.activeElement).toBe(summary());
  });

  it('shows the field errors alone with fieldsOrMessage, and the message when no field is named', async () => {
    const user = userEvent.setup();
    const { unmount } = render(<Harness answer={problem} adjust={fieldsOrMessage} />);
    await user.type(screen.getByLabelText('Naam'), 'Jan');
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(document.getElementById('f-reason-error')).not.toBeNull();
    expect(summary()?.textContent).not.toContain('De invoer is ongeldig.');
    unmount();
    render(<Harness answer={new TypeError('Failed to fetch')} adjust={fieldsOrMessage} />);
    await user.type(screen.getByLabelText('Naam'), 'Jan');
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(summary()?.textContent).toContain('geen verbinding met de server');
  });

  it('announces success in the status region and clears it on the next submit', async () => {
    const user = userEvent.setup();
    render(<Harness answer="ok" />);
    await user.type(screen.getByLabelText('Naam'), 'Jan');
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(screen.getByRole('status').textContent).toBe('Opgeslagen.');
    expect(summary()).toBeNull();
    await user.clear(screen.getByLabelText('Naam'));
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('disables the submit button while the call runs', () => {
    render(<Harness answer="ok" pending />);
    expect((screen.getByRole('button', { name: 'Opslaan' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
