import { describe, expect, it } from 'vitest';
import { notAssignableReasons } from './assignability.ts';
import { CAPACITY_MONTH_DAYS, capacityUntil, MATCH_POINTS, type MatchCandidate, type MatchRequest, rankSpecialists, scoreReasons } from './matching.ts';

const TODAY = '2026-12-01';
const request: MatchRequest = {
  municipalityId: 'm-ede',
  caseTableId: 'ct-ede',
  safetyHouseId: 'zvh-gm',
  expertiseAreaCodes: ['jihadism', 'online'],
  languages: ['ar'],
  regionCode: 'gelderland-midden',
  date: '2026-12-10',
};
const candidate = (overrides: Partial<MatchCandidate> = {}): MatchCandidate => ({
  id: 'sp-a',
  displayName: 'A',
  expertiseAreaCodes: [],
  languages: [],
  regionCodes: [],
  standing: false,
  capacityMinutesPerMonth: 600,
  openEstimatedMinutes: 0,
  screeningValidUntil: '2028-01-01',
  absences: [],
  hasRate: true,
  conflicts: [],
  ...overrides,
});
const points = (c: MatchCandidate, code: string) => scoreReasons(request, c, TODAY).find((r) => r.code === code);

describe('score factors', () => {
  it('expertise: points per wanted area held; missing areas named without points', () => {
    const c = candidate({ expertiseAreaCodes: ['jihadism', 'psychology'] });
    expect(points(c, 'expertise-match')).toEqual({ code: 'expertise-match', points: MATCH_POINTS.expertiseArea, params: { codes: ['jihadism'] } });
    expect(points(c, 'expertise-missing')).toEqual({ code: 'expertise-missing', points: 0, params: { codes: ['online'] } });
    expect(points(candidate({ expertiseAreaCodes: ['jihadism', 'online'] }), 'expertise-match')?.points).toBe(2 * MATCH_POINTS.expertiseArea);
  });

  it('languages: points per wanted language spoken', () => {
    expect(points(candidate({ languages: ['ar', 'nl'] }), 'language-match')).toEqual({
      code: 'language-match',
      points: MATCH_POINTS.language,
      params: { codes: ['ar'] },
    });
    expect(points(candidate({ languages: ['nl'] }), 'language-missing')).toEqual({ code: 'language-missing', points: 0, params: { codes: ['ar'] } });
  });

  it('region: points when the specialist serves the municipality’s safety region', () => {
    expect(points(candidate({ regionCodes: ['gelderland-midden'] }), 'region-served')?.points).toBe(MATCH_POINTS.region);
    expect(points(candidate({ regionCodes: ['twente'] }), 'region-not-served')?.points).toBe(0);
  });

  it('capacity: a share of the capacity until the date, less the load; none left costs points', () => {
    // 600 minutes a month, 150 open: 450 of 600 left → round(5 × 0.75) = 4.
    expect(points(candidate({ openEstimatedMinutes: 150 }), 'capacity-left')).toEqual({
      code: 'capacity-left',
      points: Math.round((MATCH_POINTS.capacityMax * 450) / 600),
      params: { minutes: 450, date: '2026-12-10' },
    });
    expect(points(candidate({ openEstimatedMinutes: 700 }), 'no-capacity-left')).toEqual({
      code: 'no-capacity-left',
      points: MATCH_POINTS.noCapacity,
      params: { minutes: -100, date: '2026-12-10' },
    });
    expect(points(candidate({ capacityMinutesPerMonth: 0 }), 'no-capacity-left')?.points).toBe(MATCH_POINTS.noCapacity);
  });

  it('capacity until a date counts one month per started period of 30 days', () => {
    expect(capacityUntil(600, TODAY, TODAY)).toBe(600);
    expect(capacityUntil(600, TODAY, '2026-12-30')).toBe(600); // day 30 counted from today
    expect(capacityUntil(600, TODAY, '2026-12-31')).toBe(1200);
    expect(CAPACITY_MONTH_DAYS).toBe(30);
  });

  it('standing specialist is named as a reason', () => {
    expect(points(candidate({ standing: true }), 'standing-specialist')).toEqual({ code: 'standing-specialist', points: 0, params: {} });
  });
});

