import {
  CBS_CODE_PATTERN,
  CreateReferenceItemBodySchema,
  REFERENCE_CODE_PATTERN,
  REFERENCE_HAS_ENGLISH_NAME,
  REFERENCE_PARENT,
  type ReferenceKind,
} from '@duidingspool/shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormFrame } from '../../../components/form-frame.tsx';
import { ChoicesField, Field } from '../../../components/schema-field.tsx';
import { fieldsOrMessage, useSchemaForm } from '../../../components/schema-form.tsx';
import { isolate } from '../../../lib/bidi.ts';
import { checkedBy, notSent, requiredChoice, requiredChoices, textInput } from '../../../lib/form-inputs.ts';
import { useAddReferenceItem, useReferenceItems } from '../api/reference-items.ts';

const shape = CreateReferenceItemBodySchema.shape;
const EMPTY = { code: '', name: '', nameEn: '', seat: '', city: '', parentCode: '', municipalityCodes: [] as string[] };

/**
 * Adds one item of `kind`: its stable code (a CBS code for a municipality), its name, and what the
 * kind needs besides (English name, seat, city, parent, served municipalities), each checked by
 * `CreateReferenceItemBodySchema`. Parents and municipalities are offered only when not retired; the
 * server holds the rules.
 */
export function AddReferenceItemForm({ kind }: { kind: ReferenceKind }) {
  const { t } = useTranslation();
  const add = useAddReferenceItem(kind);
  const parentKind = REFERENCE_PARENT[kind];
  const parents = useReferenceItems(parentKind ?? 'safety-regions');
  const municipalities = useReferenceItems('municipalities');
  const has = {
    nameEn: REFERENCE_HAS_ENGLISH_NAME[kind],
    seat: kind === 'safety-regions',
    city: kind === 'safety-houses',
    parentCode: parentKind !== null,
    municipalityCodes: kind === 'case-tables',
  };
  const schema = useMemo(() => {
    const pattern = kind === 'municipalities' ? CBS_CODE_PATTERN : REFERENCE_CODE_PATTERN;
    const codeInvalid = t(kind === 'municipalities' ? 'referenceData.cbsCodeInvalid' : 'referenceData.codeInvalid');
    const name = textInput(shape.name, t);
    return z.object({
      code: z
        .string()
        .trim()
        .refine((code) => pattern.test(code), { params: { text: codeInvalid } })
        .pipe(checkedBy(shape.code, codeInvalid)),
      name,
      nameEn: has.nameEn ? name : notSent(),
      seat: has.seat ? name : notSent(),
      city: has.city ? name : notSent(),
      parentCode: has.parentCode ? requiredChoice(t, t('referenceData.required')) : notSent(),
      municipalityCodes: has.municipalityCodes ? requiredChoices(t('referenceData.municipalitiesRequired')) : z.array(z.string()).transform(() => undefined),
    });
  }, [t, kind, has.nameEn, has.seat, has.city, has.parentCode, has.municipalityCodes]);
  const id = (f: keyof typeof EMPTY) => `add-${kind}-${f}`;
  const form = useSchemaForm({
    schema,
    defaultValues: EMPTY,
    ids: {
      code: id('code'),
      name: id('name'),
      nameEn: id('nameEn'),
      seat: id('seat'),
      city: id('city'),
      parentCode: id('parentCode'),
      municipalityCodes: id('municipalityCodes'),
    },
    labels: {
      code: t('referenceData.code'),
      name: t('referenceData.name'),
      nameEn: t('referenceData.nameEn'),
      seat: t('referenceData.seat'),
      city: t('referenceData.city'),
      parentCode: t(`referenceData.parent.${kind}`),
      municipalityCodes: t('referenceData.municipalities'),
    },
  });

  const submit = form.submit((body) =>
    add.mutate(body, {
      onSuccess: (item) => {
        form.succeed(t('referenceData.added', { name: isolate(item.name) }));
        form.rhf.reset();
      },
      onError: (error) => form.fail(error, fieldsOrMessage),
    }),
  );

  const inService = <T extends { retiredAt: string | null }>(items: T[] | undefined) => (items ?? []).filter((x) => x.retiredAt === null);
  return (
    <FormFrame frame={form.frame} onSubmit={submit} submitLabel={t('referenceData.add')} pending={add.isPending} headingLevel={3}>
      <Field
        form={form}
        name="code"
        autoComplete="off"
        size="small"
        hint={t(kind === 'municipalities' ? 'referenceData.cbsCodeHelp' : 'referenceData.codeHelp')}
        required
      />
      <Field form={form} name="name" autoComplete="off" required />
      {has.nameEn ? <Field form={form} name="nameEn" autoComplete="off" required /> : null}
      {has.seat ? <Field form={form} name="seat" autoComplete="off" required /> : null}
      {has.city ? <Field form={form} name="city" autoComplete="off" required /> : null}
      {has.parentCode ? (
        <Field
          form={form}
          name="parentCode"
          kind="select"
          placeholder={t('referenceData.choose')}
          options={inService(parents.data?.items).map((p) => ({ value: p.code, label: p.name }))}
          required
        />
      ) : null}
      {has.municipalityCodes ? (
        <ChoicesField form={form} name="municipalityCodes" options={inService(municipalities.data?.items).map((m) => ({ value: m.code, label: m.name }))} />
      ) : null}
    </FormFrame>
  );
}
