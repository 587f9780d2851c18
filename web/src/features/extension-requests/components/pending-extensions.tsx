import type { ExtensionRequest } from '@duidingspool/shared';
import {
  Button,
  ButtonGroup,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../../components/app-link.tsx';
import { TextareaField } from '../../../components/form-field.tsx';
import { Loading } from '../../../components/loading.tsx';
import { Pagination } from '../../../components/pagination.tsx';
import { hasBlockingPersonalData, PersonalDataWarning } from '../../../components/personal-data-warning.tsx';
import { ProblemAlert, useErrorMessage } from '../../../components/problem-alert.tsx';
import { StatusMessage } from '../../../components/status-message.tsx';
import { VisuallyHidden } from '../../../components/visually-hidden.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import { formatInstant, formatMinutes } from '../../../lib/format.ts';
import { useDecideExtension } from '../api/decide-extension.ts';
import { useExtensionRequests } from '../api/get-extension-requests.ts';

const PAGE_SIZE = 25;

function DecideControls({ item, onDecided }: { item: ExtensionRequest; onDecided: (message: string) => void }) {
  const { t } = useTranslation();
  const decide = useDecideExtension();
  const errorMessage = useErrorMessage();
  const [refusing, setRefusing] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const reasonId = `refuse-reason-${item.id}`;
  const context = <VisuallyHidden> {t('extensions.rowContext', { name: item.specialistName, reference: item.requestReference })}</VisuallyHidden>;
  const describe = `${item.requestReference}, ${item.specialistName}, ${formatMinutes(item.extraMinutes)}`;

  const grant = () => {
    decide.mutate({ id: item.id, body: { status: 'granted' } }, { onSuccess: () => onDecided(t('extensions.grantedMessage', { item: describe })) });
  };
  const refuse = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) return setError(t('extensions.refuseReasonRequired'));
    if (hasBlockingPersonalData(reason)) return setError(t('personalData.fieldError'));
    setError(undefined);
    decide.mutate(
      { id: item.id, body: { status: 'refused', reason: reason.trim() } },
      {
        onSuccess: () => onDecided(t('extensions.refusedMessage', { item: describe })),
        onError: (e) => {
          if (e instanceof ApiError && e.fieldErrors.reason) setError(e.fieldErrors.reason);
        },
      },
    );
  };

  return (
    <div className="dsp-review-controls">
      {decide.isError && !error ? (
        <Paragraph className="dsp-error-text" role="alert">
          {errorMessage(decide.error)}
        </Paragraph>
      ) : null}
      {!refusing ? (
        <ButtonGroup>
          <Button appearance="primary-action-button" onClick={grant} disabled={decide.isPending}>
            {t('extensions.grant')}
            {context}
          </Button>
          <Button
            appearance="secondary-action-button"
            onClick={() => {
              setRefusing(true);
              setTimeout(() => document.getElementById(reasonId)?.focus(), 0);
            }}
            disabled={decide.isPending}
          >
            {t('extensions.refuse')}
            {context}
          </Button>
        </ButtonGroup>
      ) : (
        <form onSubmit={refuse} noValidate className="dsp-form dsp-inline-form">
          <TextareaField
            id={reasonId}
            label={t('extensions.refuseReason')}
            value={reason}
            onChange={setReason}
            error={error}
            rows={2}
            required
            maxLength={1000}
            describedByExtra={`${reasonId}-pd`}
            after={<PersonalDataWarning id={`${reasonId}-pd`} text={reason} />}
          />
          <ButtonGroup>
            <Button type="submit" appearance="primary-action-button" hint="danger" disabled={decide.isPending}>
              {t('extensions.confirmRefuse')}
              {context}
            </Button>
            <Button type="button" appearance="secondary-action-button" onClick={() => setRefusing(false)}>
              {t('common.back')}
            </Button>
          </ButtonGroup>
        </form>
      )}
    </div>
  );
}

/** The coordinator's open requests for more hours, each to grant (the estimate rises) or refuse with a reason. */
export function PendingExtensions() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [message, setMessage] = useState<string | null>(null);
  const query = useExtensionRequests({ page, pageSize: PAGE_SIZE, status: 'requested' });
  return (
    <>
      <StatusMessage message={message} />
      {query.isPending ? <Loading /> : null}
      {query.isError ? <ProblemAlert error={query.error} /> : null}
      {query.data && query.data.total === 0 ? <Paragraph>{t('extensions.pendingEmpty')}</Paragraph> : null}
      {query.data && query.data.items.length > 0 ? (
        <>
          <div className="dsp-table-scroll">
            <Table>
              <TableCaption className="dsp-visually-hidden">{t('extensions.pendingCaption')}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('extensions.columns.requestedAt')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('extensions.columns.specialist')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('extensions.columns.reference')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('extensions.columns.extra')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('extensions.columns.reason')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('common.actions')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {query.data.items.map((x) => (
                  <TableRow key={x.id}>
                    <TableCell className="dsp-nowrap">{formatInstant(x.requestedAt)}</TableCell>
                    <TableCell>{x.specialistName}</TableCell>
                    <TableCell className="dsp-nowrap">
                      <AppLink to={`/assignments/${x.assignmentId}`}>{x.requestReference}</AppLink>
                    </TableCell>
                    <TableCell className="dsp-nowrap">{formatMinutes(x.extraMinutes)}</TableCell>
                    <TableCell>{x.reason}</TableCell>
                    <TableCell>
                      <DecideControls item={x} onDecided={setMessage} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          <Pagination page={page} pageSize={PAGE_SIZE} total={query.data.total} onPageChange={setPage} label={t('extensions.paginationLabel')} />
        </>
      ) : null}
    </>
  );
}
