import { type Me, REQUEST_TYPE_RULES } from '@duidingspool/shared';
import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fieldProblem, json, renderWithApi, serverFieldText, stubApi } from '../../../testing/api-stub.tsx';
import { NewRequestForm } from './new-request-form.tsx';

const id = (n: number) => `00000000-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`;
const me: Me = {
  id: id(1),
  email: 'tafel@duidingspool.example',
  displayName: 'Lid Casustafel',
  roles: ['requester'],
  memberships: [{ caseTableId: id(2), caseTableName: 'Casustafel Arnhem' }],
  municipalityMemberships: [],
  specialistId: null,
  language: 'nl',
  twoFactorEnabled: false,
  twoFactorRequired: false,
  enrolmentOnly: false,
};
const caseTable = {
  id: id(2),
  name: 'Casustafel Arnhem',
  safetyHouseId: id(3),
  safetyHouseName: 'ZVH Gelderland-Midden',
  safetyRegionName: 'Gelderland-Midden',
  municipalities: [
    { id: id(4), name: 'Arnhem' },
    { id: id(5), name: 'Renkum' },
  ],
  retired: false,
};
const referenceData = {
  expertiseAreas: [{ code: 'jihadism', nameNl: 'Jihadisme', nameEn: 'Jihadism', retired: false }],
  activities: [],
  safetyRegions: [],
};

/** The API of a member of one casustafel; a POST of a request gets `posted`. */
function stubRequester(posted: () => Response) {
  return stubApi((call) => {
    if (call.path === '/me') return json(me);
    if (call.path === '/case-tables') return json({ items: [caseTable], total: 1, page: 1, pageSize: 100 });
    if (call.path === '/reference-data') return json(referenceData);
    if (call.method === 'POST') return posted();
    return undefined;
  });
}

const errorOf = (field: string) => document.getElementById(`request-${field}-error`)?.textContent ?? null;

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('NewRequestForm (one form pattern)', () => {
  it('saves a draft with only the casustafel, and on “Indienen” names each required field until it is filled', async () => {
    const calls = stubRequester(() => fieldProblem({ pointer: '/caseReference', message: 'is verplicht' }));
    const user = renderWithApi(<NewRequestForm onCreated={vi.fn()} />);
    await user.type(await screen.findByLabelText('Duidingsvraag'), 'Hoe duiden wij deze uitingen?');

    await user.click(screen.getByRole('button', { name: 'Opslaan als concept' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1));
    expect(calls.find((c) => c.method === 'POST')?.body).toMatchObject({ caseTableId: id(2), question: 'Hoe duiden wij deze uitingen?', submit: false });

    await user.click(screen.getByRole('button', { name: 'Indienen' }));
    // The required fields of a case interpretation (`REQUEST_TYPE_RULES`) that are empty, and the municipality, are named.
    await waitFor(() => expect(errorOf('caseReference')).toBe('Dit veld is verplicht.'));
    expect(REQUEST_TYPE_RULES['case-interpretation'].required).toEqual(expect.arrayContaining(['caseReference', 'expertiseAreaCodes', 'deliverable']));
    expect(errorOf('expertiseAreaCodes')).toBe('Kies minstens één expertisegebied.');
    expect(errorOf('deliverable')).toBe('Kies de gewenste ondersteuning.');
    expect(errorOf('municipalityId')).toBe('Kies een gemeente.');
    expect(errorOf('question')).toBeNull();
    expect(document.activeElement?.closest('.dsp-error-summary')).not.toBeNull();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1);

    // The error goes as soon as the field is filled in, without another submit.
    await user.type(screen.getByLabelText('Casusreferentie'), 'CT-2027-01');
    await waitFor(() => expect(errorOf('caseReference')).toBeNull());
    await user.selectOptions(screen.getByLabelText('Gemeente'), 'Arnhem');
    await waitFor(() => expect(errorOf('municipalityId')).toBeNull());
  });

  it("puts the server's refusal on the field it points at", async () => {
    const refusal = { pointer: '/caseReference', message: 'bevat persoonsgegevens', code: 'personal-data', params: { kinds: ['bsn'] } };
    stubRequester(() => fieldProblem(refusal));
    const user = renderWithApi(<NewRequestForm onCreated={vi.fn()} />);
    await user.selectOptions(await screen.findByLabelText('Gemeente'), 'Arnhem');
    await user.type(screen.getByLabelText('Casusreferentie'), 'CT-2027-02');
    await user.type(screen.getByLabelText('Duidingsvraag'), 'Hoe duiden wij deze uitingen?');
    await user.click(screen.getByLabelText('Jihadisme'));
    await user.selectOptions(screen.getByLabelText('Gewenste ondersteuning'), 'Schriftelijk advies');
    await user.click(screen.getByRole('button', { name: 'Indienen' }));
    await waitFor(() => expect(errorOf('caseReference')).toBe(serverFieldText(refusal)));
    expect(screen.getByRole('link', { name: `Casusreferentie: ${serverFieldText(refusal)}` })).toBeTruthy();
  });

  it('warns, without refusing, when the meeting date lies in the past', async () => {
    stubRequester(() => json({}, 500));
    const user = renderWithApi(<NewRequestForm onCreated={vi.fn()} />);
    await user.type(await screen.findByLabelText('Datum casustafel'), '01-01-2020');
    expect(document.getElementById('request-meetingDate-past')?.textContent).toBe('Let op: deze datum ligt in het verleden.');
  });
});
