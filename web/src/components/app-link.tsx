import type { ReactNode } from 'react';
import { Link, type LinkProps } from 'react-router';

/** A client-side router link styled as an NL Design System link. */
export function AppLink({ className, ...props }: LinkProps & { children: ReactNode }) {
  return <Link {...props} className={['utrecht-link', 'utrecht-link--html-a', className].filter(Boolean).join(' ')} />;
}

/** A client-side router link styled as a button (e.g. “Nieuw verzoek”). */
export function ButtonRouterLink({
  className,
  appearance = 'primary-action',
  ...props
}: LinkProps & { children: ReactNode; appearance?: 'primary-action' | 'secondary-action' }) {
  return (
    <Link
      {...props}
      className={['utrecht-button-link', 'utrecht-button-link--html-a', `utrecht-button-link--${appearance}`, className].filter(Boolean).join(' ')}
    />
  );
}
