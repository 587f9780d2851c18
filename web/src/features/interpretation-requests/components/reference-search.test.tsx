import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { errorOf, renderForm } from '../../../testing/api-stub.tsx';
import { ReferenceSearch } from './reference-search.tsx';

describe('ReferenceSearch on the one form pattern', () => {
  it('what the list query does not take is refused at the field, which takes focus; the error clears when fixed', async () => {
    const user = renderForm(<ReferenceSearch id="search-reference" />);
    const field = screen.getByLabelText(/^Poolreferentie/);
    await user.type(field, 'DP 2026');
    await user.click(screen.getByRole('button', { name: 'Zoeken' }));
    expect(errorOf(/^Poolreferentie/)).toBe('Gebruik alleen letters, cijfers en streepjes, zoals DP-2026-0004.');
    expect(document.activeElement).toBe(field);
    await user.clear(field);
    await user.type(field, 'dp-2026');
    expect(errorOf(/^Poolreferentie/)).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Zoeken' }));
    expect(errorOf(/^Poolreferentie/)).toBeNull();
  });
});
