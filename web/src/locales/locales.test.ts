import * as shared from '@duidingspool/shared';
import {
  AUDIT_ACTIONS,
  AUDIT_OBJECT_TYPES,
  EXTENSION_STATUSES,
  FIELD_ERROR_CODES,
  NOTIFICATION_STATUSES,
  REQUEST_STATUSES,
  STATUS_LABELS,
  TIME_ENTRY_STATUSES,
} from '@duidingspool/shared';
import { describe, expect, it } from 'vitest';
import { i18next } from '../lib/i18n.ts';
import en from './en.json';
import nl from './nl.json';

function keys(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

/** Every text of a locale file by its dotted key (nested sections flattened). */
function texts(value: unknown, prefix = ''): [string, string][] {
  if (typeof value === 'string') return [[prefix, value]];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => texts(v, prefix ? `${prefix}.${k}` : k));
}

const PLURAL = /_(zero|one|two|few|many|other)$/;
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).sort();

/** The web's own sources (tests left out), by path, as text. */
const SOURCES = import.meta.glob(['../**/*.ts', '../**/*.tsx', '!../**/*.test.ts', '!../**/*.test.tsx'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

describe('locale files', () => {
  it('hold every key the code names literally in t(…), in both languages', () => {
    // Status labels come from shared/ (STATUS_LABELS); a key may name a whole section or a plural.
    const known = new Set([...keys(nl), ...keys({ status: STATUS_LABELS.nl })].map((k) => k.replace(PLURAL, '')));
    const knownEn = new Set([...keys(en), ...keys({ status: STATUS_LABELS.en })].map((k) => k.replace(PLURAL, '')));
    const exists = (set: Set<string>, key: string) => set.has(key) || [...set].some((k) => k.startsWith(`${key}.`));
    const missing: string[] = [];
    for (const [path, source] of Object.entries(SOURCES)) {
      for (const m of source.matchAll(/\bt\(\s*'([\w.-]+)'/g)) {
        const key = m[1] as string;
        if (!exists(known, key) || !exists(knownEn, key)) missing.push(`${path}: ${key}`);
      }
    }
    expect(Object.keys(SOURCES).length).toBeGreaterThan(100);
    expect(missing).toEqual([]);
  });

  it('have the same keys in Dutch and English, nested sections included', () => {
    const inEnglish = new Set(keys(en));
    const inDutch = new Set(keys(nl));
    expect(
      [...inDutch].filter((k) => !inEnglish.has(k)),
      'only in nl.json',
    ).toEqual([]);
    expect(
      [...inEnglish].filter((k) => !inDutch.has(k)),
      'only in en.json',
    ).toEqual([]);
  });

  it('give every plural both the one and the other form, in both languages', () => {
    for (const [name, file] of [
      ['nl', nl],
      ['en', en],
    ] as const) {
      const all = new Set(keys(file));
      for (const key of all) {
        if (!PLURAL.test(key)) continue;
        const base = key.replace(PLURAL, '');
        expect(all.has(`${base}_one`), `${name} ${base}_one`).toBe(true);
        expect(all.has(`${base}_other`), `${name} ${base}_other`).toBe(true);
        expect(all.has(base), `${name} ${base} beside its plural forms`).toBe(false);
      }
    }
  });

  it('use the same placeholders in both languages', () => {
    const english = new Map(texts(en));
    for (const [key, text] of texts(nl)) expect(placeholders(english.get(key) ?? ''), key).toEqual(placeholders(text));
  });

  it('name every field of every request body and query in both languages', () => {
    const names = new Set<string>();
    for (const [name, schema] of Object.entries(shared)) {
      if (!/(Body|Query)Schema$/.test(name)) continue;
      const shape = (schema as { shape?: Record<string, unknown> }).shape;
      for (const field of Object.keys(shape ?? {})) names.add(field);
    }
    expect(names.size).toBeGreaterThan(40);
    for (const [lng, file] of Object.entries({ nl, en })) {
      for (const field of names) expect(typeof (file.fieldNames as Record<string, string>)[field], `${lng} fieldNames.${field}`).toBe('string');
    }
  });

  it('name every audited action and object in both languages', () => {
    for (const [lng, file] of Object.entries({ nl, en })) {
      const audit = file.audit as { actions: Record<string, string>; objects: Record<string, string> };
      for (const action of AUDIT_ACTIONS) expect(typeof audit.actions[action], `${lng} audit.actions.${action}`).toBe('string');
      for (const object of AUDIT_OBJECT_TYPES) expect(typeof audit.objects[object], `${lng} audit.objects.${object}`).toBe('string');
    }
  });

  it('write every field error code a service raises in both languages', () => {
    for (const [lng, file] of Object.entries({ nl, en })) {
      for (const code of FIELD_ERROR_CODES) expect(typeof (file.fieldErrors as Record<string, string>)[code], `${lng} ${code}`).toBe('string');
    }
  });

  it('hold the Dutch status labels of the lifecycle, from shared/', () => {
    expect(REQUEST_STATUSES.map((s) => i18next.t(`status.request.${s}`, { lng: 'nl' }))).toEqual([
      'concept',
      'ingediend',
      'aanvullende informatie nodig',
      'afgewezen',
      'toegewezen',
      'in behandeling',
      'advies opgeleverd',
      'gesloten',
      'ingetrokken',
      'geannuleerd',
    ]);
  });

  it('name every status of every shared enum in both languages', () => {
    for (const lng of ['nl', 'en']) {
      for (const [kind, labels] of Object.entries(STATUS_LABELS.nl)) {
        for (const status of Object.keys(labels)) {
          const key = `status.${kind}.${status}`;
          expect(i18next.exists(key, { lng }), `${lng} ${key}`).toBe(true);
        }
      }
    }
    expect(Object.keys(STATUS_LABELS.nl.timeEntry)).toEqual([...TIME_ENTRY_STATUSES]);
    expect(Object.keys(STATUS_LABELS.nl.extension)).toEqual([...EXTENSION_STATUSES]);
    expect(Object.keys(STATUS_LABELS.nl.notification)).toEqual([...NOTIFICATION_STATUSES]);
    expect(Object.keys(STATUS_LABELS.en.request)).toEqual([...REQUEST_STATUSES]);
  });
});
