import type { Specialist } from '@duidingspool/shared';
import { Checkbox, FormLabel, Paragraph, RadioButton, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/data-table.tsx';
import { ExpertiseList, LanguageList } from '../../../components/expertise-list.tsx';
import { formatCents, formatHoursMinutes } from '../../../lib/format.ts';
import { AssignabilityNote } from './assignability-note.tsx';

/** Id of the radio button of specialist `id` (for error-summary links). */
export const specialistRadioId = (id: string) => `specialist-${id}`;

/**
 * A table of specialists to choose one from: name, expertise, languages, rate and current load
 * (open assignments, open hours against monthly capacity). By default only specialists with one
 * of the request's expertise areas are listed; a checkbox shows all. A specialist who cannot be
 * assigned on the meeting date (the server's `assignability`) is shown with the reasons, not selectable.
 */
export function SpecialistPicker({
  specialists,
  expertiseAreaCodes,
  showAll,
  onShowAllChange,
  selectedId,
  onSelect,
  error,
}: {
  specialists: Specialist[];
  expertiseAreaCodes: readonly string[];
  showAll: boolean;
  onShowAllChange: (value: boolean) => void;
  selectedId: string | undefined;
  onSelect: (id: string) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const matching = specialists.filter((s) => s.expertiseAreaCodes.some((c) => expertiseAreaCodes.includes(c)));
  const shown = showAll ? specialists : matching;
  return (
    <div className="dsp-specialist-picker">
      <div className="utrecht-form-field utrecht-form-field--checkbox dsp-choice">
        <Checkbox id="specialists-show-all" checked={showAll} onChange={(e) => onShowAllChange(e.target.checked)} />
        <FormLabel htmlFor="specialists-show-all" type="checkbox">
          {t('assign.showAll')}
        </FormLabel>
      </div>
      <Paragraph role="status" className="dsp-muted">
        {showAll ? t('assign.countAll', { count: shown.length }) : t('assign.countMatching', { count: shown.length })}
      </Paragraph>
      {error ? (
        <p id="specialist-choice-error" className="utrecht-form-field-error-message">
          {error}
        </p>
      ) : null}
      {shown.length > 0 ? (
        <fieldset className="dsp-plain-fieldset" aria-describedby={error ? 'specialist-choice-error' : undefined}>
          <legend className="dsp-visually-hidden">{t('assign.chooseSpecialist')}</legend>
          <DataTable
            caption={t('assign.tableCaption')}
            columns={[
              t('assign.columns.specialist'),
              t('assign.columns.expertise'),
              t('assign.columns.languages'),
              t('assign.columns.rate'),
              t('assign.columns.load'),
            ]}
          >
            {shown.map((s) => {
              const id = specialistRadioId(s.id);
              const overCapacity = s.openEstimatedMinutes > s.capacityMinutesPerMonth;
              return (
                <TableRow key={s.id} className={selectedId === s.id ? 'dsp-row--selected' : undefined}>
                  <TableHeaderCell scope="row">
                    <span className="dsp-radio-cell">
                      <RadioButton
                        id={id}
                        name="specialist"
                        value={s.id}
                        checked={selectedId === s.id}
                        onChange={() => onSelect(s.id)}
                        disabled={!s.assignability.assignable}
                      />
                      <FormLabel htmlFor={id} type="radio">
                        <bdi>{s.displayName}</bdi>
                      </FormLabel>
                    </span>
                    {s.assignability.assignable ? null : (
                      <span className="dsp-cell-note">
                        <AssignabilityNote assignability={s.assignability} />
                      </span>
                    )}
                  </TableHeaderCell>
                  <TableCell>
                    <ExpertiseList codes={s.expertiseAreaCodes} />
                  </TableCell>
                  <TableCell>
                    <LanguageList codes={s.languages} />
                  </TableCell>
                  <TableCell>{s.currentRateCents === null ? t('assign.noRate') : t('format.perHour', { amount: formatCents(s.currentRateCents) })}</TableCell>
                  <TableCell>
                    {t('assign.load', {
                      count: s.openAssignments,
                      open: formatHoursMinutes(s.openEstimatedMinutes),
                      capacity: formatHoursMinutes(s.capacityMinutesPerMonth),
                    })}
                    {overCapacity ? <span className="dsp-cell-note dsp-warning-text">{t('assign.overCapacity')}</span> : null}
                  </TableCell>
                </TableRow>
              );
            })}
          </DataTable>
        </fieldset>
      ) : (
        <Paragraph>{t('assign.noneMatching')}</Paragraph>
      )}
    </div>
  );
}
