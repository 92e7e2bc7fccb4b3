// Decorators of the imported libs read metadata as soon as they load.
import 'reflect-metadata';
import request from 'supertest';
import { client } from '../catalogue/catalogue-client';
import { database, openSession } from '../enrollments/enrollment-client';
import { eventually } from '../notifications/outbox-support';
import {
  type Cohort,
  pastCohort,
  PlacementCast,
  placementCast,
} from '../placements/placement-client';
import type { TestApp } from '../support/test-app';
import { register, registration, uniqueIp } from './support/identity-client';
import { startIdentityTestApp } from './support/identity-test-app';

/**
 * The optional phone number: given at registration or in the profile, stored in E.164, and shown
 * to placement officers (person page, to-follow list, follow-up queue) so they can call, and to
 * nobody else but the person and administrators.
 */
describe('phone numbers', () => {
  let api: TestApp;
  let cast: PlacementCast;
  let http: ReturnType<typeof client>;

  beforeAll(async () => {
    api = await startIdentityTestApp();
    cast = await placementCast(api);
    http = client(api);
  });

  afterAll(() => api.close());

  const postRegister = (body: object) =>
    request(api.url).post('/api/v1/auth/register').set('x-forwarded-for', uniqueIp()).send(body);

  it('registers with a Moroccan national number and answers it in E.164', async () => {
    const session = await register(api, { phone: '06 12 34 56 78' });
    expect(session.user['phone']).toBe('+212612345678');
    const me = await http.as(session).get('/api/v1/me').expect(200);
    expect(me.body.phone).toBe('+212612345678');
  });

  it('registers without a phone: the field is null', async () => {
    const session = await register(api);
    expect(session.user['phone']).toBeNull();
  });

  it('accepts an international number with + as it is', async () => {
    const session = await register(api, { phone: '+33 6 12 34 56 78' });
    expect(session.user['phone']).toBe('+33612345678');
  });

  it.each(['0812345678', '612345678', '+212 8 12 34 56 78', '06 12 34', 'call me', 612345678])(
    'refuses %j at registration with 400 problem+json naming the phone field, creating nobody',
    async (phone) => {
      const body = registration({ phone });
      const response = await postRegister(body).expect(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body.errors).toEqual([
        expect.objectContaining({ field: 'phone', message: expect.stringMatching(/^phone /) }),
      ]);
      const rows = await database(api).query('SELECT 1 FROM users WHERE email = $1', [body.email]);
      expect(rows).toHaveLength(0);
    },
  );

  it('sets, changes and clears the phone from the profile, refusing an invalid one', async () => {
    const session = await register(api);
    const me = http.as(session);
    expect((await me.patch('/api/v1/me', { phone: '07.00.11.22.33' }).expect(200)).body.phone).toBe(
      '+212700112233',
    );
    const refused = await me.patch('/api/v1/me', { phone: '07 00' }).expect(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'phone' })]);
    // Leaving it out keeps it.
    expect((await me.patch('/api/v1/me', { fullName: 'Salma B' }).expect(200)).body.phone).toBe(
      '+212700112233',
    );
    expect((await me.patch('/api/v1/me', { phone: null }).expect(200)).body.phone).toBeNull();
  });

  it('the database refuses a number that is not E.164, whatever path wrote it', async () => {
    const session = await register(api);
    await expect(
      database(api).query('UPDATE users SET phone = $1 WHERE id = $2', [
        '0612345678',
        session.user.id,
      ]),
    ).rejects.toThrow(/users_phone_e164_check/);
  });

  it('takes an optional phone column in the enrollment import, for the people it creates', async () => {
    const { sessionId } = await openSession(api, cast.trainer);
    const registered = await register(api, { phone: '0522123456' });
    const tag = Date.now().toString(36);
    const csv = [
      'email,fullName,gender,birthYear,regionCode,phone,baselineSituation,educationLevel',
      `new.${tag}@example.ma,Nouvelle Personne,female,1998,MA-01,06 61 23 45 67,seeking,licence`,
      `${registered.email},Déjà Inscrite,,,,0700000000,employed,master`,
    ].join('\n');
    const importCsv = (body: string, dryRun: boolean) =>
      http
        .as(cast.admin)
        .post(`/api/v1/sessions/${sessionId}/enrollments/import?dryRun=${dryRun}`, { csv: body });

    const preview = await importCsv(
      `${csv}\nbad.${tag}@example.ma,X,male,1990,MA-02,12345,seeking,licence`,
      true,
    ).expect(200);
    expect(preview.body.problems).toEqual([
      { line: 4, field: 'phone', code: 'not_phone', reason: expect.stringMatching(/Moroccan/) },
    ]);

    await importCsv(csv, false).expect(200);
    const phones = await database(api).query(
      'SELECT email, phone FROM users WHERE email = ANY($1) ORDER BY email',
      [[`new.${tag}@example.ma`, registered.email]],
    );
    // A person with an account keeps what they gave: the import does not overwrite it.
    expect(
      Object.fromEntries(
        phones.map((row: { email: string; phone: string }) => [row.email, row.phone]),
      ),
    ).toEqual({
      [`new.${tag}@example.ma`]: '+212661234567',
      [registered.email]: '+212522123456',
    });
  });

  describe('who sees it', () => {
    let cohort: Cohort;
    let withPhone: Cohort['completers'][number];

    beforeAll(async () => {
      cohort = await pastCohort(api, cast, 2);
      withPhone = cohort.completers[0];
      await database(api).query(`UPDATE users SET phone = '+212661234567' WHERE id = $1`, [
        withPhone.userId,
      ]);
    });

    it('shows it to officers and administrators on the person page and the to-follow list', async () => {
      for (const staff of [cast.officer, cast.admin]) {
        const page = await http
          .as(staff)
          .get(`/api/v1/people/${withPhone.userId}/situation`)
          .expect(200);
        expect(page.body.person.phone).toBe('+212661234567');
        const toFollow = await http
          .as(staff)
          .get(`/api/v1/placements/to-follow?session=${cohort.sessionId}`)
          .expect(200);
        const phones = Object.fromEntries(
          toFollow.body.items.map((item: { userId: string; phone: string | null }) => [
            item.userId,
            item.phone,
          ]),
        );
        expect(phones).toEqual({
          [withPhone.userId]: '+212661234567',
          [cohort.completers[1].userId]: null,
        });
      }
    });

    it('shows it to officers in the follow-up queue', async () => {
      const queue = await eventually(async () => {
        const response = await http
          .as(cast.officer)
          .get(`/api/v1/followups?session=${cohort.sessionId}`)
          .expect(200);
        return response.body.items.length === 6 ? response.body.items : undefined;
      });
      for (const item of queue as { person: { id: string; phone: string | null } }[]) {
        expect(item.person.phone).toBe(
          item.person.id === withPhone.userId ? '+212661234567' : null,
        );
      }
    });

    it('keeps it from trainers (their roster carries no phone) and from other trainees', async () => {
      const roster = await http
        .as(cast.admin)
        .get(`/api/v1/sessions/${cohort.sessionId}/enrollments`)
        .expect(200);
      expect(roster.body.items.length).toBeGreaterThan(0);
      expect(JSON.stringify(roster.body)).not.toContain('661234567');
      for (const someone of [cast.trainer, cast.trainee]) {
        await http.as(someone).get(`/api/v1/people/${withPhone.userId}/situation`).expect(403);
        await http.as(someone).get(`/api/v1/followups?session=${cohort.sessionId}`).expect(403);
        await http.as(someone).get(`/api/v1/users/${withPhone.userId}`).expect(403);
      }
    });
  });
});
