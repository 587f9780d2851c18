import {
  CBS_CODE_PATTERN,
  type CreateReferenceItemBody,
  CreateReferenceItemBodySchema,
  maxLengthOf,
  REFERENCE_CODE_PATTERN,
  REFERENCE_HAS_ENGLISH_NAME,
  REFERENCE_PARENT,
  type ReferenceKind,
} from '@duidingspool/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxGroup } from '../../../components/choice-group.tsx';
import { SelectField, TextField } from '../../../components/form-field.tsx';
import { type FieldErrors, FormFrame, fieldsOrMessage, useProblemForm } from '../../../components/problem-form.tsx';
import { isolate } from '../../../lib/bidi.ts';
import { useAddReferenceItem, useReferenceItems } from '../api/reference-items.ts';

type Field = 'code' | 'name' | 'nameEn' | 'seat' | 'city' | 'parentCode' | 'municipalityCodes';
const NAME_MAX = maxLengthOf(CreateReferenceItemBodySchema.shape.name);

/**
 * Adds one item of `kind`: its stable code (a CBS code for a municipality), its name, and what the
 * kind needs besides (English name, seat, city, parent, served municipalities). Parents and
 * municipalities are offered only when not retired; the server holds the rules.
 */
export function AddReferenceItemForm({ kind }: { kind: ReferenceKind }) {
  const { t } = useTranslation();
  const add = useAddReferenceItem(kind);
  const parentKind = REFERENCE_PARENT[kind];
  const parents = useReferenceItems(parentKind ?? 'safety-regions');
  const municipalities = useReferenceItems('municipalities');
  const [values, setValues] = useState<Record<Exclude<Field, 'municipalityCodes'>, string>>({
    code: '',
    name: '',
    nameEn: '',
    seat: '',
    city: '',
    parentCode: '',
  });
  const [served, setServed] = useState<string[]>([]);
  const set = (k: keyof typeof values) => (v: string) => setValues((x) => ({ ...x, [k]: v }));
  const id = (f: Field) => `add-${kind}-${f}`;
  const form = useProblemForm<Field>(
    {
      code: id('code'),
      name: id('name'),
      nameEn: id('nameEn'),
      seat: id('seat'),
      city: id('city'),
      parentCode: id('parentCode'),
      municipalityCodes: id('municipalityCodes'),
    },
    {
      code: t('referenceData.code'),
      name: t('referenceData.name'),
      nameEn: t('referenceData.nameEn'),
      seat: t('referenceData.seat'),
      city: t('referenceData.city'),
      parentCode: t(`referenceData.parent.${kind}`),
      municipalityCodes: t('referenceData.municipalities'),
    },
  );
  const has = {
    nameEn: REFERENCE_HAS_ENGLISH_NAME[kind],
    seat: kind === 'safety-regions',
    city: kind === 'safety-houses',
    parentCode: parentKind !== null,
    municipalityCodes: kind === 'case-tables',
  };

  const submit = () => {
    form.begin();
    const found: FieldErrors<Field> = {};
    const code = values.code.trim();
    if (!(kind === 'municipalities' ? CBS_CODE_PATTERN : REFERENCE_CODE_PATTERN).test(code))
      found.code = t(kind === 'municipalities' ? 'referenceData.cbsCodeInvalid' : 'referenceData.codeInvalid');
    for (const f of ['name', 'nameEn', 'seat', 'city', 'parentCode'] as const) {
      if ((f === 'name' || has[f]) && !values[f].trim()) found[f] = t('referenceData.required');
    }
    if (has.municipalityCodes && served.length === 0) found.municipalityCodes = t('referenceData.municipalitiesRequired');
    if (!form.check(found)) return;
    const body: CreateReferenceItemBody = { code, name: values.name.trim() };
    if (has.nameEn) body.nameEn = values.nameEn.trim();
    if (has.seat) body.seat = values.seat.trim();
    if (has.city) body.city = values.city.trim();
    if (has.parentCode) body.parentCode = values.parentCode;
    if (has.municipalityCodes) body.municipalityCodes = served;
    add.mutate(body, {
      onSuccess: (item) => {
        form.succeed(t('referenceData.added', { name: isolate(item.name) }));
        setValues({ code: '', name: '', nameEn: '', seat: '', city: '', parentCode: '' });
        setServed([]);
      },
      onError: (error) => form.fail(error, fieldsOrMessage),
    });
  };

  const inService = <T extends { retiredAt: string | null }>(items: T[] | undefined) => (items ?? []).filter((x) => x.retiredAt === null);
  return (
    <FormFrame frame={form.frame} onSubmit={submit} submitLabel={t('referenceData.add')} pending={add.isPending} headingLevel={3}>
      <TextField
        {...form.field('code')}
        value={values.code}
        onChange={set('code')}
        autoComplete="off"
        size="small"
        maxLength={40}
        description={t(kind === 'municipalities' ? 'referenceData.cbsCodeHelp' : 'referenceData.codeHelp')}
        required
      />
      <TextField {...form.field('name')} value={values.name} onChange={set('name')} autoComplete="off" maxLength={NAME_MAX} required />
      {has.nameEn ? (
        <TextField {...form.field('nameEn')} value={values.nameEn} onChange={set('nameEn')} autoComplete="off" maxLength={NAME_MAX} required />
      ) : null}
      {has.seat ? <TextField {...form.field('seat')} value={values.seat} onChange={set('seat')} autoComplete="off" maxLength={NAME_MAX} required /> : null}
      {has.city ? <TextField {...form.field('city')} value={values.city} onChange={set('city')} autoComplete="off" maxLength={NAME_MAX} required /> : null}
      {has.parentCode ? (
        <SelectField
          {...form.field('parentCode')}
          value={values.parentCode}
          onChange={set('parentCode')}
          placeholder={t('referenceData.choose')}
          options={inService(parents.data?.items).map((p) => ({ value: p.code, label: p.name }))}
          required
        />
      ) : null}
      {has.municipalityCodes ? (
        <CheckboxGroup
          id={id('municipalityCodes')}
          legend={t('referenceData.municipalities')}
          options={inService(municipalities.data?.items).map((m) => ({ value: m.code, label: m.name }))}
          value={served}
          onChange={setServed}
          error={form.errors.municipalityCodes}
        />
      ) : null}
    </FormFrame>
  );
}
