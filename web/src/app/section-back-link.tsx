import { Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { AppLink } from '../components/app-link.tsx';
import { useMe } from '../lib/auth.ts';
import { navItemsFor, sectionOf } from './signed-in.tsx';

/**
 * “Terug naar …” above a detail page's heading: a link to the list the page belongs to, the same
 * section the menu marks (`sectionOf`); nothing on a page that is a section itself.
 */
export function SectionBackLink() {
  const { t } = useTranslation();
  const me = useMe().data;
  const { pathname } = useLocation();
  if (!me) return null;
  const section = sectionOf(pathname, navItemsFor(me, t));
  if (!section || section.to === pathname) return null;
  return (
    <Paragraph className="dsp-back-link">
      <AppLink to={section.to}>
        <span aria-hidden="true">← </span>
        {t('layout.backTo', { section: section.label })}
      </AppLink>
    </Paragraph>
  );
}
