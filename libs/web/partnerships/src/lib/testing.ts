import type { Partnership, PartnershipSummary } from './shared/partnership-types';

export const PARTNERSHIP_ID = '3f0b9a52-1c1e-4c3a-9a61-5d5e4c7e0001';
export const PARTY_ID = '3f0b9a52-1c1e-4c3a-9a61-5d5e4c7e0002';

export function aSummary(changes: Partial<PartnershipSummary> = {}): PartnershipSummary {
  return {
    id: PARTNERSHIP_ID,
    title: 'Protocole d’accord Fondation Atlas',
    kind: 'mou',
    parentId: null,
    startsOn: '2027-01-06',
    endsOn: null,
    renewalMode: 'none',
    noticeDays: 60,
    renewalMonths: null,
    terminatedOn: null,
    status: 'draft',
    signedOn: null,
    currentEnd: null,
    renewalDueFrom: null,
    partyCount: 1,
    signatureCount: 0,
    requiredSignatureCount: 1,
    partyNames: ['Fondation Atlas pour l’emploi'],
    asOf: '2026-12-06',
    ...changes,
  };
}

export function aPartnership(changes: Partial<Partnership> = {}): Partnership {
  return {
    ...aSummary(),
    familyHeadId: PARTNERSHIP_ID,
    family: [
      {
        id: PARTNERSHIP_ID,
        title: 'Protocole d’accord Fondation Atlas',
        kind: 'mou',
        startsOn: '2027-01-06',
        endsOn: null,
        status: 'draft',
        signedOn: null,
      },
    ],
    parties: [
      {
        id: PARTY_ID,
        organisationId: '3f0b9a52-1c1e-4c3a-9a61-5d5e4c7e0003',
        organisationName: 'Fondation Atlas pour l’emploi',
        stakeholderGroup: 'funder',
        role: 'funder',
        signatureRequired: true,
        signedOn: null,
        signedRecordedAt: null,
        recordedAt: '2026-12-01T09:00:00Z',
      },
    ],
    contributions: [],
    document: null,
    terminationReason: null,
    createdAt: '2026-12-01T09:00:00Z',
    updatedAt: '2026-12-01T09:00:00Z',
    ...changes,
  };
}
