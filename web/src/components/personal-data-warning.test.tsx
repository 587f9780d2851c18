import { render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { hasBlockingPersonalData, PersonalDataWarning } from './personal-data-warning.tsx';

function Harness({ initial = '' }: { initial?: string }) {
  const [text, setText] = useState(initial);
  return (
    <>
      <label htmlFor="q">Duidingsvraag</label>
      <textarea id="q" value={text} onChange={(e) => setText(e.target.value)} aria-describedby="q-pd" />
      <PersonalDataWarning id="q-pd" text={text} />
    </>
  );
}

describe('PersonalDataWarning', () => {
  it('shows nothing for clean text', () => {
    const { container } = render(<Harness initial="Zorgen over online contacten van de jongere." />);
    expect(container.querySelector('#q-pd')?.textContent).toBe('');
  });

  it('warns while typing a BSN, as a blocking error', async () => {
    render(<Harness />);
    const field = screen.getByLabelText('Duidingsvraag');
    await userEvent.type(field, 'BSN is 111222333 volgens de wijkagent');
    const region = document.getElementById('q-pd');
    expect(region?.getAttribute('aria-live')).toBe('polite');
    expect(region?.textContent).toContain('burgerservicenummer (BSN)');
    expect(region?.textContent).toContain('Zo kan het niet worden verstuurd');
    expect(field.getAttribute('aria-describedby')).toBe('q-pd');
  });

  it('names each blocking kind once', () => {
    render(<Harness initial="Mail naar jan@example.nl of jan@example.org, bel 06-12345678." />);
    const text = document.getElementById('q-pd')?.textContent ?? '';
    expect(text).toContain('een e-mailadres, een telefoonnummer');
    expect(text.match(/e-mailadres/g)).toHaveLength(1);
  });

  it('only warns (does not block) for a date that may be a date of birth', () => {
    render(<Harness initial="Geboren 12-03-2004 in Arnhem." />);
    const text = document.getElementById('q-pd')?.textContent ?? '';
    expect(text).toContain('mogelijk een geboortedatum');
    expect(text).not.toContain('Zo kan het niet worden verstuurd');
    expect(hasBlockingPersonalData('Geboren 12-03-2004 in Arnhem.')).toBe(false);
    expect(hasBlockingPersonalData('IBAN NL91 ABNA 0417 1643 00')).toBe(true);
  });
});
