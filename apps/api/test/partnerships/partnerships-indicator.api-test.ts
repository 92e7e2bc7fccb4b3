// Decorators of the imported libs read metadata as soon as they load.
import 'reflect-metadata';
import { client } from '../catalogue/catalogue-client';
import { startIdentityTestApp } from '../identity/support/identity-test-app';
import { Session, signInAsNewAdmin, signInWithRoles } from '../identity/support/identity-client';
import type { TestApp } from '../support/test-app';
import { partnershipClient } from './partnership-client';

/**
 * A hand-built registry with one agreement per rule and trap of "Partnerships in year Y"
 * (OBSERVATORY.md), and the figures expected for it written out below.
 */
describe('the partnerships indicator', () => {
  let api: TestApp;
  let admin: Session;
  let officer: Session;
  let registry: ReturnType<typeof partnershipClient>;
  const ids: Record<string, string> = {};
  const org: Record<string, string> = {};
  /** The instant before K's second signature was recorded. */
  let beforeLateRecord: string;

  beforeAll(async () => {
    api = await startIdentityTestApp();
    admin = await signInAsNewAdmin(api);
    officer = await signInWithRoles(api, admin, ['partnership_officer']);
    registry = partnershipClient(api, officer);
    org['university'] = await registry.organisation('Université Ibn Zohr', 'university');
    org['region'] = await registry.organisation('Conseil régional Souss-Massa', 'regional_council');
    org['funder'] = await registry.organisation('Fonds Atlas', 'funder');
    org['employer'] = await registry.organisation('Argan Export SARL', 'employer');
    org['indh'] = await registry.organisation('INDH Agadir', 'indh');
    const { university: U, region: R, funder: F, employer: E, indh: I } = org;

    // A: in force through 2024, signed in 2023.
    ids['A'] = (
      await registry.agreement({
        title: 'A — convention 2024',
        startsOn: '2024-01-01',
        endsOn: '2024-12-31',
        parties: [
          { organisationId: U, signedOn: '2023-12-10' },
          { organisationId: R, signedOn: '2023-12-20' },
        ],
      })
    ).id;
    // B: never signed by the funder: a draft never counts.
    ids['B'] = (
      await registry.agreement({
        title: 'B — unsigned MoU',
        kind: 'mou',
        startsOn: '2024-01-01',
        endsOn: null,
        parties: [
          { organisationId: U, signedOn: '2024-02-01' },
          { organisationId: F },
          { organisationId: I, role: 'observer', signatureRequired: false },
        ],
      })
    ).id;
    // C: terminated in mid-2023.
    ids['C'] = (
      await registry.agreement({
        title: 'C — terminated in 2023',
        startsOn: '2022-01-01',
        endsOn: '2025-12-31',
        parties: [{ organisationId: R, signedOn: '2021-12-01' }],
      })
    ).id;
    await registry.http
      .post(`/api/v1/partnerships/${ids['C']}/termination`, { terminatedOn: '2023-06-30' })
      .expect(200);
    // D: a 2020 framework ended in 2023, renewed to 2025; amended in 2024 with an employer.
    ids['D'] = (
      await registry.agreement({
        title: 'D — framework 2021–2023',
        kind: 'framework_agreement',
        startsOn: '2021-01-01',
        endsOn: '2023-12-31',
        parties: [
          { organisationId: R, signedOn: '2020-12-15' },
          { organisationId: U, signedOn: '2020-12-15' },
        ],
      })
    ).id;
    ids['D-renewal'] = (
      await registry.agreement({
        title: 'D — renewal 2024–2025',
        kind: 'renewal',
        parentId: ids['D'],
        startsOn: '2024-01-01',
        endsOn: '2025-12-31',
        parties: [
          { organisationId: R, signedOn: '2023-11-20' },
          { organisationId: U, signedOn: '2023-11-22' },
        ],
      })
    ).id;
    ids['D-amendment'] = (
      await registry.agreement({
        title: 'D — amendment: an employer joins',
        kind: 'amendment',
        parentId: ids['D'],
        startsOn: '2024-03-01',
        endsOn: null,
        parties: [
          { organisationId: R, signedOn: '2024-03-01' },
          { organisationId: E, signedOn: '2024-03-01' },
        ],
      })
    ).id;
    // E: open-ended, signed and started in 2024.
    ids['E'] = (
      await registry.agreement({
        title: 'E — open-ended convention',
        startsOn: '2024-05-01',
        endsOn: null,
        parties: [
          { organisationId: I, signedOn: '2024-04-15' },
          { organisationId: U, signedOn: '2024-04-10' },
        ],
      })
    ).id;
    // F: its last signature came on 10 January 2025.
    ids['F'] = (
      await registry.agreement({
        title: 'F — signed after 31 December 2024',
        startsOn: '2024-06-01',
        endsOn: '2026-05-31',
        parties: [
          { organisationId: U, signedOn: '2024-05-01' },
          { organisationId: F, signedOn: '2025-01-10' },
        ],
      })
    ).id;
    // G: the region signed on 1 September 2025.
    ids['G'] = (
      await registry.agreement({
        title: 'G — signed in September 2025',
        startsOn: '2024-01-01',
        endsOn: '2026-12-31',
        parties: [
          { organisationId: E, signedOn: '2024-01-10' },
          { organisationId: R, signedOn: '2025-09-01' },
        ],
      })
    ).id;
    // H: 2022 only, renewed tacitly every 12 months ever since.
    ids['H'] = (
      await registry.agreement({
        title: 'H — tacitly renewed',
        startsOn: '2022-01-01',
        endsOn: '2022-12-31',
        renewalMode: 'tacit',
        renewalMonths: 12,
        parties: [
          { organisationId: R, signedOn: '2021-12-01' },
          { organisationId: U, signedOn: '2021-12-01' },
        ],
      })
    ).id;
    // K: the funder's signature (15 February 2024) was recorded late.
    const late = await registry.agreement({
      title: 'K — a signature recorded late',
      startsOn: '2024-03-01',
      endsOn: '2024-12-31',
      parties: [{ organisationId: U, signedOn: '2024-02-01' }, { organisationId: F }],
    });
    ids['K'] = late.id;
    await new Promise((resolve) => setTimeout(resolve, 20));
    beforeLateRecord = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await registry.sign(late.id, registry.partyOf(late.parties, F), '2024-02-15');
  });

  afterAll(() => api.close());

  const figures = async (query: string, session: Session = officer) =>
    (await client(api).as(session).get(`/api/v1/indicators/partnerships?${query}`).expect(200))
      .body;
  const names = (counted: string[]) =>
    counted.map((id) => Object.keys(ids).find((name) => ids[name] === id)).sort();
  const orgNames = (counted: string[]) =>
    counted.map((id) => Object.keys(org).find((name) => org[name] === id)).sort();
  const companion = (
    body: { companions: { key: string; value: number; counted: string[] }[] },
    key: string,
  ) => body.companions.find((entry) => entry.key === key) as { value: number; counted: string[] };

  it('counts in 2024 the families in force: signed by then, started, not ended nor terminated before the year', async () => {
    const body = await figures('year=2024&asOf=2025-06-30');
    // Not B (unsigned), C (terminated in 2023), F (last signature in 2025), G (signed in 2025).
    // D counts through its renewal; H through its tacit renewals; E is open-ended.
    expect(names(body.counted)).toEqual(['A', 'D', 'E', 'H', 'K']);
    expect(body.value).toBe(5);
    // New: the heads whose last required signature is in 2024; D's amendment of 2024 does not
    // make the 2020 family new.
    expect(names(companion(body, 'new').counted)).toEqual(['E', 'K']);
    expect(companion(body, 'new').value).toBe(2);
    // Partners: the parties of the counted families, the signed amendment's employer included.
    expect(orgNames(companion(body, 'partners').counted)).toEqual([
      'employer',
      'funder',
      'indh',
      'region',
      'university',
    ]);
    const breakdown = (dimension: string) =>
      Object.fromEntries(
        (body.breakdown as { dimension: string; key: string; value: number }[])
          .filter((entry) => entry.dimension === dimension)
          .map((entry) => [entry.key, entry.value]),
      );
    expect(breakdown('kind')).toEqual({ convention: 4, framework_agreement: 1 });
    expect(breakdown('stakeholder_group')).toEqual({
      regional_council: 3,
      university: 5,
      indh: 1,
      funder: 1,
      employer: 1,
    });
    expect(breakdown('partner_stakeholder_group')).toEqual({
      regional_council: 1,
      university: 1,
      indh: 1,
      funder: 1,
      employer: 1,
    });
    expect(body).toMatchObject({
      indicator: 'partnerships',
      year: 2024,
      asOf: '2025-06-30',
      definition: { version: 'partnerships-1' },
    });
    expect(body.definition.text.fr).toContain('2025-06-30');
    expect(body.definition.text.ar).toContain('2025-06-30');
    expect(body.definition.text.en).toContain('2025-06-30');
  });

  it('leaves out what was not yet recorded at knownAt: the late signature', async () => {
    const body = await figures(
      `year=2024&asOf=2025-06-30&knownAt=${encodeURIComponent(beforeLateRecord)}`,
    );
    expect(names(body.counted)).toEqual(['A', 'D', 'E', 'H']);
    expect(names(companion(body, 'new').counted)).toEqual(['E']);
    expect(orgNames(companion(body, 'partners').counted)).toEqual([
      'employer',
      'indh',
      'region',
      'university',
    ]);
  });

  it('does not count a signature dated after asOf, and does once asOf passes it', async () => {
    const june = await figures('year=2025&asOf=2025-06-30');
    // A and K ended in 2024; D is renewed to the end of 2025; F's last signature came in 2025.
    expect(names(june.counted)).toEqual(['D', 'E', 'F', 'H']);
    expect(names(companion(june, 'new').counted)).toEqual(['F']);
    const december = await figures('year=2025&asOf=2025-12-31');
    expect(names(december.counted)).toEqual(['D', 'E', 'F', 'G', 'H']);
    expect(names(companion(december, 'new').counted)).toEqual(['F', 'G']);
  });

  it('counts a family terminated during the year, and none started after it', async () => {
    const body = await figures('year=2023&asOf=2025-06-30');
    // A was signed in 2023 but starts in 2024.
    expect(names(body.counted)).toEqual(['C', 'D', 'H']);
    expect(companion(body, 'new').value).toBe(0);
  });

  it('keeps a corrected signature readable as it was known before the correction', async () => {
    const before = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const detail = await registry.http.get(`/api/v1/partnerships/${ids['E']}`).expect(200);
    const indh = (detail.body.parties as { id: string; organisationId: string }[]).find(
      (party) => party.organisationId === org['indh'],
    ) as { id: string };
    // Signing twice is refused; correcting the date says so.
    await registry.http
      .post(`/api/v1/partnerships/${ids['E']}/signatures`, {
        partyId: indh.id,
        signedOn: '2025-02-01',
      })
      .expect(409);
    await registry.http
      .post(`/api/v1/partnerships/${ids['E']}/signatures`, {
        partyId: indh.id,
        signedOn: '2025-02-01',
        correction: true,
      })
      .expect(200);
    const now = await figures('year=2024&asOf=2025-06-30');
    expect(names(now.counted)).toEqual(['A', 'D', 'H', 'K']);
    const then = await figures(`year=2024&asOf=2025-06-30&knownAt=${encodeURIComponent(before)}`);
    expect(names(then.counted)).toEqual(['A', 'D', 'E', 'H', 'K']);
  });

  it('lists the counted families with their title, signature day and page', async () => {
    const response = await client(api)
      .as(officer)
      .get('/api/v1/indicators/partnerships/records?year=2023&asOf=2025-06-30&pageSize=2')
      .expect(200);
    expect(response.body.total).toBe(3);
    expect(response.body.items).toHaveLength(2);
    const all = await client(api)
      .as(officer)
      .get('/api/v1/indicators/partnerships/records?year=2023&asOf=2025-06-30')
      .expect(200);
    const h = (all.body.items as { id: string }[]).find((item) => item.id === ids['H']);
    expect(h).toEqual({
      id: ids['H'],
      label: 'H — tacitly renewed',
      date: '2021-12-01',
      path: `/observatory/partnerships/${ids['H']}`,
    });
  });

  it('is for staff: editors and placement officers read it; trainees 403, anonymous 401; no future dates', async () => {
    const editor = await signInWithRoles(api, admin, ['observatory_editor']);
    const placement = await signInWithRoles(api, admin, ['placement_officer']);
    const trainee = await signInWithRoles(api, admin, ['trainee']);
    for (const staff of [editor, placement, admin]) {
      expect((await figures('year=2024&asOf=2025-06-30', staff)).value).toBeGreaterThan(0);
    }
    await client(api).as(trainee).get('/api/v1/indicators/partnerships?year=2024').expect(403);
    await client(api).as(trainee).get('/api/v1/indicators/partnerships/records').expect(403);
    await client(api).anonymous.get('/api/v1/indicators/partnerships').expect(401);
    const future = await client(api)
      .as(officer)
      .get('/api/v1/indicators/partnerships?asOf=2999-01-01')
      .expect(400);
    expect(future.body.errors).toEqual([
      { field: 'asOf', message: 'asOf cannot be in the future' },
    ]);
  });
});
