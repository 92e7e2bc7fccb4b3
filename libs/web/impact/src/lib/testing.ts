// Test data and helpers of this library's specs; not exported.
export { fakeApi, settle } from '@oris/web/testing';
import type {
  PublicImpact,
  PublicImpactIndicator,
  Report,
  ReportVersion,
} from './shared/impact-types';

const definition = {
  version: 'v1',
  text: { fr: 'Définition', ar: 'تعريف', en: 'Definition' },
};

export function aPublicIndicator(
  changes: Partial<PublicImpactIndicator> = {},
): PublicImpactIndicator {
  return {
    indicator: 'publications',
    available: true,
    value: 12,
    suppressed: false,
    companions: [],
    definition,
    ...changes,
  };
}

export const PUBLIC_IMPACT: PublicImpact = {
  title: 'ORIS',
  publisher: 'ORIS',
  licence: {
    id: 'CC-BY-4.0',
    name: 'CC BY 4.0',
    url: 'https://creativecommons.org/licenses/by/4.0/',
  },
  source: 'http://localhost/impact',
  updatedAt: '2026-02-01T10:00:00Z',
  dictionary: [],
  years: [
    {
      year: 2025,
      version: 2,
      restated: true,
      frozenAt: '2026-02-01T10:00:00Z',
      asOf: '2026-02-01',
      knownAt: '2026-02-01T10:00:00Z',
      indicators: [
        aPublicIndicator({
          indicator: 'insertion',
          value: null,
          suppressed: true,
          companions: [{ key: 'trained', value: 42 }],
        }),
        aPublicIndicator(),
        aPublicIndicator({ indicator: 'tools', available: false, value: null, definition: null }),
        aPublicIndicator({ indicator: 'partnerships', value: 3 }),
      ],
    },
  ],
};

export function aVersion(changes: Partial<ReportVersion> = {}): ReportVersion {
  return {
    year: 2025,
    version: 1,
    restatement: false,
    asOf: '2026-02-01',
    knownAt: '2026-02-01T10:00:00Z',
    frozenAt: '2026-02-01T10:00:00Z',
    frozenBy: { id: 'a1', name: 'Amina Admin' },
    reason: null,
    indicators: [],
    differences: null,
    ...changes,
  };
}

export const NO_REPORT: Report = { year: 2025, versions: [] };
