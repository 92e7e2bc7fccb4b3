// Decorators of the imported libs read metadata as soon as they load.
import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { startSmtpServer, type TestSmtpServer } from '@oris/api/notifications/testing';
import { formatVerificationCode } from '@oris/shared/domain';
import request from 'supertest';
import { Cast, castOf, client } from '../catalogue/catalogue-client';
import { baseline, openSession } from '../enrollments/enrollment-client';
import { Session, signInWithRoles, uniqueIp } from '../identity/support/identity-client';
import { eventually } from '../notifications/outbox-support';
import {
  CertificateTestApp,
  database,
  readStored,
  sessionWithCompleters,
  sha256,
  startCertificateTestApp,
  startCertificateWorker,
} from './certificate-support';

/** Issuing one certificate, downloading it, verifying and revoking it; who may do what. */
describe('certificates: issue, download, verify, revoke', () => {
  let api: CertificateTestApp;
  let cast: Cast;
  let http: ReturnType<typeof client>;
  let smtp: TestSmtpServer;
  let worker: INestApplicationContext | undefined;
  let holder: Session;
  let otherTrainee: Session;
  let completed: { sessionId: string; enrollmentIds: string[]; userIds: string[] };

  beforeAll(async () => {
    api = await startCertificateTestApp();
    smtp = await startSmtpServer();
    cast = await castOf(api);
    http = client(api);
    otherTrainee = await signInWithRoles(api, cast.admin, ['trainee']);
    completed = await sessionWithCompleters(api, cast.trainer, cast.admin, 2);
    // The first completer signs in through a real account: it is the holder in these tests.
    holder = await signInWithRoles(api, cast.admin, ['trainee']);
    await database(api).query(`UPDATE enrollment SET user_id = $1 WHERE id = $2`, [
      holder.user.id,
      completed.enrollmentIds[0],
    ]);
    await database(api).query(
      `UPDATE users SET full_name = 'Amina Benali', full_name_ar = 'أمينة بنعلي', locale = 'ar' WHERE id = $1`,
      [holder.user.id],
    );
  });

  afterAll(async () => {
    await worker?.close();
    await api.close();
    await smtp.close();
  });

  const issue = (enrollmentId: string, as: Session = cast.admin) =>
    http.as(as).post(`/api/v1/enrollments/${enrollmentId}/certificate`);

  describe('issuing one', () => {
    it('refuses an enrollment that is not completed, naming its status', async () => {
      const { sessionId } = await openSession(api, cast.trainer);
      const trainee = await signInWithRoles(api, cast.admin, ['trainee']);
      const enrollment = await http
        .as(trainee)
        .post(`/api/v1/sessions/${sessionId}/enrollments`, baseline())
        .expect(201);
      const response = await issue(enrollment.body.id).expect(409);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body.code).toBe('enrollment_not_completed');
      expect(response.body.detail).toContain('confirmed');
      const [{ count }] = await database(api).query(
        `SELECT count(*)::int AS count FROM certificate`,
      );
      expect(count).toBe(0);
    });

    it('answers 404 for an unknown enrollment and 400 for a malformed id', async () => {
      await issue('7a4b3d1e-0000-4000-8000-000000000000').expect(404);
      const bad = await issue('not-a-uuid').expect(400);
      expect(bad.body).toMatchObject({ status: 400, code: 'bad_request' });
    });

    it('issues one certificate however many concurrent requests ask for it', async () => {
      const responses = await Promise.all(
        Array.from({ length: 20 }, () => issue(completed.enrollmentIds[0])),
      );
      const statuses = responses.map((response) => response.status).sort();
      expect(statuses.filter((status) => status === 201)).toHaveLength(1);
      expect(statuses.filter((status) => status === 200)).toHaveLength(19);
      const ids = new Set(responses.map((response) => response.body.id));
      expect(ids.size).toBe(1);
      const rows = await database(api).query(
        `SELECT serial, verification_code FROM certificate WHERE enrollment_id = $1`,
        [completed.enrollmentIds[0]],
      );
      expect(rows).toHaveLength(1);
      expect(rows[0].serial).toMatch(/^ORIS-\d{4}-000001$/);
      // ≥ 128 bits, base64url.
      expect(rows[0].verification_code).toMatch(/^[A-Za-z0-9_-]{22,}$/);
      const body = responses[0].body;
      expect(body).toMatchObject({
        holderName: 'Amina Benali',
        holderNameAr: 'أمينة بنعلي',
        hours: 24,
        status: 'valid',
        pdfState: 'pending',
        sha256: null,
      });
      expect(body.verificationUrl).toBe(
        `${api.config.PUBLIC_WEB_URL}/verify/${body.verificationCode}`,
      );
      // The serial counter was not consumed by the 19 repeats: the next one follows directly.
      const next = await issue(completed.enrollmentIds[1]).expect(201);
      expect(next.body.serial).toBe(body.serial.replace(/000001$/, '000002'));
    });

    it('keeps the printed values when the course changes afterwards', async () => {
      const [{ id }] = await database(api).query(
        `SELECT id FROM certificate WHERE enrollment_id = $1`,
        [completed.enrollmentIds[0]],
      );
      await database(api).query(
        `UPDATE course SET title = 'Titre changé' WHERE id = (SELECT course_id FROM course_session WHERE id = $1)`,
        [completed.sessionId],
      );
      const again = await issue(completed.enrollmentIds[0]).expect(200);
      expect(again.body.id).toBe(id);
      expect(again.body.courseTitle).not.toBe('Titre changé');
    });
  });

  describe('before the worker renders', () => {
    it('answers 409 for the PDF, which is pending', async () => {
      const certificate = (await issue(completed.enrollmentIds[0]).expect(200)).body;
      const response = await http
        .as(holder)
        .get(`/api/v1/certificates/${certificate.id}/pdf`)
        .expect(409);
      expect(response.body.code).toBe('certificate_not_rendered');
      const verified = await http.anonymous
        .get(`/api/v1/verify/${certificate.verificationCode}`)
        .expect(200);
      expect(verified.body).toMatchObject({ valid: true, status: 'valid', sha256: null });
    });
  });

  describe('once rendered', () => {
    let certificate: {
      id: string;
      verificationCode: string;
      serial: string;
      courseTitle: string;
      hours: number;
      completedOn: string;
    };
    let pdf: Buffer;

    beforeAll(async () => {
      worker = await startCertificateWorker(api, smtp.url);
      certificate = (await issue(completed.enrollmentIds[0]).expect(200)).body;
      await eventually(async () => {
        const response = await http.as(holder).get(`/api/v1/certificates/${certificate.id}`);
        return response.body.pdfState === 'rendered' ? true : undefined;
      }, 30_000);
      const download = await http
        .as(holder)
        .get(`/api/v1/certificates/${certificate.id}/pdf`)
        .buffer(true)
        .parse((response, done) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(download.headers['content-type']).toBe('application/pdf');
      expect(download.headers['content-disposition']).toContain(`${certificate.serial}.pdf`);
      pdf = download.body as Buffer;
    });

    it('stores the PDF whose SHA-256 is recorded and published', async () => {
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const [row] = await database(api).query(
        `SELECT sha256, storage_key FROM certificate WHERE id = $1`,
        [certificate.id],
      );
      expect(row.storage_key).toBe(`certificates/${certificate.id}.pdf`);
      expect(sha256(pdf)).toBe(row.sha256);
      expect(sha256(await readStored(api, row.storage_key))).toBe(row.sha256);
      const verified = await http.anonymous
        .get(`/api/v1/verify/${certificate.verificationCode}`)
        .expect(200);
      // What a verifier needs and no more: no region, no session dates, no exact day.
      expect(verified.body).toEqual({
        valid: true,
        status: 'valid',
        serial: certificate.serial,
        holderName: 'Amina Benali',
        holderNameAr: 'أمينة بنعلي',
        holderErased: false,
        courseTitle: certificate.courseTitle,
        hours: certificate.hours,
        completionMonth: certificate.completedOn.slice(0, 7),
        sha256: row.sha256,
      });
      expect(JSON.stringify(verified.body)).not.toMatch(/\d{4}-\d{2}-\d{2}|MA-\d{2}/);
    });

    it('emails the holder, in their language, with the PDF attached and the verification link', async () => {
      const email = await smtp.waitFor(
        (message) => message.to.includes(holder.email) && message.attachments.length > 0,
        30_000,
      );
      expect(email.html).toContain('dir="rtl"');
      expect(email.text).toContain('مرحبًا أمينة بنعلي');
      expect(email.text).toContain(`/verify/${certificate.verificationCode}`);
      expect(email.attachments).toHaveLength(1);
      expect(email.attachments[0]).toMatchObject({
        filename: `${certificate.serial}.pdf`,
        contentType: 'application/pdf',
      });
      expect(sha256(email.attachments[0].content)).toBe(sha256(pdf));
    });

    it('tells a visitor whether a PDF file is the one issued', async () => {
      const check = (body: Buffer) =>
        request(api.url)
          .post(`/api/v1/verify/${certificate.verificationCode}/file`)
          .set('content-type', 'application/pdf')
          .send(body);
      // The file check answers whether it matches, and nothing about the holder.
      expect((await check(pdf).expect(200)).body).toEqual({ matches: true });
      const tampered = Buffer.from(pdf);
      tampered[tampered.length - 20] ^= 0x01;
      expect((await check(tampered).expect(200)).body).toEqual({ matches: false });
      const empty = await check(Buffer.alloc(0));
      expect(empty.status).toBe(400);
      const text = await request(api.url)
        .post(`/api/v1/verify/${certificate.verificationCode}/file`)
        .set('content-type', 'text/plain')
        .send('hello');
      expect(text.status).toBe(400);
      expect(text.body.code).toBe('pdf_file_required');
      const image = await request(api.url)
        .post(`/api/v1/verify/${certificate.verificationCode}/file`)
        .set('content-type', 'image/png')
        .send(Buffer.from('not a pdf'));
      expect(image.status).toBe(415);
      expect(image.headers['content-type']).toContain('application/problem+json');
      const tooLarge = await request(api.url)
        .post(`/api/v1/verify/${certificate.verificationCode}/file`)
        .set('content-type', 'application/pdf')
        .send(Buffer.alloc(5 * 1024 * 1024 + 1));
      expect(tooLarge.status).toBe(413);
    });

    it('issues codes without look-alike characters, read whatever the case and the dashes', async () => {
      expect(certificate.verificationCode).toMatch(/^[23456789ABCDEFGHJKMNPQRSTVWXYZ]{30}$/);
      const typed = formatVerificationCode(certificate.verificationCode)
        .toLowerCase()
        .replace(/-/g, ' - ');
      const verified = await http.anonymous
        .get(`/api/v1/verify/${encodeURIComponent(typed)}`)
        .set('x-forwarded-for', uniqueIp())
        .expect(200);
      expect(verified.body).toMatchObject({ valid: true, serial: certificate.serial });
    });

    it('keeps verifying codes issued before, exactly as they were issued', async () => {
      const earlier = 'q3Z-7wXkP9rT2vYb_4mN8sLd';
      await database(api).query(`UPDATE certificate SET verification_code = $2 WHERE id = $1`, [
        certificate.id,
        earlier,
      ]);
      try {
        const verified = await http.anonymous
          .get(`/api/v1/verify/${earlier}`)
          .set('x-forwarded-for', uniqueIp())
          .expect(200);
        expect(verified.body.serial).toBe(certificate.serial);
        // Base64url is case-sensitive: another case is another code.
        await http.anonymous
          .get(`/api/v1/verify/${earlier.toUpperCase()}`)
          .set('x-forwarded-for', uniqueIp())
          .expect(404);
      } finally {
        await database(api).query(`UPDATE certificate SET verification_code = $2 WHERE id = $1`, [
          certificate.id,
          certificate.verificationCode,
        ]);
      }
    });

    it('verifies by the printed serial only together with the holder’s name', async () => {
      const bySerial = (serial: string, holderName: string) =>
        request(api.url)
          .post('/api/v1/verify/serial')
          .set('x-forwarded-for', uniqueIp())
          .send({ serial, holderName });
      const typedSerial = certificate.serial
        .toLowerCase()
        .replace(/[0-9]/g, (digit) => String.fromCharCode(0x660 + Number(digit)));
      const verified = await bySerial(typedSerial, '  benali  AMINA ').expect(200);
      expect(verified.body).toMatchObject({
        valid: true,
        serial: certificate.serial,
        holderName: 'Amina Benali',
        courseTitle: certificate.courseTitle,
      });
      expect((await bySerial(certificate.serial, 'أمينة بنعلي').expect(200)).body.serial).toBe(
        certificate.serial,
      );
      // The serial is sequential: alone, or with part of the name, or someone else's, it says
      // nothing, not even whether it exists.
      const wrongName = await bySerial(certificate.serial, 'Amina').expect(404);
      const unknown = await bySerial('ORIS-1999-000001', 'Amina Benali').expect(404);
      expect(wrongName.headers['content-type']).toContain('application/problem+json');
      expect(wrongName.body.detail).toBe(unknown.body.detail);
      expect(wrongName.body).not.toHaveProperty('serial');
      await bySerial(certificate.serial, '').expect(404);
      const missing = await request(api.url)
        .post('/api/v1/verify/serial')
        .send({ serial: certificate.serial })
        .expect(400);
      expect(new Set(missing.body.errors.map((error: { field: string }) => error.field))).toEqual(
        new Set(['holderName']),
      );
    });

    it('counts serial lookups against the same budget per address as codes', async () => {
      const ip = uniqueIp();
      const lookups = await Promise.all(
        Array.from({ length: 61 }, () =>
          request(api.url)
            .post('/api/v1/verify/serial')
            .set('x-forwarded-for', ip)
            .send({ serial: 'ORIS-2026-999999', holderName: 'Amina Benali' }),
        ),
      );
      const statuses = lookups.map((response) => response.status);
      expect(statuses.filter((status) => status === 404)).toHaveLength(60);
      expect(statuses.filter((status) => status === 429)).toHaveLength(1);
    });

    it('finds the certificate from its PDF alone, and nothing from any other file', async () => {
      const byFile = (body: Buffer) =>
        request(api.url)
          .post('/api/v1/verify/file')
          .set('x-forwarded-for', uniqueIp())
          .set('content-type', 'application/pdf')
          .send(body);
      const verified = await byFile(pdf).expect(200);
      expect(verified.body).toMatchObject({
        valid: true,
        serial: certificate.serial,
        sha256: sha256(pdf),
      });
      const tampered = Buffer.from(pdf);
      tampered[tampered.length - 20] ^= 0x01;
      const refused = await byFile(tampered).expect(404);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect((await byFile(Buffer.alloc(0))).status).toBe(400);
      const tooLarge = await request(api.url)
        .post('/api/v1/verify/file')
        .set('content-type', 'application/pdf')
        .send(Buffer.alloc(5 * 1024 * 1024 + 1));
      expect(tooLarge.status).toBe(413);
    });

    it('lets the holder and administrators download it, and nobody else', async () => {
      const other = await http.as(otherTrainee).get(`/api/v1/certificates/${certificate.id}/pdf`);
      expect(other.status).toBe(404);
      const trainer = await http.as(cast.trainer).get(`/api/v1/certificates/${certificate.id}/pdf`);
      expect(trainer.status).toBe(404);
      await http.as(cast.admin).get(`/api/v1/certificates/${certificate.id}/pdf`).expect(200);
      await http.anonymous.get(`/api/v1/certificates/${certificate.id}/pdf`).expect(401);
      await http.as(otherTrainee).get(`/api/v1/certificates/${certificate.id}`).expect(404);
      await http.as(holder).get(`/api/v1/certificates/${certificate.id}`).expect(200);
    });

    it('records a download by staff in the audit trail, not the holder’s own downloads', async () => {
      const downloads = () =>
        http
          .as(cast.admin)
          .get(
            `/api/v1/admin/audit-events?action=certificate.pdf_downloaded&subject=${holder.user.id}`,
          )
          .expect(200);
      const before = (await downloads()).body.total;
      await http.as(holder).get(`/api/v1/certificates/${certificate.id}/pdf`).expect(200);
      expect((await downloads()).body.total).toBe(before);
      await http.as(cast.admin).get(`/api/v1/certificates/${certificate.id}/pdf`).expect(200);
      const after = (await downloads()).body;
      expect(after.total).toBe(before + 1);
      expect(after.items[0]).toMatchObject({
        action: 'certificate.pdf_downloaded',
        actorId: cast.admin.user.id,
        subjectType: 'user',
        subjectId: holder.user.id,
        data: { certificateId: certificate.id, serial: certificate.serial },
      });
    });

    it('lists the holder’s own certificates only', async () => {
      const mine = await http.as(holder).get('/api/v1/me/certificates').expect(200);
      expect(mine.body.map((item: { id: string }) => item.id)).toEqual([certificate.id]);
      const others = await http.as(otherTrainee).get('/api/v1/me/certificates').expect(200);
      expect(others.body).toEqual([]);
    });

    it('revokes with a reason from the list: verification says the code at once, the note stays internal, with an audit event', async () => {
      await http
        .as(cast.admin)
        .post(`/api/v1/certificates/${certificate.id}/revoke`, {})
        .expect(400);
      const freeText = await http
        .as(cast.admin)
        .post(`/api/v1/certificates/${certificate.id}/revoke`, { reason: 'Erreur' })
        .expect(400);
      expect(freeText.body.errors).toEqual([{ field: 'reason', message: expect.any(String) }]);
      await http
        .as(cast.trainer)
        .post(`/api/v1/certificates/${certificate.id}/revoke`, { reason: 'issued_in_error' })
        .expect(403);
      const note = 'Présence insuffisante, signalée par la formatrice';
      const revoked = await http
        .as(cast.admin)
        .post(`/api/v1/certificates/${certificate.id}/revoke`, {
          reason: 'completion_withdrawn',
          note,
        })
        .expect(200);
      expect(revoked.body).toMatchObject({
        status: 'revoked',
        revokedReason: 'completion_withdrawn',
        revocationNote: note,
      });
      // The holder learns the reason, not the staff's note.
      const asHolder = await http
        .as(holder)
        .get(`/api/v1/certificates/${certificate.id}`)
        .expect(200);
      expect(asHolder.body).toMatchObject({
        revokedReason: 'completion_withdrawn',
        revocationNote: null,
      });
      const verified = await http.anonymous
        .get(`/api/v1/verify/${certificate.verificationCode}`)
        .expect(200);
      expect(verified.body).toMatchObject({
        valid: false,
        status: 'revoked',
        reason: 'completion_withdrawn',
        revocationMonth: expect.stringMatching(/^\d{4}-\d{2}$/),
        completionMonth: certificate.completedOn.slice(0, 7),
      });
      expect(JSON.stringify(verified.body)).not.toContain('Présence');
      expect(JSON.stringify(verified.body)).not.toMatch(/\d{4}-\d{2}-\d{2}|MA-\d{2}/);
      const audit = await database(api).query(
        `SELECT actor_id, action, data FROM audit_event WHERE subject_id = $1 ORDER BY at`,
        [certificate.id],
      );
      expect(audit).toContainEqual({
        actor_id: cast.admin.user.id,
        action: 'certificate.revoked',
        data: { serial: certificate.serial, reason: 'completion_withdrawn' },
      });
      await http
        .as(cast.admin)
        .post(`/api/v1/certificates/${certificate.id}/revoke`, { reason: 'duplicate' })
        .expect(409);
      // Never deleted: still listed, and re-issuing answers the same (revoked) certificate.
      const again = await issue(completed.enrollmentIds[0]).expect(200);
      expect(again.body).toMatchObject({ id: certificate.id, status: 'revoked' });
    });
  });

  describe('verification', () => {
    it('answers 404 for unknown and malformed codes', async () => {
      const unknown = await http.anonymous
        .get(`/api/v1/verify/${'A'.repeat(24)}`)
        .set('x-forwarded-for', uniqueIp())
        .expect(404);
      expect(unknown.headers['content-type']).toContain('application/problem+json');
      await http.anonymous
        .get('/api/v1/verify/short')
        .set('x-forwarded-for', uniqueIp())
        .expect(404);
      await http.anonymous
        .get(`/api/v1/verify/${'%27or%271%27=%271'.repeat(3)}`)
        .set('x-forwarded-for', uniqueIp())
        .expect(404);
    });

    it('limits lookups per IP: 429 with Retry-After, other addresses unaffected', async () => {
      const ip = uniqueIp();
      const lookups = await Promise.all(
        Array.from({ length: 61 }, () =>
          http.anonymous.get(`/api/v1/verify/${'B'.repeat(24)}`).set('x-forwarded-for', ip),
        ),
      );
      const statuses = lookups.map((response) => response.status);
      expect(statuses.filter((status) => status === 404)).toHaveLength(60);
      const limited = lookups.find((response) => response.status === 429);
      expect(limited?.body.code).toBe('rate_limited');
      expect(Number(limited?.headers['retry-after'])).toBeGreaterThan(0);
      await http.anonymous
        .get(`/api/v1/verify/${'B'.repeat(24)}`)
        .set('x-forwarded-for', uniqueIp())
        .expect(404);
    });
  });

  describe('access per role', () => {
    it('keeps the administrators’ routes to administrators', async () => {
      const [{ id }] = await database(api).query(`SELECT id FROM certificate LIMIT 1`);
      const adminRoutes: [string, string][] = [
        ['post', `/api/v1/enrollments/${completed.enrollmentIds[1]}/certificate`],
        ['post', `/api/v1/sessions/${completed.sessionId}/certificates`],
        ['post', `/api/v1/certificates/${id}/revoke`],
        ['post', `/api/v1/certificates/${id}/reissue`],
        ['get', '/api/v1/certificates'],
      ];
      for (const [method, url] of adminRoutes) {
        for (const who of [holder, cast.trainer, otherTrainee]) {
          const call =
            method === 'get' ? http.as(who).get(url) : http.as(who).post(url, { reason: 'x' });
          expect({ url, status: (await call).status }).toEqual({ url, status: 403 });
        }
        const anonymous =
          method === 'get' ? http.anonymous.get(url) : http.anonymous.post(url, { reason: 'x' });
        expect({ url, status: (await anonymous).status }).toEqual({ url, status: 401 });
      }
      await http.anonymous.get('/api/v1/me/certificates').expect(401);
    });

    it('lists and filters certificates for administrators, paginated', async () => {
      const all = await http.as(cast.admin).get('/api/v1/certificates?pageSize=1').expect(200);
      expect(all.body).toMatchObject({ total: 2, page: 1, pageSize: 1 });
      expect(all.body.items).toHaveLength(1);
      const revoked = await http
        .as(cast.admin)
        .get('/api/v1/certificates?status=revoked')
        .expect(200);
      expect(revoked.body.total).toBe(1);
      const search = await http.as(cast.admin).get('/api/v1/certificates?q=amina').expect(200);
      expect(search.body.items.map((item: { holderName: string }) => item.holderName)).toEqual([
        'Amina Benali',
      ]);
      const bySession = await http
        .as(cast.admin)
        .get(`/api/v1/certificates?session=${completed.sessionId}&status=valid`)
        .expect(200);
      expect(bySession.body.total).toBe(1);
      await http.as(cast.admin).get('/api/v1/certificates?status=lost').expect(400);
      await http.as(cast.admin).get('/api/v1/certificates?session=nope').expect(400);
    });
  });
});
