// Decorators of the imported libs read metadata as soon as they load.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { client, inDays } from '../catalogue/catalogue-client';
import { database } from '../enrollments/enrollment-client';
import { startIdentityTestApp } from '../identity/support/identity-test-app';
import type { TestApp } from '../support/test-app';
import {
  auditEvents,
  Cohort,
  pastCohort,
  PlacementCast,
  placementBody,
  placementCast,
} from './placement-client';

describe('placements: recording, history, validation', () => {
  let api: TestApp;
  let cast: PlacementCast;
  let http: ReturnType<typeof client>;
  let cohort: Cohort;

  beforeAll(async () => {
    api = await startIdentityTestApp();
    cast = await placementCast(api);
    http = client(api);
    cohort = await pastCohort(api, cast, 6);
  });

  afterAll(() => api.close());

  const person = (index: number) => cohort.completers[index];

  it('is for placement officers and administrators: trainees and trainers get 403, anonymous 401', async () => {
    const body = placementBody(person(0).userId);
    for (const someone of [cast.trainee, cast.trainer]) {
      await http.as(someone).get('/api/v1/placements').expect(403);
      await http.as(someone).post('/api/v1/placements', body).expect(403);
      await http.as(someone).get('/api/v1/placements/to-follow').expect(403);
      await http
        .as(someone)
        .get(`/api/v1/people/${person(0).userId}/situation`)
        .expect(403);
      await http.as(someone).get('/api/v1/organisations').expect(403);
      await http
        .as(someone)
        .post('/api/v1/organisations', { name: 'X', kind: 'company', regionCode: 'MA-01' })
        .expect(403);
      await http
        .as(someone)
        .post('/api/v1/placements/import?dryRun=true', { csv: 'email' })
        .expect(403);
    }
    const anonymous = await http.anonymous.get('/api/v1/placements').expect(401);
    expect(anonymous.headers['content-type']).toMatch(/^application\/problem\+json/);
    // The trainee's own situation is not theirs to read here either.
    await http.as(cast.trainee).get(`/api/v1/people/${cast.trainee.user.id}/situation`).expect(403);
    await http.as(cast.officer).get('/api/v1/placements').expect(200);
    await http.as(cast.admin).get('/api/v1/placements').expect(200);
    // Nothing was written by the refused calls.
    const [{ n }] = await database(api).query(`SELECT count(*)::int AS n FROM placement`);
    expect(n).toBe(0);
  });

  it('refuses an invalid situation with problem+json naming each field', async () => {
    const userId = person(0).userId;
    const noContract = await http
      .as(cast.officer)
      .post('/api/v1/placements', placementBody(userId, { contract: undefined }))
      .expect(400);
    expect(noContract.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(noContract.body.errors).toEqual([
      { field: 'contract', message: 'contract is required for wage employment' },
    ]);
    const endBeforeStart = await http
      .as(cast.officer)
      .post('/api/v1/placements', placementBody(userId, { endOn: inDays(-300) }))
      .expect(400);
    expect(endBeforeStart.body.errors).toEqual([
      { field: 'endOn', message: 'endOn cannot be before startOn' },
    ]);
    const bad = await http
      .as(cast.officer)
      .post(
        '/api/v1/placements',
        placementBody(userId, {
          kind: 'job',
          regionCode: 'MA-13',
          startOn: '2025-02-30',
          evidence: 'sure',
          roles: ['admin'],
        }),
      )
      .expect(400);
    expect(bad.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      'evidence',
      'kind',
      'regionCode',
      'roles',
      'startOn',
    ]);
    const future = await http
      .as(cast.officer)
      .post('/api/v1/placements', placementBody(userId, { startOn: inDays(5) }))
      .expect(400);
    expect(future.body.errors[0].field).toBe('startOn');
    const [{ n }] = await database(api).query(`SELECT count(*)::int AS n FROM placement`);
    expect(n).toBe(0);
  });

  it('answers 422 naming why for an unknown person, a person never trained, an unknown organisation or enrollment', async () => {
    const unknown = await http
      .as(cast.officer)
      .post('/api/v1/placements', placementBody(randomUUID()))
      .expect(422);
    expect(unknown.body).toMatchObject({ status: 422, code: 'unknown_person' });
    const untrained = await http
      .as(cast.officer)
      .post('/api/v1/placements', placementBody(cast.trainee.user.id))
      .expect(422);
    expect(untrained.body).toMatchObject({ code: 'person_not_trained' });
    expect(untrained.body.detail).toMatch(/no completed enrollment/);
    const organisation = await http
      .as(cast.officer)
      .post(
        '/api/v1/placements',
        placementBody(person(0).userId, { employerName: undefined, organisationId: randomUUID() }),
      )
      .expect(422);
    expect(organisation.body.code).toBe('unknown_organisation');
    const enrollment = await http
      .as(cast.officer)
      .post(
        '/api/v1/placements',
        placementBody(person(0).userId, { enrollmentId: person(1).enrollmentId }),
      )
      .expect(422);
    expect(enrollment.body.code).toBe('enrollment_mismatch');
  });

  it('keeps every version on PATCH: old values stay readable, a change unvalidates, validation is recorded once', async () => {
    const created = await http
      .as(cast.officer)
      .post(
        '/api/v1/placements',
        placementBody(person(2).userId, {
          enrollmentId: person(2).enrollmentId,
          contract: 'fixed_term',
          validate: true,
        }),
      )
      .expect(201);
    const id = created.body.id;
    expect(created.body).toMatchObject({
      version: 1,
      validated: true,
      inserting: true,
      person: { id: person(2).userId, fullName: expect.any(String) },
      validatedBy: { id: cast.officer.user.id },
      recordedBy: { id: cast.officer.user.id },
    });

    // Sending what it already says writes nothing.
    const same = await http
      .as(cast.admin)
      .patch(`/api/v1/placements/${id}`, { contract: 'fixed_term' })
      .expect(200);
    expect(same.body.version).toBe(1);

    const changed = await http
      .as(cast.admin)
      .patch(`/api/v1/placements/${id}`, { endOn: inDays(-30), position: 'Coordinatrice' })
      .expect(200);
    expect(changed.body).toMatchObject({
      version: 2,
      validated: false,
      validatedBy: null,
      endOn: inDays(-30),
      position: 'Coordinatrice',
      recordedBy: { id: cast.admin.user.id },
    });
    expect(changed.body.versions).toHaveLength(2);
    expect(changed.body.versions[0].changes).toEqual(['position', 'endOn', 'validated']);
    // The old version is still there, with its own values and validation.
    expect(changed.body.versions[1]).toMatchObject({
      version: 1,
      position: 'Chargée de projets',
      endOn: null,
      validated: true,
      validatedBy: { id: cast.officer.user.id },
      supersededAt: expect.any(String),
    });

    const validated = await http
      .as(cast.officer)
      .post(`/api/v1/placements/${id}/validate`)
      .expect(200);
    expect(validated.body).toMatchObject({
      version: 3,
      validated: true,
      position: 'Coordinatrice',
    });
    expect(validated.body.versions[0].changes).toEqual(['validated']);
    const again = await http.as(cast.admin).post(`/api/v1/placements/${id}/validate`).expect(200);
    expect(again.body).toMatchObject({ version: 3, validatedBy: { id: cast.officer.user.id } });

    // A change made with `validate` stays validated.
    const revalidated = await http
      .as(cast.officer)
      .patch(`/api/v1/placements/${id}`, { evidence: 'confirmed', validate: true })
      .expect(200);
    expect(revalidated.body).toMatchObject({ version: 4, validated: true, evidence: 'confirmed' });

    const rows = await database(api).query(
      `SELECT version, position, superseded_at IS NULL AS current FROM placement_version
        WHERE placement_id = $1 ORDER BY version`,
      [id],
    );
    expect(rows).toEqual([
      { version: 1, position: 'Chargée de projets', current: false },
      { version: 2, position: 'Coordinatrice', current: false },
      { version: 3, position: 'Coordinatrice', current: false },
      { version: 4, position: 'Coordinatrice', current: true },
    ]);
    const detail = await http.as(cast.officer).get(`/api/v1/placements/${id}`).expect(200);
    expect(detail.body.versions.map((version: { version: number }) => version.version)).toEqual([
      4, 3, 2, 1,
    ]);

    const events = await auditEvents(api, id);
    expect(events.map((event) => [event.action, event.actorId, event.data['version']])).toEqual([
      ['placement.created', cast.officer.user.id, 1],
      ['placement.changed', cast.admin.user.id, 2],
      ['placement.validated', cast.officer.user.id, 3],
      ['placement.changed', cast.officer.user.id, 4],
    ]);
    expect(events[1].data).toMatchObject({
      changes: 'position,endOn',
      wasValidated: true,
      validated: false,
    });

    // The person cannot be changed, and a broken change is refused whole.
    await http
      .as(cast.officer)
      .patch(`/api/v1/placements/${id}`, { userId: person(3).userId })
      .expect(400);
    const broken = await http
      .as(cast.officer)
      .patch(`/api/v1/placements/${id}`, { kind: 'wage_employment', contract: null })
      .expect(400);
    expect(broken.body.errors).toEqual([
      { field: 'contract', message: 'contract is required for wage employment' },
    ]);
    await http
      .as(cast.officer)
      .patch(`/api/v1/placements/${randomUUID()}`, { note: 'x' })
      .expect(404);
    await http.as(cast.officer).post(`/api/v1/placements/${randomUUID()}/validate`).expect(404);
  });

  it('serialises concurrent changes of one placement: every change becomes its own version', async () => {
    const created = await http
      .as(cast.officer)
      .post('/api/v1/placements', placementBody(person(5).userId, { validate: true }))
      .expect(201);
    const id = created.body.id;
    const notes = ['Appel du 3', 'Appel du 4', 'Appel du 5', 'Appel du 6', 'Appel du 7'];
    const answers = await Promise.all(
      notes.map((note) => http.as(cast.officer).patch(`/api/v1/placements/${id}`, { note })),
    );
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
    const rows = await database(api).query(
      `SELECT version, note, superseded_at IS NULL AS current FROM placement_version
        WHERE placement_id = $1 ORDER BY version`,
      [id],
    );
    expect(rows.map((row: { version: number }) => row.version)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(rows.filter((row: { current: boolean }) => row.current)).toHaveLength(1);
    expect(
      rows
        .slice(1)
        .map((row: { note: string }) => row.note)
        .sort(),
    ).toEqual(notes);
    expect(rows[5]).toMatchObject({ version: 6, current: true });
    // The changes were not validated: the situation no longer counts until someone validates it.
    const detail = await http.as(cast.officer).get(`/api/v1/placements/${id}`).expect(200);
    expect(detail.body.validated).toBe(false);
  });

  it('records one situation for a retried request with the same Idempotency-Key', async () => {
    const { completers } = await pastCohort(api, cast, 1);
    const body = placementBody(completers[0].userId);
    const key = randomUUID();
    const post = () =>
      http.as(cast.officer).post('/api/v1/placements', body).set('Idempotency-Key', key);
    const first = await post().expect(201);
    const retried = await post().expect(201);
    expect(retried.headers['idempotent-replayed']).toBe('true');
    expect(retried.body.id).toBe(first.body.id);
    const [{ count }] = await database(api).query(
      `SELECT count(*)::int AS count FROM placement WHERE user_id = $1`,
      [completers[0].userId],
    );
    expect(count).toBe(1);
  });

  it('holds the rules in the database too (CHECK constraints)', async () => {
    const [{ id: placementId }] = await database(api).query(
      `SELECT placement_id AS id FROM placement_version WHERE user_id = $1 LIMIT 1`,
      [person(5).userId],
    );
    const insert = (kind: string, contract: string | null, startOn: string, endOn: string | null) =>
      database(api).query(
        `INSERT INTO placement_version (placement_id, version, user_id, kind, contract, employer_name,
           sector, position, region_code, start_on, end_on, source, evidence, recorded_by, superseded_at)
         VALUES ($1, 99, $2, $3, $4, 'X', 'S', 'P', 'MA-01', $5, $6, 'officer', 'declared', $2, now())`,
        [placementId, person(5).userId, kind, contract, startOn, endOn],
      );
    await expect(insert('wage_employment', null, '2025-01-01', null)).rejects.toThrow(
      /placement_version_contract_kind_check/,
    );
    await expect(insert('self_employment', 'permanent', '2025-01-01', null)).rejects.toThrow(
      /placement_version_contract_kind_check/,
    );
    await expect(insert('seeking', null, '2025-01-02', '2025-01-01')).rejects.toThrow(
      /placement_version_dates_check/,
    );
  });

  it('leaving wage employment drops the contract; a free name replaces the organisation', async () => {
    const organisation = await http
      .as(cast.admin)
      .post('/api/v1/organisations', {
        name: 'Coopérative Tifawin',
        kind: 'cooperative',
        regionCode: 'MA-09',
      })
      .expect(201);
    const created = await http
      .as(cast.officer)
      .post(
        '/api/v1/placements',
        placementBody(person(3).userId, {
          employerName: undefined,
          organisationId: organisation.body.id,
        }),
      )
      .expect(201);
    expect(created.body).toMatchObject({
      organisationName: 'Coopérative Tifawin',
      validated: false,
    });
    const changed = await http
      .as(cast.officer)
      .patch(`/api/v1/placements/${created.body.id}`, {
        kind: 'enterprise_creation',
        employerName: 'Dar Lmaâna SARL',
      })
      .expect(200);
    expect(changed.body).toMatchObject({
      kind: 'enterprise_creation',
      contract: null,
      organisationId: null,
      employerName: 'Dar Lmaâna SARL',
    });
  });

  it('lists current versions with filters and pagination', async () => {
    const userId = person(4).userId;
    const seeking = await http
      .as(cast.officer)
      .post('/api/v1/placements', {
        userId,
        kind: 'seeking',
        regionCode: 'MA-02',
        startOn: inDays(-200),
        source: 'survey',
        evidence: 'declared',
      })
      .expect(201);
    await http
      .as(cast.officer)
      .patch(`/api/v1/placements/${seeking.body.id}`, { note: 'Relancée par téléphone' })
      .expect(200);
    const mine = await http.as(cast.officer).get(`/api/v1/placements?person=${userId}`).expect(200);
    expect(mine.body).toMatchObject({ total: 1, page: 1, pageSize: 20 });
    expect(mine.body.items[0]).toMatchObject({ version: 2, inserting: false, kind: 'seeking' });
    const bySeeking = await http
      .as(cast.officer)
      .get('/api/v1/placements?kind=seeking&region=MA-02&validated=false')
      .expect(200);
    expect(bySeeking.body.items.map((item: { id: string }) => item.id)).toEqual([seeking.body.id]);
    const validated = await http
      .as(cast.officer)
      .get('/api/v1/placements?validated=true')
      .expect(200);
    expect(validated.body.items.every((item: { validated: boolean }) => item.validated)).toBe(true);
    const page = await http
      .as(cast.officer)
      .get('/api/v1/placements?pageSize=1&page=2')
      .expect(200);
    expect(page.body.items).toHaveLength(1);
    expect(page.body.total).toBeGreaterThanOrEqual(3);
    const byName = await http.as(cast.officer).get('/api/v1/placements?q=stagiaire').expect(200);
    expect(byName.body.total).toBe(page.body.total);
    const nobody = await http.as(cast.officer).get('/api/v1/placements?q=zzzz%25').expect(200);
    expect(nobody.body.total).toBe(0);
    await http.as(cast.officer).get('/api/v1/placements?validated=maybe').expect(400);
    await http.as(cast.officer).get('/api/v1/placements?kind=job').expect(400);
  });

  it('shows a person’s completions, baseline and placements, and records the read', async () => {
    const userId = person(2).userId;
    const response = await http
      .as(cast.officer)
      .get(`/api/v1/people/${userId}/situation`)
      .expect(200);
    expect(response.body.person).toMatchObject({ id: userId, regionCode: 'MA-04' });
    expect(response.body.completions).toEqual([
      expect.objectContaining({
        enrollmentId: person(2).enrollmentId,
        sessionId: cohort.sessionId,
        startsOn: cohort.startsOn,
        completedOn: cohort.completedOn,
        baselineSituation: 'seeking',
        educationLevel: 'licence',
      }),
    ]);
    expect(response.body.placements).toHaveLength(1);
    const events = await auditEvents(api, userId);
    expect(events).toContainEqual({
      actorId: cast.officer.user.id,
      action: 'person.situation_read',
      data: {},
    });
    await http.as(cast.officer).get(`/api/v1/people/${randomUUID()}/situation`).expect(404);
  });

  it('lists the trainees to follow: completed, no validated current situation', async () => {
    const response = await http
      .as(cast.officer)
      .get(`/api/v1/placements/to-follow?session=${cohort.sessionId}&pageSize=100`)
      .expect(200);
    const ids = response.body.items.map((item: { userId: string }) => item.userId);
    // person 2 has a validated situation; 3 and 4 have unvalidated ones; 0, 1, 5 none.
    expect(ids.sort()).toEqual([0, 1, 3, 4, 5].map((index) => person(index).userId).sort());
    const three = response.body.items.find(
      (item: { userId: string }) => item.userId === person(3).userId,
    );
    expect(three).toMatchObject({
      completions: 1,
      lastCompletedOn: cohort.completedOn,
      awaitingValidation: 1,
      regionCode: 'MA-04',
    });
    const elsewhere = await http
      .as(cast.officer)
      .get(`/api/v1/placements/to-follow?session=${cohort.sessionId}&region=MA-11`)
      .expect(200);
    expect(elsewhere.body.total).toBe(0);
    const byCourse = await http
      .as(cast.admin)
      .get(`/api/v1/placements/to-follow?course=${cohort.courseId}`)
      .expect(200);
    expect(byCourse.body.total).toBe(5);
  });

  it('keeps a registry of organisations, unique by name in a region whatever the case', async () => {
    const created = await http
      .as(cast.officer)
      .post('/api/v1/organisations', {
        name: '  Incubateur Innov’Act ',
        kind: 'incubator',
        regionCode: 'MA-06',
      })
      .expect(201);
    expect(created.body).toMatchObject({ name: 'Incubateur Innov’Act', placementCount: 0 });
    const taken = await http
      .as(cast.admin)
      .post('/api/v1/organisations', {
        name: 'INCUBATEUR INNOV’ACT',
        kind: 'incubator',
        regionCode: 'MA-06',
      })
      .expect(409);
    expect(taken.body.code).toBe('organisation_name_taken');
    // The same name elsewhere is another organisation.
    await http
      .as(cast.admin)
      .post('/api/v1/organisations', {
        name: 'Incubateur Innov’Act',
        kind: 'incubator',
        regionCode: 'MA-01',
      })
      .expect(201);
    const list = await http
      .as(cast.officer)
      .get('/api/v1/organisations?q=innov&region=MA-06&kind=incubator')
      .expect(200);
    expect(list.body.items.map((item: { id: string }) => item.id)).toEqual([created.body.id]);
    const renamed = await http
      .as(cast.officer)
      .patch(`/api/v1/organisations/${created.body.id}`, { kind: 'association' })
      .expect(200);
    expect(renamed.body.kind).toBe('association');
    await http
      .as(cast.officer)
      .patch(`/api/v1/organisations/${created.body.id}`, { regionCode: 'MA-01' })
      .expect(409);
    await http
      .as(cast.officer)
      .patch(`/api/v1/organisations/${created.body.id}`, { name: null })
      .expect(400);
    await http.as(cast.officer).get(`/api/v1/organisations/${randomUUID()}`).expect(404);
    const events = await auditEvents(api, created.body.id);
    expect(events.map((event) => event.action)).toEqual([
      'organisation.created',
      'organisation.changed',
    ]);
  });
});
