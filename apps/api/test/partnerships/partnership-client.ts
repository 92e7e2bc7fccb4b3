import type { StakeholderGroup } from '@oris/shared/domain';
import { client } from '../catalogue/catalogue-client';
import type { Session } from '../identity/support/identity-client';
import type { TestApp } from '../support/test-app';

export interface PartyPlan {
  organisationId: string;
  role?: 'signatory' | 'funder' | 'implementer' | 'observer';
  signatureRequired?: boolean;
  /** Signed right after creation, when given. */
  signedOn?: string;
}

export interface AgreementPlan {
  title: string;
  kind?: string;
  parentId?: string;
  startsOn: string;
  endsOn?: string | null;
  renewalMode?: 'none' | 'tacit' | 'explicit';
  noticeDays?: number;
  renewalMonths?: number | null;
  parties: PartyPlan[];
}

/** Records partnerships and organisations through the API, as a partnership officer would. */
export function partnershipClient(api: TestApp, officer: Session) {
  const http = client(api).as(officer);

  async function organisation(name: string, stakeholderGroup: StakeholderGroup): Promise<string> {
    const response = await http
      .post('/api/v1/organisations', {
        name,
        kind: 'public_body',
        stakeholderGroup,
        regionCode: 'MA-01',
      })
      .expect(201);
    return response.body.id as string;
  }

  /** Creates an agreement, then records the planned signatures; answers its id and parties. */
  async function agreement(
    plan: AgreementPlan,
  ): Promise<{ id: string; parties: { id: string; organisationId: string }[] }> {
    const created = await http
      .post('/api/v1/partnerships', {
        title: plan.title,
        kind: plan.kind ?? 'convention',
        ...(plan.parentId ? { parentId: plan.parentId } : {}),
        startsOn: plan.startsOn,
        endsOn: plan.endsOn === undefined ? null : plan.endsOn,
        renewalMode: plan.renewalMode ?? 'none',
        noticeDays: plan.noticeDays ?? 30,
        renewalMonths: plan.renewalMonths ?? null,
        parties: plan.parties.map((party) => ({
          organisationId: party.organisationId,
          role: party.role ?? 'signatory',
          signatureRequired: party.signatureRequired ?? true,
        })),
      })
      .expect(201);
    const parties = created.body.parties as { id: string; organisationId: string }[];
    for (const party of plan.parties) {
      if (!party.signedOn) continue;
      await sign(created.body.id, partyOf(parties, party.organisationId), party.signedOn);
    }
    return { id: created.body.id, parties };
  }

  const partyOf = (parties: { id: string; organisationId: string }[], organisationId: string) =>
    (parties.find((party) => party.organisationId === organisationId) as { id: string }).id;

  const sign = (id: string, partyId: string, signedOn: string) =>
    http.post(`/api/v1/partnerships/${id}/signatures`, { partyId, signedOn }).expect(200);

  return { http, organisation, agreement, sign, partyOf };
}
