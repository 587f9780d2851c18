import { Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useSiteInfo } from '../lib/site-info.ts';

/**
 * The footer of every page, also before login: the pool's contact (from the server's
 * configuration) with what to do in an emergency, the links to the accessibility and privacy
 * statements, and the reminder to keep personal data of the persons discussed out.
 */
export function SiteFooter() {
  const { t } = useTranslation();
  const contact = useSiteInfo().data?.contact;
  return (
    <footer className="dsp-footer">
      <div className="dsp-footer__inner">
        <div className="dsp-footer__contact">
          <Paragraph>
            <strong>{t('footer.contactHeading')}</strong>
          </Paragraph>
          {contact ? (
            <>
              <Paragraph>
                {contact.name}
                <br />
                {t('footer.email')}{' '}
                <a className="utrecht-link utrecht-link--html-a" href={`mailto:${contact.email}`}>
                  {contact.email}
                </a>
                {contact.phone ? (
                  <>
                    <br />
                    {t('footer.phone')}{' '}
                    <a className="utrecht-link utrecht-link--html-a" href={`tel:${contact.phone.replace(/[^+\d]/g, '')}`}>
                      {contact.phone}
                    </a>
                  </>
                ) : null}
              </Paragraph>
              <Paragraph>{t('footer.hours', { start: contact.hours.start, end: contact.hours.end })}</Paragraph>
            </>
          ) : null}
          <Paragraph className="dsp-footer__urgent">{t('footer.urgent')}</Paragraph>
        </div>
        <nav aria-label={t('footer.linksLabel')} className="dsp-footer__links">
          <ul>
            <li>
              <NavLink to="/toegankelijkheid" className="utrecht-link utrecht-link--html-a">
                {t('footer.accessibility')}
              </NavLink>
            </li>
            <li>
              <NavLink to="/privacy" className="utrecht-link utrecht-link--html-a">
                {t('footer.privacy')}
              </NavLink>
            </li>
          </ul>
        </nav>
        <Paragraph className="dsp-footer__text">{t('layout.footer')}</Paragraph>
      </div>
    </footer>
  );
}
