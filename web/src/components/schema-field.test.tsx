import { IsoDateSchema, multiLineText, parseDutchDate, requiredSingleLineText } from '@duidingspool/shared';
import { render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiError } from '../lib/api-client.ts';
import { today } from '../lib/dates.ts';
import { amountInput, dateInput, durationInput, textInput } from '../lib/form-inputs.ts';
import { i18next } from '../lib/i18n.ts';
import { FormFrame } from './form-frame.tsx';
import { Field } from './schema-field.tsx';
import { useSchemaForm } from './schema-form.tsx';

const NOTE_MAX = 20;
const NAME_MAX = 10;

/** A form of each kind of field; `answer` is what the “server” says to a valid submit. */
function Harness({ answer, onBody }: { answer?: unknown; onBody?: (body: unknown) => void }) {
  const { t } = useTranslation();
  const schema = useMemo(
    () =>
      z
        .object({
          name: textInput(requiredSingleLineText(NAME_MAX), t),
          note: textInput(multiLineText(NOTE_MAX), t),
          minutes: durationInput(
            z
              .number()
              .int()
              .min(1)
              .max(24 * 60),
            t,
          ),
          rateCents: amountInput(z.number().int().min(1).max(10_000_000), t),
          meetingOn: dateInput(IsoDateSchema, t),
        })
        // A form's schema is often transformed into the body; its fields' limits are still found.
        .transform((body) => body),
    [t],
  );
  const form = useSchemaForm({
    schema,
    defaultValues: { name: '', note: '', minutes: '', rateCents: '', meetingOn: '' },
    ids: { name: 'h-name', note: 'h-note', minutes: 'h-minutes', rateCents: 'h-rate', meetingOn: 'h-meeting' },
    labels: { name: 'Naam', note: 'Toelichting', minutes: 'Duur (uu:mm)', rateCents: 'Tarief', meetingOn: 'Datum overleg' },
  });
  const submit = form.submit((body) => {
    onBody?.(body);
    if (answer) form.fail(answer);
    else form.succeed('Opgeslagen.');
  });
  return (
    <FormFrame frame={form.frame} onSubmit={submit} submitLabel="Opslaan" pending={false}>
      <Field form={form} name="name" required />
      <Field form={form} name="note" kind="textarea" announceDelay={0} />
      <Field form={form} name="minutes" kind="duration" required />
      <Field form={form} name="rateCents" kind="amount" required />
      <Field form={form} name="meetingOn" kind="date" warnIfPast required />
    </FormFrame>
  );
}

const summary = () => screen.queryByRole('region', { name: 'Er ging iets mis' });

/** Fills every field validly. */
async function fillValid(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText('Naam'), 'Jan');
  await user.type(screen.getByLabelText('Duur (uu:mm)'), '4,5');
  await user.type(screen.getByLabelText('Tarief'), '1.234,56');
  await user.type(screen.getByLabelText('Datum overleg'), '29-11-2099');
}

afterEach(async () => {
  await i18next.changeLanguage('nl');
});