describe('exclusions reuse the assignability rule', () => {
  it('screening, absence, rate: excluded with the day checked', () => {
    const { suggestions, excluded } = rankSpecialists(
      request,
      [
        candidate({ id: 'x1', displayName: 'Verlopen', screeningValidUntil: '2026-12-09' }),
        candidate({ id: 'x2', displayName: 'Afwezig', absences: [{ startsOn: '2026-12-10', endsOn: '2026-12-12' }] }),
        candidate({ id: 'x3', displayName: 'Zonder tarief', hasRate: false }),
      ],
      TODAY,
    );
    expect(suggestions).toEqual([]);
    expect(excluded).toEqual([
      { specialistId: 'x2', displayName: 'Afwezig', reasons: [{ code: 'specialist-absent', params: { date: '2026-12-10' } }] },
      { specialistId: 'x1', displayName: 'Verlopen', reasons: [{ code: 'screening-expired', params: { date: '2026-12-10' } }] },
      { specialistId: 'x3', displayName: 'Zonder tarief', reasons: [{ code: 'no-rate', params: { date: TODAY } }] },
    ]);
  });

  it('a conflict with the municipality, casustafel or its house excludes; another does not', () => {
    const conflict = (target: 'm' | 'ct' | 'zvh', id: string) => ({
      kind: target === 'm' ? ('municipality' as const) : target === 'ct' ? ('case-table' as const) : ('safety-house' as const),
      name: `naam-${id}`,
      municipalityId: target === 'm' ? id : null,
      caseTableId: target === 'ct' ? id : null,
      safetyHouseId: target === 'zvh' ? id : null,
    });
    for (const c of [conflict('m', 'm-ede'), conflict('ct', 'ct-ede'), conflict('zvh', 'zvh-gm')]) {
      const { excluded } = rankSpecialists(request, [candidate({ conflicts: [c] })], TODAY);
      expect(excluded[0]?.reasons).toEqual([{ code: 'conflict-of-interest', params: { kind: c.kind, name: c.name } }]);
      expect(notAssignableReasons(candidate({ conflicts: [c] }), request.date, request)).toEqual(['conflict-of-interest']);
      // Without a request in view (the pool list, the profile) a conflict does not count.
      expect(notAssignableReasons(candidate({ conflicts: [c] }), request.date)).toEqual([]);
    }
    const elsewhere = rankSpecialists(request, [candidate({ conflicts: [conflict('m', 'm-arnhem')] })], TODAY);
    expect(elsewhere.excluded).toEqual([]);
    expect(elsewhere.suggestions).toHaveLength(1);
  });
});

describe('ranking', () => {
  it('orders by score, then name and id: deterministic whatever the input order', () => {
    const strong = candidate({ id: 'b', displayName: 'Bram', expertiseAreaCodes: ['jihadism', 'online'], languages: ['ar'] });
    const weak = candidate({ id: 'c', displayName: 'Cas', expertiseAreaCodes: ['online'] });
    const tieA = candidate({ id: 'a2', displayName: 'Anna', expertiseAreaCodes: ['online'] });
    const tieB = candidate({ id: 'a1', displayName: 'Anna', expertiseAreaCodes: ['online'] });
    const order = (list: MatchCandidate[]) => rankSpecialists(request, list, TODAY).suggestions.map((s) => s.specialistId);
    expect(order([weak, tieA, strong, tieB])).toEqual(['b', 'a1', 'a2', 'c']);
    expect(order([tieB, strong, weak, tieA])).toEqual(['b', 'a1', 'a2', 'c']);
    const [top] = rankSpecialists(request, [strong], TODAY).suggestions;
    // 2 areas, 1 language, no region, full capacity.
    expect(top?.score).toBe(2 * MATCH_POINTS.expertiseArea + MATCH_POINTS.language + MATCH_POINTS.capacityMax);
  });

  it('a standing specialist who fits ranks first, even with a lower score; one who does not fit does not', () => {
    const strong = candidate({ id: 'b', displayName: 'Bram', expertiseAreaCodes: ['jihadism', 'online'], languages: ['ar'] });
    const standingFit = candidate({ id: 's', displayName: 'Sara', expertiseAreaCodes: ['online'], standing: true });
    const standingMisfit = candidate({ id: 't', displayName: 'Tom', expertiseAreaCodes: ['psychology'], standing: true });
    const ranked = rankSpecialists(request, [strong, standingMisfit, standingFit], TODAY).suggestions;
    expect(ranked.map((s) => s.specialistId)).toEqual(['s', 'b', 't']);
    expect(ranked[0]?.standing).toBe(true);
  });
});
