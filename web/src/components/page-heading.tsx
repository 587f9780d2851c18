import { Heading1, Paragraph } from '@utrecht/component-library-react';
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { consumeFocusRequest } from '../lib/focus.ts';

/** A pool reference (“DP-2026-0004”): its hyphens are no place to break a line. */
const POOL_REFERENCE = /DP-\d{4}-\d{4}/g;

/**
 * `text` with each pool reference in a span that does not break (`dsp-nowrap`), so a heading wraps
 * between words but never inside “DP-2026-0004” (a browser breaks after a hyphen).
 */
export function keepReferencesWhole(text: string): ReactNode {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(POOL_REFERENCE)) {
    if (match.index > last) parts.push(text.slice(last, match.index));
    parts.push(
      <span key={match.index} className="dsp-nowrap">
        {match[0]}
      </span>,
    );
    last = match.index + match[0].length;
  }
  if (last === 0) return text;
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

/**
 * The page's single `<h1>`; a pool reference in its text is kept whole (`keepReferencesWhole`). Sets the document title and, after a client-side navigation, moves
 * focus to the heading so screen-reader and keyboard users start at the new page's content.
 */
export function PageHeading({ children, title }: { children: ReactNode; title?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const { t } = useTranslation();
  const text = title ?? (typeof children === 'string' ? children : '');
  useEffect(() => {
    document.title = text ? `${text} – ${t('app.name')}` : t('app.name');
  }, [text, t]);
  useEffect(() => {
    if (consumeFocusRequest()) ref.current?.focus({ preventScroll: false });
  }, []);
  return (
    <Heading1 ref={ref} tabIndex={-1} className="dsp-page-heading">
      {typeof children === 'string' ? keepReferencesWhole(children) : children}
    </Heading1>
  );
}

/**
 * A screen that is its heading, one paragraph of introduction and one feature (a list or a form);
 * `title` and `intro` are keys of the locale files.
 */
export function IntroPage({ title, intro, children }: { title: string; intro: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading>{t(title)}</PageHeading>
      <Paragraph>{t(intro)}</Paragraph>
      {children}
    </>
  );
}
