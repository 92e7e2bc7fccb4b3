// Decorators of the imported libs read metadata as soon as they load.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Cast, castOf, client } from '../catalogue/catalogue-client';
import { Session, signInWithRoles, uniqueIp } from '../identity/support/identity-client';
import {
  CertificateTestApp,
  database,
  sessionWithCompleters,
  startCertificateTestApp,
} from './certificate-support';

interface CertificateBody {
  id: string;
  serial: string;
  verificationCode: string;
  holderName: string;
  status: string;
  revokedReason: string | null;
  replacedBySerial: string | null;
  revocationNote: string | null;
}

/** Re-issuing a certificate after a correction: a new serial, the old one revoked as replaced. */
describe('certificates: re-issue after a correction', () => {
  let api: CertificateTestApp;
  let cast: Cast;
  let http: ReturnType<typeof client>;
  let holder: Session;
  let completed: { sessionId: string; enrollmentIds: string[]; userIds: string[] };

  beforeAll(async () => {
    api = await startCertificateTestApp();
    cast = await castOf(api);
    http = client(api);
    completed = await sessionWithCompleters(api, cast.trainer, cast.admin, 4);
    holder = await signInWithRoles(api, cast.admin, ['trainee']);
    await database(api).query(`UPDATE enrollment SET user_id = $1 WHERE id = $2`, [
      holder.user.id,
      completed.enrollmentIds[0],
    ]);
    await database(api).query(`UPDATE users SET full_name = 'Amina Benalli' WHERE id = $1`, [
      holder.user.id,
    ]);
  });

  afterAll(async () => {
    await api.close();
  });

  const issue = async (enrollmentId: string): Promise<CertificateBody> =>
    (await http.as(cast.admin).post(`/api/v1/enrollments/${enrollmentId}/certificate`).expect(201))
      .body;
  const reissue = (id: string, body: object = {}, as: Session = cast.admin) =>
    http.as(as).post(`/api/v1/certificates/${id}/reissue`, body);
  const verify = (code: string) =>
    http.anonymous.get(`/api/v1/verify/${code}`).set('x-forwarded-for', uniqueIp()).expect(200);
  const countOf = async (enrollmentId: string) =>
    (
      await database(api).query(
        `SELECT count(*)::int AS all, count(*) FILTER (WHERE replaced_by_id IS NULL)::int AS current
           FROM certificate WHERE enrollment_id = $1`,
        [enrollmentId],
      )
    )[0] as { all: number; current: number };

  it('is for administrators only: the holder, a trainer or another trainee get 403, nothing changes', async () => {
    const certificate = await issue(completed.enrollmentIds[0]);
    const otherTrainee = await signInWithRoles(api, cast.admin, ['trainee']);
    for (const who of [holder, cast.trainer, otherTrainee]) {
      const response = await reissue(certificate.id, {}, who);
      expect({ who: who.user.id, status: response.status }).toEqual({
        who: who.user.id,
        status: 403,
      });
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
    await http.anonymous.post(`/api/v1/certificates/${certificate.id}/reissue`).expect(401);
    expect(await countOf(completed.enrollmentIds[0])).toEqual({ all: 1, current: 1 });
  });

  it('answers 404 for an unknown certificate, 400 for a malformed id or an unknown field', async () => {
    const unknown = await reissue(randomUUID()).expect(404);
    expect(unknown.body.code).toBe('certificate_not_found');
    await reissue('nope').expect(400);
    const [{ id }] = await database(api).query(`SELECT id FROM certificate LIMIT 1`);
    const extra = await reissue(id, { reason: 'fraud' }).expect(400);
    expect(extra.body.errors).toEqual([{ field: 'reason', message: expect.any(String) }]);
  });

  it('revokes the old one as replaced and issues a new one from the corrected facts, in one step', async () => {
    const before: CertificateBody = (
      await http.as(cast.admin).get(`/api/v1/certificates?q=Benalli`).expect(200)
    ).body.items[0];
    expect(before.holderName).toBe('Amina Benalli');
    // The correction: the holder's name was misspelt.
    await database(api).query(`UPDATE users SET full_name = 'Amina Benali' WHERE id = $1`, [
      holder.user.id,
    ]);
    const note = 'Nom mal orthographié';
    const created = await reissue(before.id, { note }).expect(201);
    const successor: CertificateBody = created.body;
    expect(successor).toMatchObject({ holderName: 'Amina Benali', status: 'valid' });
    expect(successor.id).not.toBe(before.id);
    expect(successor.serial).not.toBe(before.serial);
    expect(successor.serial).toMatch(/^ORIS-\d{4}-\d{6}$/);
    expect(successor.verificationCode).not.toBe(before.verificationCode);

    const replaced: CertificateBody = (
      await http.as(cast.admin).get(`/api/v1/certificates/${before.id}`).expect(200)
    ).body;
    expect(replaced).toMatchObject({
      status: 'revoked',
      revokedReason: 'replaced',
      replacedBySerial: successor.serial,
      revocationNote: note,
      holderName: 'Amina Benalli',
    });
    // The holder sees both, the reason and the successor, not the staff's note.
    const mine = (await http.as(holder).get('/api/v1/me/certificates').expect(200)).body;
    expect(mine.map((item: CertificateBody) => item.serial).sort()).toEqual(
      [before.serial, successor.serial].sort(),
    );
    const oldAsHolder = mine.find((item: CertificateBody) => item.id === before.id);
    expect(oldAsHolder).toMatchObject({ replacedBySerial: successor.serial, revocationNote: null });

    // Public verification: "replaced by" the new serial, and nothing more (no note, no code).
    const verified = await verify(before.verificationCode);
    expect(verified.body).toMatchObject({
      valid: false,
      status: 'revoked',
      reason: 'replaced',
      replacedBy: successor.serial,
    });
    expect(JSON.stringify(verified.body)).not.toContain(successor.verificationCode);
    expect(JSON.stringify(verified.body)).not.toContain('orthographié');
    const current = await verify(successor.verificationCode);
    expect(current.body).toMatchObject({ valid: true, holderName: 'Amina Benali' });
    expect(current.body.replacedBy).toBeUndefined();

    // The enrollment has one current certificate: issuing answers it, unchanged.
    expect(await countOf(completed.enrollmentIds[0])).toEqual({ all: 2, current: 1 });
    const issued = await http
      .as(cast.admin)
      .post(`/api/v1/enrollments/${completed.enrollmentIds[0]}/certificate`)
      .expect(200);
    expect(issued.body.id).toBe(successor.id);

    const audit = await database(api).query(
      `SELECT actor_id, action, data FROM audit_event WHERE subject_id = $1 AND action = 'certificate.reissued'`,
      [before.id],
    );
    expect(audit).toEqual([
      {
        actor_id: cast.admin.user.id,
        action: 'certificate.reissued',
        data: { serial: before.serial, replacedBy: successor.serial, replacementId: successor.id },
      },
    ]);
    // Replaced once: a second re-issue of the old one is refused, naming the successor.
    const again = await reissue(before.id).expect(409);
    expect(again.body.code).toBe('certificate_already_replaced');
    expect(again.body.detail).toContain(successor.serial);
  });

  it('replaces a certificate once however many concurrent requests ask for it', async () => {
    const certificate = await issue(completed.enrollmentIds[1]);
    const responses = await Promise.all(Array.from({ length: 8 }, () => reissue(certificate.id)));
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    for (const refused of responses.filter((response) => response.status === 409)) {
      expect(refused.body.code).toBe('certificate_already_replaced');
    }
    expect(await countOf(completed.enrollmentIds[1])).toEqual({ all: 2, current: 1 });
  });

  it('answers a retry with the same Idempotency-Key with the same certificate, once', async () => {
    const certificate = await issue(completed.enrollmentIds[2]);
    const key = randomUUID();
    const send = () =>
      http
        .as(cast.admin)
        .post(`/api/v1/certificates/${certificate.id}/reissue`, { note: 'Titre corrigé' })
        .set('Idempotency-Key', key);
    const first = await send().expect(201);
    const retry = await send().expect(201);
    expect(retry.body.id).toBe(first.body.id);
    expect(retry.body.serial).toBe(first.body.serial);
    expect(await countOf(completed.enrollmentIds[2])).toEqual({ all: 2, current: 1 });
  });

  it('does not re-issue a revoked certificate', async () => {
    const certificate = await issue(completed.enrollmentIds[3]);
    await http
      .as(cast.admin)
      .post(`/api/v1/certificates/${certificate.id}/revoke`, { reason: 'fraud' })
      .expect(200);
    const refused = await reissue(certificate.id).expect(409);
    expect(refused.body.code).toBe('certificate_already_revoked');
    expect(await countOf(completed.enrollmentIds[3])).toEqual({ all: 1, current: 1 });
  });

  it('refuses "replaced" as a reason an administrator picks: only a re-issue sets it', async () => {
    const [{ id }] = await database(api).query(
      `SELECT id FROM certificate WHERE status = 'valid' LIMIT 1`,
    );
    const response = await http
      .as(cast.admin)
      .post(`/api/v1/certificates/${id}/revoke`, { reason: 'replaced' })
      .expect(400);
    expect(response.body.errors).toEqual([{ field: 'reason', message: expect.any(String) }]);
  });
});
