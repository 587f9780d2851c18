import { DEFAULT_PROPOSAL_ESTIMATE_MINUTES, type SuggestionList } from '@duidingspool/shared';
import { Button, FormLabel, Heading3, Paragraph, RadioButton, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/data-table.tsx';
import { formatCents, formatHoursMinutes } from '../../../lib/format.ts';
import { MatchReasonList } from './match-reasons.tsx';

/** Id of the radio button of specialist `id` (for error-summary links). */
export const suggestionRadioId = (id: string) => `specialist-${id}`;

/**
 * The ranked suggestions for a request (decision 100): best first, each with the reasons for its
 * place and its rate; the coordinator chooses one. A standing specialist of the casustafel (decision
 * 101) who ranks first can be proposed with one click (`onPropose`). Below, the specialists left
 * out and why (not selectable): the server decides, the UI only names it.
 */
export function SuggestionPicker({
  list,
  selectedId,
  onSelect,
  onPropose,
  proposing,
  error,
}: {
  list: SuggestionList;
  selectedId: string | undefined;
  onSelect: (id: string) => void;
  onPropose?: (id: string) => void;
  proposing?: boolean;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const shown = list.suggestions.filter((s) => s.allowedActions.includes('assign'));
  const top = shown[0];
  return (
    <div className="dsp-specialist-picker">
      <Paragraph role="status" className="dsp-muted">
        {t('match.count', { count: shown.length })}
      </Paragraph>
      {error ? (
        <p id="specialist-choice-error" className="utrecht-form-field-error-message">
          {error}
        </p>
      ) : null}
      {top?.standing && onPropose ? (
        <Paragraph>
          <Button appearance="secondary-action-button" disabled={proposing} onClick={() => onPropose(top.specialistId)}>
            {t('match.proposeStanding', { name: top.displayName, duration: formatHoursMinutes(DEFAULT_PROPOSAL_ESTIMATE_MINUTES) })}
          </Button>
        </Paragraph>
      ) : null}
      {shown.length > 0 ? (
        <fieldset className="dsp-plain-fieldset" aria-describedby={error ? 'specialist-choice-error' : undefined}>
          <legend className="dsp-visually-hidden">{t('assign.chooseSpecialist')}</legend>
          <DataTable
            caption={t('match.caption')}
            columns={[t('match.columns.rank'), t('match.columns.specialist'), t('match.columns.reasons'), t('match.columns.rate')]}
          >
            {shown.map((s, index) => {
              const id = suggestionRadioId(s.specialistId);
              return (
                <TableRow key={s.specialistId} className={selectedId === s.specialistId ? 'dsp-row--selected' : undefined}>
                  <TableCell>{t('match.rank', { rank: index + 1, score: s.score })}</TableCell>
                  <TableHeaderCell scope="row">
                    <span className="dsp-radio-cell">
                      <RadioButton
                        id={id}
                        name="specialist"
                        value={s.specialistId}
                        checked={selectedId === s.specialistId}
                        onChange={() => onSelect(s.specialistId)}
                      />
                      <FormLabel htmlFor={id} type="radio">
                        <bdi>{s.displayName}</bdi>
                      </FormLabel>
                    </span>
                  </TableHeaderCell>
                  <TableCell>
                    <MatchReasonList reasons={s.reasons} group="reasons" />
                  </TableCell>
                  <TableCell>{s.currentRateCents === null ? t('assign.noRate') : t('format.perHour', { amount: formatCents(s.currentRateCents) })}</TableCell>
                </TableRow>
              );
            })}
          </DataTable>
        </fieldset>
      ) : (
        <Paragraph>{t('match.none')}</Paragraph>
      )}
      {list.excluded.length > 0 ? (
        <>
          <Heading3>{t('match.excludedHeading')}</Heading3>
          <ul className="dsp-excluded-list">
            {list.excluded.map((x) => (
              <li key={x.specialistId}>
                <bdi>{x.displayName}</bdi>: <MatchReasonList reasons={x.reasons} group="excluded" />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
