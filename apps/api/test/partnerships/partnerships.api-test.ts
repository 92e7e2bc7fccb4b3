// Decorators of the imported libs read metadata as soon as they load.
import 'reflect-metadata';
import { createHash } from 'node:crypto';
import { addDays, todayInMorocco } from '@oris/shared/domain';
import request from 'supertest';
import { client } from '../catalogue/catalogue-client';
import { startIdentityTestApp } from '../identity/support/identity-test-app';
import { Session, signInAsNewAdmin, signInWithRoles } from '../identity/support/identity-client';
import { auditEvents } from '../placements/placement-client';
import type { TestApp } from '../support/test-app';
import { partnershipClient } from './partnership-client';

describe('partnerships: the registry, signatures and families', () => {
  let api: TestApp;
  let admin: Session;
  let officer: Session;
  let registry: ReturnType<typeof partnershipClient>;
  let university: string;
  let region: string;
  let funder: string;

  beforeAll(async () => {
    api = await startIdentityTestApp();
    admin = await signInAsNewAdmin(api);
    officer = await signInWithRoles(api, admin, ['partnership_officer']);
    registry = partnershipClient(api, officer);
    university = await registry.organisation('Université Cadi Ayyad', 'university');
    region = await registry.organisation('Conseil régional Marrakech-Safi', 'regional_council');
    funder = await registry.organisation('Coopération Belge Enabel', 'international_cooperation');
  });

  afterAll(() => api.close());

  const body = (overrides: Record<string, unknown> = {}) => ({
    title: 'Convention de partenariat',
    kind: 'convention',
    startsOn: '2025-01-01',
    endsOn: '2025-12-31',
    renewalMode: 'none',
    noticeDays: 60,
    parties: [
      { organisationId: university, role: 'signatory', signatureRequired: true },
      { organisationId: region, role: 'funder', signatureRequired: true },
    ],
    ...overrides,
  });

  it('lets a partnership officer record organisations with their stakeholder group; other kinds default to their group', async () => {
    const response = await registry.http
      .post('/api/v1/organisations', {
        name: 'Incubateur Souss',
        kind: 'incubator',
        regionCode: 'MA-09',
      })
      .expect(201);
    expect(response.body.stakeholderGroup).toBe('support_organisation');
    const changed = await registry.http
      .patch(`/api/v1/organisations/${response.body.id}`, { stakeholderGroup: 'project_holder' })
      .expect(200);
    expect(changed.body.stakeholderGroup).toBe('project_holder');
    const listed = await registry.http
      .get('/api/v1/organisations?stakeholderGroup=university')
      .expect(200);
    expect(listed.body.items.map((item: { id: string }) => item.id)).toEqual([university]);
  });

  it('records a draft, then its signatures; the status follows the dates', async () => {
    const created = await registry.http
      .post('/api/v1/partnerships', {
        ...body(),
        contributions: [
          { organisationId: region, kind: 'financial', amountMad: 250000, description: 'Bourses' },
          { organisationId: university, kind: 'in_kind', description: 'Salles' },
        ],
      })
      .expect(201);
    const id = created.body.id as string;
    expect(created.body).toMatchObject({
      status: 'draft',
      signedOn: null,
      currentEnd: '2025-12-31',
      renewalDueFrom: '2025-11-01',
      familyHeadId: id,
      requiredSignatureCount: 2,
      signatureCount: 0,
      contributions: [
        { organisationId: region, kind: 'financial', amountMad: 250000, description: 'Bourses' },
        { organisationId: university, kind: 'in_kind', amountMad: null, description: 'Salles' },
      ],
    });
    const [first, second] = created.body.parties as { id: string }[];
    await registry.sign(id, first.id, '2024-12-01');
    const signed = await registry.sign(id, second.id, '2024-12-10');
    expect(signed.body).toMatchObject({ signedOn: '2024-12-10', signatureCount: 2 });
    const on = async (asOf: string) =>
      (await registry.http.get(`/api/v1/partnerships/${id}?asOf=${asOf}`).expect(200)).body.status;
    expect(await on('2024-12-05')).toBe('draft');
    expect(await on('2024-12-20')).toBe('signed_not_started');
    expect(await on('2025-06-01')).toBe('in_force');
    expect(await on('2025-11-15')).toBe('renewal_due');
    expect(await on('2026-01-01')).toBe('expired');
    // Signing twice is a conflict; a signature dated tomorrow is refused.
    const twice = await registry.http
      .post(`/api/v1/partnerships/${id}/signatures`, { partyId: first.id, signedOn: '2024-12-02' })
      .expect(409);
    expect(twice.body.code).toBe('partnership_already_signed');
    const future = await registry.http
      .post(`/api/v1/partnerships/${id}/signatures`, {
        partyId: first.id,
        signedOn: addDays(todayInMorocco(), 1),
        correction: true,
      })
      .expect(422);
    expect(future.body.code).toBe('partnership_signature_in_future');
    expect((await auditEvents(api, id)).map((event) => event.action)).toEqual([
      'partnership.created',
      'partnership.signed',
      'partnership.signed',
    ]);
  });

  it('keeps families one level deep: members name a head, heads name none', async () => {
    const head = (
      await registry.http
        .post('/api/v1/partnerships', body({ kind: 'framework_agreement' }))
        .expect(201)
    ).body.id;
    const orphan = await registry.http
      .post('/api/v1/partnerships', body({ kind: 'amendment' }))
      .expect(422);
    expect(orphan.body.code).toBe('partnership_invalid_parent');
    await registry.http
      .post('/api/v1/partnerships', body({ kind: 'convention', parentId: head }))
      .expect(422);
    const amendment = (
      await registry.http
        .post('/api/v1/partnerships', body({ kind: 'amendment', parentId: head }))
        .expect(201)
    ).body.id;
    // A member of a member would hide a cycle or a second level: refused.
    await registry.http
      .post('/api/v1/partnerships', body({ kind: 'renewal', parentId: amendment }))
      .expect(422);
    // A head with members stays a head.
    const demoted = await registry.http
      .patch(`/api/v1/partnerships/${head}`, { kind: 'amendment', parentId: amendment })
      .expect(422);
    expect(demoted.body.code).toBe('partnership_invalid_parent');
    const otherHead = (
      await registry.http.post('/api/v1/partnerships', body({ kind: 'mou' })).expect(201)
    ).body.id;
    const hasMembers = await registry.http
      .patch(`/api/v1/partnerships/${head}`, { kind: 'amendment', parentId: otherHead })
      .expect(409);
    expect(hasMembers.body.code).toBe('partnership_has_members');
    const detail = await registry.http.get(`/api/v1/partnerships/${amendment}`).expect(200);
    expect(detail.body.familyHeadId).toBe(head);
    expect(detail.body.family.map((member: { id: string }) => member.id)).toEqual([
      head,
      amendment,
    ]);
    const family = await registry.http.get(`/api/v1/partnerships?family=${head}`).expect(200);
    expect(family.body.total).toBe(2);
  });

  it('refuses bad terms with their field or code, never a 500', async () => {
    const bad = await registry.http
      .post('/api/v1/partnerships', body({ kind: 'treaty', startsOn: '2025-02-30', parties: [] }))
      .expect(400);
    expect(bad.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      'kind',
      'parties',
      'startsOn',
    ]);
    const backwards = await registry.http
      .post('/api/v1/partnerships', body({ endsOn: '2024-01-01' }))
      .expect(422);
    expect(backwards.body.code).toBe('partnership_invalid_dates');
    const tacit = await registry.http
      .post('/api/v1/partnerships', body({ renewalMode: 'tacit' }))
      .expect(422);
    expect(tacit.body.code).toBe('partnership_invalid_renewal');
    const twice = await registry.http
      .post(
        '/api/v1/partnerships',
        body({
          parties: [
            { organisationId: university, role: 'signatory', signatureRequired: true },
            { organisationId: university, role: 'funder', signatureRequired: false },
          ],
        }),
      )
      .expect(422);
    expect(twice.body.code).toBe('partnership_duplicate_party');
    const stranger = await registry.http
      .post(
        '/api/v1/partnerships',
        body({ contributions: [{ organisationId: funder, kind: 'staff', description: 'x' }] }),
      )
      .expect(422);
    expect(stranger.body.code).toBe('partnership_contribution_party');
    await registry.http
      .get('/api/v1/partnerships/00000000-0000-4000-8000-000000000000')
      .expect(404);
  });

  it('changes terms and parties, keeps a signed party, and terminates once', async () => {
    const created = await registry.agreement({
      title: 'Tacit MoU',
      kind: 'mou',
      startsOn: '2023-01-01',
      endsOn: '2023-12-31',
      renewalMode: 'tacit',
      renewalMonths: 12,
      parties: [{ organisationId: university, signedOn: '2022-12-01' }, { organisationId: region }],
    });
    const id = created.id;
    const signedParty = { organisationId: university, role: 'signatory', signatureRequired: true };
    const removed = await registry.http
      .patch(`/api/v1/partnerships/${id}`, {
        parties: [{ ...signedParty, organisationId: region }],
      })
      .expect(409);
    expect(removed.body.code).toBe('partnership_signed_party_removed');
    // The region's signature is not required after all: the MoU is in force, renewed tacitly.
    const changed = await registry.http
      .patch(`/api/v1/partnerships/${id}`, {
        title: 'Tacit MoU (revised)',
        parties: [
          signedParty,
          { organisationId: region, role: 'observer', signatureRequired: false },
        ],
      })
      .expect(200);
    expect(changed.body.status).not.toBe('draft');
    expect(changed.body.currentEnd > todayInMorocco()).toBe(true);
    const ended = await registry.http
      .post(`/api/v1/partnerships/${id}/termination`, { terminatedOn: '2024-06-30', reason: 'Fin' })
      .expect(200);
    expect(ended.body).toMatchObject({
      status: 'terminated',
      terminatedOn: '2024-06-30',
      currentEnd: '2024-06-30',
    });
    await registry.http
      .post(`/api/v1/partnerships/${id}/termination`, { terminatedOn: '2024-07-30' })
      .expect(409);
    const terminated = await registry.http
      .get('/api/v1/partnerships?status=terminated')
      .expect(200);
    expect(terminated.body.items.map((item: { id: string }) => item.id)).toContain(id);
    expect((await auditEvents(api, id)).map((event) => event.action)).toEqual(
      expect.arrayContaining(['partnership.changed', 'partnership.terminated']),
    );
  });

  it('keeps the signed document with its SHA-256, for staff only', async () => {
    const id = (await registry.http.post('/api/v1/partnerships', body()).expect(201)).body.id;
    await registry.http.get(`/api/v1/partnerships/${id}/document`).expect(404);
    const pdf = Buffer.from('%PDF-1.4\n% signed convention\n%%EOF\n');
    const upload = (bytes: Buffer, session: Session = officer) =>
      request(api.url)
        .put(
          `/api/v1/partnerships/${id}/document?name=${encodeURIComponent('Convention signée.pdf')}`,
        )
        .auth(session.accessToken, { type: 'bearer' })
        .set('content-type', 'application/pdf')
        .send(bytes);
    const notPdf = await upload(Buffer.from('hello')).expect(422);
    expect(notPdf.body.code).toBe('partnership_invalid_document');
    const stored = await upload(pdf).expect(200);
    expect(stored.body.document).toEqual({
      name: 'Convention signée.pdf',
      sha256: createHash('sha256').update(pdf).digest('hex'),
      size: pdf.length,
    });
    const download = await registry.http
      .get(`/api/v1/partnerships/${id}/document`)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(Buffer.compare(download.body as Buffer, pdf)).toBe(0);
    const editor = await signInWithRoles(api, admin, ['observatory_editor']);
    await upload(pdf, editor).expect(403);
    await client(api).as(editor).get(`/api/v1/partnerships/${id}/document`).expect(403);
  });

  it('filters the list by kind, organisation, stakeholder group and title', async () => {
    const list = async (query: string) =>
      (await registry.http.get(`/api/v1/partnerships?${query}`).expect(200)).body;
    expect(
      (await list('kind=mou')).items.every((item: { kind: string }) => item.kind === 'mou'),
    ).toBe(true);
    expect((await list(`organisation=${funder}`)).total).toBe(0);
    expect((await list('stakeholderGroup=university')).total).toBeGreaterThan(0);
    expect((await list('q=TACIT mou')).items.map((item: { title: string }) => item.title)).toEqual([
      'Tacit MoU (revised)',
    ]);
  });

  it('is for partnership officers and administrators: editors and placement officers get 403', async () => {
    const editor = await signInWithRoles(api, admin, ['observatory_editor']);
    const placement = await signInWithRoles(api, admin, ['placement_officer']);
    for (const someone of [editor, placement]) {
      await client(api).as(someone).get('/api/v1/partnerships').expect(403);
      await client(api).as(someone).post('/api/v1/partnerships', body()).expect(403);
    }
    await client(api).as(editor).get('/api/v1/organisations').expect(403);
    await client(api).anonymous.get('/api/v1/partnerships').expect(401);
    await client(api).as(admin).get('/api/v1/partnerships').expect(200);
    await client(api).as(placement).get('/api/v1/organisations').expect(200);
  });
});
