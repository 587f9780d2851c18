import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { keepReferencesWhole } from './page-heading.tsx';

describe('keepReferencesWhole', () => {
  it('puts each pool reference in a span that does not break, and leaves other text as it is', () => {
    const { container } = render(<h1>{keepReferencesWhole('Verzoek DP-2026-0004 na DP-2025-0112')}</h1>);
    expect([...container.querySelectorAll('.dsp-nowrap')].map((s) => s.textContent)).toEqual(['DP-2026-0004', 'DP-2025-0112']);
    expect(container.textContent).toBe('Verzoek DP-2026-0004 na DP-2025-0112');
    expect(keepReferencesWhole('Mijn verzoeken')).toBe('Mijn verzoeken');
  });
});
