import { render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { AmountField, TextareaField } from './form-field.tsx';

function Reason() {
  const [text, setText] = useState('');
  return <TextareaField id="r" label="Reden" description="Kort." value={text} onChange={setText} error="Te kort." checkPersonalData />;
}

describe('form fields', () => {
  it('describe a free text by its error, its description and its personal-data warning, which speaks while typing', async () => {
    render(<Reason />);
    const field = screen.getByLabelText('Reden');
    expect(field.getAttribute('aria-describedby')).toBe('r-error r-description r-pd');
    await userEvent.type(field, 'Bel 06-12345678');
    expect(document.getElementById('r-pd')?.getAttribute('aria-live')).toBe('polite');
    expect(document.getElementById('r-pd')?.textContent).not.toBe('');
  });

  it('ask for an amount as a short input marked required with the decimal keyboard and no autofill', () => {
    render(<AmountField id="a" label="Bedrag" value="" onChange={() => {}} error={undefined} />);
    const field = screen.getByLabelText('Bedrag');
    expect(field.getAttribute('inputmode')).toBe('decimal');
    expect(field.getAttribute('autocomplete')).toBe('off');
    expect(field.getAttribute('aria-required')).toBe('true');
  });
});
