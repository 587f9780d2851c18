import { findPersonalData, type PersonalDataFinding, type PersonalDataKind } from '@duidingspool/shared';
import { Alert, Paragraph } from '@utrecht/component-library-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** True when `text` holds personal data the server refuses (BSN, IBAN, e-mail, phone number). */
export function hasBlockingPersonalData(text: string): boolean {
  return findPersonalData(text).some((f) => f.severity === 'block');
}

function kindsOf(findings: PersonalDataFinding[], severity: 'block' | 'warn'): PersonalDataKind[] {
  return [...new Set(findings.filter((f) => f.severity === severity).map((f) => f.kind))];
}

/**
 * Warns while the user types when `text` seems to hold personal data (docs/design.md §6). Blocking
 * kinds are shown as an error (the form refuses to send them), the others as a warning. The
 * region is always present and polite, so the message is announced when it appears; give the
 * field `aria-describedby={id}`.
 */
export function PersonalDataWarning({ id, text }: { id: string; text: string }) {
  const { t } = useTranslation();
  const findings = useMemo(() => findPersonalData(text), [text]);
  const blocking = kindsOf(findings, 'block');
  const warning = kindsOf(findings, 'warn');
  const list = (kinds: PersonalDataKind[]) => kinds.map((k) => t(`personalData.kind.${k}`)).join(', ');
  return (
    <div id={id} aria-live="polite" className="dsp-personal-data">
      {blocking.length > 0 ? (
        <Alert type="error" role="presentation">
          <Paragraph>{t('personalData.block', { kinds: list(blocking) })}</Paragraph>
        </Alert>
      ) : null}
      {warning.length > 0 ? (
        <Alert type="warning" role="presentation">
          <Paragraph>{t('personalData.warn', { kinds: list(warning) })}</Paragraph>
        </Alert>
      ) : null}
    </div>
  );
}
