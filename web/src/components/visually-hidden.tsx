import type { ReactNode } from 'react';

/** Text for assistive technology only (screen readers, accessible names). */
export function VisuallyHidden({ children }: { children: ReactNode }) {
  return <span className="dsp-visually-hidden">{children}</span>;
}
