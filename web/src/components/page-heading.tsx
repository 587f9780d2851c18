import { Heading1, Paragraph } from '@utrecht/component-library-react';
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { consumeFocusRequest } from '../lib/focus.ts';

/**
 * The page's single `<h1>`. Sets the document title and, after a client-side navigation, moves
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
      {children}
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
