import { DecideExtensionBodySchema, type ExtensionRequest, maxLengthOf } from '@duidingspool/shared';
import { TableCell, TableRow } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../../components/app-link.tsx';
import { DataTable } from '../../../components/data-table.tsx';
import { DecisionControls } from '../../../components/decision-controls.tsx';
import { PagedList } from '../../../components/query-view.tsx';
import { VisuallyHidden } from '../../../components/visually-hidden.tsx';
import { isolate } from '../../../lib/bidi.ts';
import { formatInstant, formatMinutes } from '../../../lib/format.ts';
import { usePaging } from '../../../lib/page-query.ts';
import { useDecideExtension } from '../api/decide-extension.ts';
import { useExtensionRequests } from '../api/get-extension-requests.ts';

const PAGE_SIZE = 25;

function DecideControls({ item, onDecided }: { item: ExtensionRequest; onDecided: (message: string) => void }) {
  const { t } = useTranslation();
  const decide = useDecideExtension();
  const context = <VisuallyHidden> {t('extensions.rowContext', { name: isolate(item.specialistName), reference: item.requestReference })}</VisuallyHidden>;
  const describe = `${item.requestReference}, ${isolate(item.specialistName)}, ${formatMinutes(item.extraMinutes)}`;
  return (
    <DecisionControls
      id={`refuse-reason-${item.id}`}
      labels={{
        accept: t('extensions.grant'),
        refuse: t('extensions.refuse'),
        reason: t('extensions.refuseReason'),
        confirmRefuse: t('extensions.confirmRefuse'),
        reasonRequired: t('extensions.refuseReasonRequired'),
      }}
      context={context}
      reasonMaxLength={maxLengthOf(DecideExtensionBodySchema.shape.reason)}
      pending={decide.isPending}
      mutationError={decide.isError ? decide.error : null}
      onAccept={() =>
        decide.mutate({ id: item.id, body: { status: 'granted' } }, { onSuccess: () => onDecided(t('extensions.grantedMessage', { item: describe })) })
      }
      onRefuse={(reason) =>
        decide.mutate({ id: item.id, body: { status: 'refused', reason } }, { onSuccess: () => onDecided(t('extensions.refusedMessage', { item: describe })) })
      }
    />
  );
}

/**
 * The coordinator's open requests for more hours, each to grant (the estimate rises) or refuse with
 * a reason where the server allows it (`allowedActions`; never on the coordinator's own assignment).
 */
export function PendingExtensions() {
  const { t } = useTranslation();
  const paging = usePaging('extensionsPage');
  const [message, setMessage] = useState<string | null>(null);
  const query = useExtensionRequests({ page: paging.page, pageSize: PAGE_SIZE, status: 'requested' });
  return (
    <PagedList status={message} query={query} {...paging} paginationLabel={t('extensions.paginationLabel')} empty={t('extensions.pendingEmpty')}>
      {(items) => (
        <DataTable
          caption={t('extensions.pendingCaption')}
          columns={[
            t('extensions.columns.requestedAt'),
            t('extensions.columns.specialist'),
            t('extensions.columns.reference'),
            t('extensions.columns.extra'),
            t('extensions.columns.reason'),
            t('common.actions'),
          ]}
        >
          {items.map((x) => (
            <TableRow key={x.id}>
              <TableCell className="dsp-nowrap">{formatInstant(x.requestedAt)}</TableCell>
              <TableCell>
                <bdi>{x.specialistName}</bdi>
              </TableCell>
              <TableCell className="dsp-nowrap">
                <AppLink to={`/assignments/${x.assignmentId}`}>{x.requestReference}</AppLink>
              </TableCell>
              <TableCell className="dsp-nowrap">{formatMinutes(x.extraMinutes)}</TableCell>
              <TableCell>
                <bdi>{x.reason}</bdi>
              </TableCell>
              <TableCell>
                {x.allowedActions.includes('grant') ? (
                  <DecideControls item={x} onDecided={setMessage} />
                ) : (
                  <span className="dsp-muted">{t('extensions.ownWork')}</span>
                )}
              </TableCell>
            </TableRow>
          ))}
        </DataTable>
      )}
    </PagedList>
  );
}