describe('the field of the one form pattern', () => {
  it('counts the characters left of a text with a maximum from its schema, and announces the count politely', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const note = screen.getByLabelText('Toelichting');
    expect(note.getAttribute('aria-describedby')).toContain('h-note-count-info');
    expect(document.getElementById('h-note-count-info')?.textContent).toBe(`U kunt maximaal ${NOTE_MAX} tekens invullen.`);
    expect(note.hasAttribute('maxlength')).toBe(false);
    const visible = () => note.closest('.dsp-field')?.querySelector('.dsp-character-count__status');
    expect(visible()?.getAttribute('aria-hidden')).toBe('true');
    await user.type(note, 'acht tek');
    expect(visible()?.textContent).toBe(`U hebt nog ${NOTE_MAX - 8} tekens`);
    const live = document.getElementById('h-note-count-status');
    expect(live?.getAttribute('aria-live')).toBe('polite');
    await waitFor(() => expect(live?.textContent).toBe(`U hebt nog ${NOTE_MAX - 8} tekens`));
    await user.type(note, ' en nog veel meer');
    const over = 'acht tek en nog veel meer'.length - NOTE_MAX;
    expect(visible()?.textContent).toBe(`U hebt ${over} tekens te veel`);
    expect(visible()?.className).toContain('--error');
  });

  it('shows a one-line field its count only near its maximum', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const name = screen.getByLabelText('Naam');
    const shell = within(name.closest('.dsp-field') as HTMLElement);
    await user.type(name, 'Jan');
    expect(shell.queryByText(/U hebt nog/)).toBeNull();
    await user.type(name, 'neman');
    expect(shell.getByText(`U hebt nog ${NAME_MAX - 8} tekens`)).toBeTruthy();
  });

  it('links each error to its field and lists it in the summary, which takes focus', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    await waitFor(() => expect(document.activeElement).toBe(summary()));
    const minutes = screen.getByLabelText('Duur (uu:mm)');
    expect(minutes.getAttribute('aria-invalid')).toBe('true');
    expect(minutes.getAttribute('aria-describedby')?.split(' ')).toEqual(['h-minutes-error', 'h-minutes-description']);
    expect(document.getElementById('h-minutes-error')?.textContent).toBe('Vul een duur in als uren en minuten, bijvoorbeeld 4:30, 4,5 of 4.');
    expect(document.getElementById('h-minutes-description')?.textContent).toBe('Bijvoorbeeld 4:30, 4,5 of 4 (uren).');
    const link = screen.getByRole('link', { name: 'Naam: Dit veld is verplicht.' });
    expect(link.getAttribute('href')).toBe('#h-name');
    await user.click(link);
    expect(document.activeElement).toBe(screen.getByLabelText('Naam'));
    expect(
      within(summary() as HTMLElement)
        .getAllByRole('link')
        .map((a) => a.getAttribute('href')),
    ).toEqual(['#h-name', '#h-minutes', '#h-rate', '#h-meeting']);
  });

  it('clears an error as soon as the input is fixed, without another submit', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    await waitFor(() => expect(document.getElementById('h-minutes-error')).not.toBeNull());
    await user.type(screen.getByLabelText('Duur (uu:mm)'), '4:30');
    await waitFor(() => expect(document.getElementById('h-minutes-error')).toBeNull());
    expect(screen.getByLabelText('Duur (uu:mm)').getAttribute('aria-invalid')).toBeNull();
    expect(screen.queryByRole('link', { name: /^Duur/ })).toBeNull();
    expect(screen.getByRole('link', { name: 'Naam: Dit veld is verplicht.' })).toBeTruthy();
  });

  it('sends what the shared schemas take: minutes, cents and YYYY-MM-DD', async () => {
    const user = userEvent.setup();
    const bodies: unknown[] = [];
    render(<Harness onBody={(b) => bodies.push(b)} />);
    await fillValid(user);
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    await screen.findByText('Opgeslagen.');
    expect(bodies).toEqual([{ name: 'Jan', note: '', minutes: 4 * 60 + 30, rateCents: 123456, meetingOn: '2099-11-29' }]);
  });

  it('writes the limit of a range from the schema and a date in the dd-mm-jjjj format', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.type(screen.getByLabelText('Duur (uu:mm)'), '25');
    await user.type(screen.getByLabelText('Datum overleg'), '2099-02-30');
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    await waitFor(() => expect(document.getElementById('h-minutes-error')?.textContent).toBe('Vul een duur in van 0:01 uur tot en met 24:00 uur.'));
    expect(document.getElementById('h-meeting-error')?.textContent).toBe('Vul een geldige datum in.');
    expect(document.getElementById('h-meeting-description')?.textContent).toBe('Formaat dd-mm-jjjj, bijvoorbeeld 29-11-2026.');
  });

  it('warns, without refusing, when a meeting date lies in the past', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const date = screen.getByLabelText('Datum overleg');
    expect(date.getAttribute('aria-describedby')).toContain('h-meeting-past');
    await user.type(date, '01-01-2020');
    expect(parseDutchDate('01-01-2020')! < today()).toBe(true);
    expect(document.getElementById('h-meeting-past')?.textContent).toBe('Let op: deze datum ligt in het verleden.');
    await user.clear(date);
    await user.type(date, '01-01-2099');
    expect(document.getElementById('h-meeting-past')?.textContent).toBe('');
  });

  it("puts the server's field errors on the fields by pointer and clears one when its input changes", async () => {
    const user = userEvent.setup();
    const problem = new ApiError({
      type: 'validation-failed',
      title: 'Ongeldige invoer',
      status: 400,
      detail: 'De invoer is ongeldig.',
      errors: [{ in: 'body', pointer: '/name', message: 'al in gebruik', code: 'email-in-use' }],
    });
    render(<Harness answer={problem} />);
    await fillValid(user);
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    await waitFor(() => expect(document.getElementById('h-name-error')?.textContent).toBe('is al in gebruik'));
    expect(summary()?.textContent).not.toContain('/name');
    await user.type(screen.getByLabelText('Naam'), 's');
    await waitFor(() => expect(document.getElementById('h-name-error')).toBeNull());
  });

  it('writes its messages in English in the English UI, not the Dutch phrase of the shared schema', async () => {
    await i18next.changeLanguage('en');
    const user = userEvent.setup();
    render(<Harness />);
    await user.type(screen.getByLabelText('Naam'), 'a name far too long');
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    await waitFor(() => expect(document.getElementById('h-name-error')?.textContent).toBe(`Use at most ${NAME_MAX} characters.`));
    const visible = screen.getByLabelText('Naam').closest('.dsp-field')?.querySelector('.dsp-character-count__status');
    expect(visible?.textContent).toBe(`You have ${'a name far too long'.length - NAME_MAX} characters too many`);
  });
});
