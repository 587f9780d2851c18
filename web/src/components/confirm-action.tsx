import { Button, ButtonGroup } from '@utrecht/component-library-react';
import { type ReactNode, type Ref, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** What a confirmation says: the question, what happens and what is lost, and the confirming button's label. */
export interface ConfirmationText {
  /** “Verzoek DP-2019-0007 sluiten?” */
  question: ReactNode;
  /** One sentence each: “De gereserveerde € 427,50 wordt vrijgegeven.”, “De specialist kan geen uren meer schrijven.” */
  consequences: readonly ReactNode[];
  /** Something to weigh first, shown in bold (open extension requests, undecided hours). */
  warning?: ReactNode;
  /** Names the action and its object: “Deactiveer Jan Jansen”, “Sluiten bevestigen”. */
  confirmLabel: string;
}

/**
 * The confirmation of an action that cannot be undone, once its button was pressed: the question
 * (focused when shown), the consequences, an optional warning and extra fields (`children`, e.g. a
 * reason), then the confirming button (marked dangerous) and “Terug” (also Escape). Used by `ConfirmAction` and
 * by forms whose own submit button starts the action (deliver advice).
 */
export function ConfirmPanel({
  text,
  onConfirm,
  onBack,
  pending,
  children,
}: {
  text: ConfirmationText;
  onConfirm: () => void;
  onBack: () => void;
  pending: boolean;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const questionRef = useRef<HTMLLegendElement>(null);
  useEffect(() => {
    questionRef.current?.focus();
  }, []);
  return (
    // Escape goes back, like the “Terug” button.
    // biome-ignore lint/a11y/noNoninteractiveElementInteractions: the key handler serves the buttons inside the group
    <fieldset
      className="dsp-confirm"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onBack();
        }
      }}
    >
      <legend ref={questionRef} tabIndex={-1} className="dsp-confirm__question">
        <strong>{text.question}</strong>
      </legend>
      {text.consequences.length > 0 ? (
        <ul className="dsp-confirm__consequences">
          {text.consequences.map((c, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list of sentences
            <li key={i}>{c}</li>
          ))}
        </ul>
      ) : null}
      {text.warning ? <div className="dsp-confirm__warning">{text.warning}</div> : null}
      {children}
      <ButtonGroup>
        <Button type="button" appearance="primary-action-button" hint="danger" disabled={pending} onClick={onConfirm}>
          {text.confirmLabel}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={onBack}>
          {t('common.back')}
        </Button>
      </ButtonGroup>
    </fieldset>
  );
}

/**
 * An action that cannot be undone (close, withdraw, cancel, decline, deactivate a user, close an
 * accounting month), confirmed first: the button opens a `ConfirmPanel`; focus returns to the
 * button when it closes. `accessibleName` names the button for screen readers when its visible
 * `label` is the same on every row (“Deactiveer Jan Jansen”, not “Deactiveren” twenty times); it
 * must begin with the visible label (“Deactiveer” → “Deactiveer Jan Jansen”), so speech input finds it.
 * `onConfirm` runs the action; returning `false` keeps the panel open (a field is missing). The
 * panel closes once the call is sent; a failure shows wherever the caller shows its problem.
 */
export function ConfirmAction({
  label,
  accessibleName,
  text,
  onConfirm,
  pending,
  disabled = false,
  appearance = 'secondary-action-button',
  children,
}: {
  label: ReactNode;
  accessibleName?: string;
  text: ConfirmationText;
  onConfirm: () => boolean | undefined;
  pending: boolean;
  disabled?: boolean;
  appearance?: 'primary-action-button' | 'secondary-action-button';
  children?: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    if (!open && wasOpen.current) buttonRef.current?.focus();
    wasOpen.current = open;
  }, [open]);

  if (open) {
    return (
      <ConfirmPanel
        text={text}
        pending={pending}
        onBack={() => setOpen(false)}
        onConfirm={() => {
          if (onConfirm() !== false) setOpen(false);
        }}
      >
        {children}
      </ConfirmPanel>
    );
  }
  return (
    <Button
      type="button"
      ref={buttonRef as Ref<HTMLButtonElement>}
      appearance={appearance}
      aria-label={accessibleName}
      disabled={disabled || pending}
      onClick={() => setOpen(true)}
    >
      {label}
    </Button>
  );
}
