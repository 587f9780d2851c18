import { AUDIENCES, KNOWLEDGE_FORMATS, type KnowledgeProduct } from '@duidingspool/shared';
import { Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmAction } from '../../../components/confirm-action.tsx';
import { SelectField, TextField } from '../../../components/form-field.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { PagedList } from '../../../components/query-view.tsx';
import { StatusMessage } from '../../../components/status-message.tsx';
import { VisuallyHidden } from '../../../components/visually-hidden.tsx';
import { formatInstant, formatInteger } from '../../../lib/format.ts';
import { useReferenceData, useReferenceLabels } from '../../../lib/reference-data.ts';
import { type KnowledgeSearch, knowledgeFileUrl, useKnowledgeProducts, useWithdrawKnowledge } from '../api/knowledge.ts';

/** A file size in the user's language: `1,4 MB` or `820 kB`. */
function useFileSize() {
  const { i18n } = useTranslation();
  return (bytes: number) => {
    const format = (n: number, unit: string) => `${n.toLocaleString(i18n.language, { maximumFractionDigits: 1 })} ${unit}`;
    return bytes >= 1024 * 1024 ? format(bytes / 1024 / 1024, 'MB') : format(Math.max(1, Math.round(bytes / 1024)), 'kB');
  };
}

/** The search form: words, expertise area, audience and file type; the list changes when it is sent. */
function SearchForm({ search, onSearch }: { search: KnowledgeSearch; onSearch: (next: KnowledgeSearch) => void }) {
  const { t } = useTranslation();
  const reference = useReferenceData();
  const labels = useReferenceLabels();
  const [q, setQ] = useState(search.q ?? '');
  const [area, setArea] = useState(search.expertiseAreaCode ?? '');
  const [audience, setAudience] = useState<string>(search.audience ?? '');
  const [format, setFormat] = useState<string>(search.format ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch({
      page: 1,
      ...(q.trim() ? { q: q.trim() } : {}),
      ...(area ? { expertiseAreaCode: area } : {}),
      ...(audience ? { audience: audience as KnowledgeSearch['audience'] } : {}),
      ...(format ? { format: format as KnowledgeSearch['format'] } : {}),
    });
  };
  return (
    <search aria-label={t('knowledge.search.label')}>
      <form onSubmit={submit} className="dsp-form dsp-filters">
        <TextField id="knowledge-q" label={t('knowledge.search.words')} type="search" value={q} onChange={setQ} maxLength={200} />
        <div className="dsp-form-row">
          <SelectField
            id="knowledge-area"
            label={t('knowledge.search.expertise')}
            value={area}
            onChange={setArea}
            placeholder={t('knowledge.search.any')}
            options={(reference.data?.expertiseAreas ?? []).map((a) => ({ value: a.code, label: labels.expertiseArea(a.code) }))}
          />
          <SelectField
            id="knowledge-audience"
            label={t('knowledge.search.audience')}
            value={audience}
            onChange={setAudience}
            placeholder={t('knowledge.search.any')}
            options={AUDIENCES.map((a) => ({ value: a, label: t(`knowledge.audiences.${a}`) }))}
          />
          <SelectField
            id="knowledge-format"
            label={t('knowledge.search.format')}
            value={format}
            onChange={setFormat}
            placeholder={t('knowledge.search.any')}
            options={KNOWLEDGE_FORMATS.map((f) => ({ value: f, label: f.toUpperCase() }))}
          />
        </div>
        <Button type="submit" appearance="secondary-action-button">
          {t('knowledge.search.submit')}
        </Button>
      </form>
    </search>
  );
}

/** One product: title (downloads the file), summary, what it is about and for whom, and “Terugtrekken” when allowed. */
function ProductItem({ product, onWithdrawn }: { product: KnowledgeProduct; onWithdrawn: (title: string) => void }) {
  const { t } = useTranslation();
  const labels = useReferenceLabels();
  const size = useFileSize();
  const withdraw = useWithdrawKnowledge();
  return (
    <li className="dsp-card">
      <Heading level={3}>
        <a className="utrecht-link utrecht-link--html-a" href={knowledgeFileUrl(product.id)} download={product.fileName}>
          <bdi>{product.title}</bdi>
          <VisuallyHidden> {t('knowledge.item.downloadContext', { format: product.format.toUpperCase(), size: size(product.sizeBytes) })}</VisuallyHidden>
        </a>
      </Heading>
      <Paragraph>
        <bdi>{product.summary}</bdi>
      </Paragraph>
      <dl className="dsp-meta">
        <dt>{t('knowledge.item.file')}</dt>
        <dd>
          {product.format.toUpperCase()}, {size(product.sizeBytes)} · <bdi>{product.fileName}</bdi>
        </dd>
        <dt>{t('knowledge.item.audiences')}</dt>
        <dd>{product.audiences.map((a) => t(`knowledge.audiences.${a}`)).join(', ')}</dd>
        {product.expertiseAreaCodes.length > 0 ? (
          <>
            <dt>{t('knowledge.item.expertise')}</dt>
            <dd>{product.expertiseAreaCodes.map((c) => labels.expertiseArea(c)).join(', ')}</dd>
          </>
        ) : null}
        <dt>{t('knowledge.item.published')}</dt>
        <dd>
          {formatInstant(product.publishedAt)}, <bdi>{product.publishedByName}</bdi>
        </dd>
        <dt>{t('knowledge.item.downloads')}</dt>
        <dd>{formatInteger(product.downloads)}</dd>
      </dl>
      {product.allowedActions.includes('withdraw') ? (
        <>
          <ProblemAlert error={withdraw.error} />
          <ConfirmAction
            label={t('knowledge.withdraw.open')}
            accessibleName={`${t('knowledge.withdraw.open')} ${product.title}`}
            pending={withdraw.isPending}
            text={{
              question: t('knowledge.withdraw.question', { title: product.title }),
              consequences: [t('knowledge.withdraw.consequence')],
              confirmLabel: t('knowledge.withdraw.confirm'),
            }}
            onConfirm={() => {
              withdraw.mutate(product.id, { onSuccess: () => onWithdrawn(product.title) });
              return undefined;
            }}
          />
        </>
      ) : null}
    </li>
  );
}

/** The knowledge library: search, results as cards (newest first), paging. */
export function KnowledgeLibrary() {
  const { t } = useTranslation();
  const [search, setSearch] = useState<KnowledgeSearch>({ page: 1 });
  const [done, setDone] = useState<string | null>(null);
  const query = useKnowledgeProducts(search);
  const filtered = Boolean(search.q || search.expertiseAreaCode || search.audience || search.format);
  return (
    <>
      <SearchForm search={search} onSearch={setSearch} />
      <Heading level={2}>{t('knowledge.results')}</Heading>
      <StatusMessage message={done} />
      <PagedList
        query={query}
        page={search.page}
        onPageChange={(page) => setSearch((s) => ({ ...s, page }))}
        paginationLabel={t('knowledge.pagination')}
        empty={<Paragraph>{filtered ? t('knowledge.emptySearch') : t('knowledge.empty')}</Paragraph>}
        announceEmpty={filtered}
      >
        {(items, data) => (
          <>
            <Paragraph role="status">{t('knowledge.found', { count: data.total })}</Paragraph>
            <ul className="dsp-cards">
              {items.map((p) => (
                <ProductItem key={p.id} product={p} onWithdrawn={(title) => setDone(t('knowledge.withdraw.done', { title }))} />
              ))}
            </ul>
          </>
        )}
      </PagedList>
    </>
  );
}
