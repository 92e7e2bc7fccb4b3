// Decorators of the imported libs read metadata as soon as they load.
import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { startSmtpServer, type TestSmtpServer } from '@oris/api/notifications/testing';
import { gunzipSync } from 'node:zlib';
import request from 'supertest';
import { Cast, castOf, client } from '../catalogue/catalogue-client';
import { Session, signInWithRoles, uniqueIp } from '../identity/support/identity-client';
import { eventually } from '../notifications/outbox-support';
import {
  CertificateTestApp,
  database,
  sessionWithCompleters,
  startCertificateTestApp,
  startCertificateWorker,
} from './certificate-support';

type Json = Record<string, any>;

/** Whether a position is set in a Bitstring Status List's `encodedList`, read as any verifier would. */
function bitIsSet(encodedList: string, position: number): boolean {
  const bits = gunzipSync(Buffer.from(encodedList.slice(1), 'base64url'));
  return (bits[position >> 3] & (0x80 >> (position & 7))) !== 0;
}

/**
 * Open Badges 3.0 credentials through HTTP: the worker signs one with each PDF, the holder
 * downloads it, anyone checks it (valid, tampered, revoked, unknown issuer) against the DID
 * document and the status list the API publishes.
 */
describe('certificates: Open Badges credentials', () => {
  let api: CertificateTestApp;
  let cast: Cast;
  let http: ReturnType<typeof client>;
  let smtp: TestSmtpServer;
  let worker: INestApplicationContext | undefined;
  let holder: Session;
  let stranger: Session;
  let certificate: { id: string; serial: string; verificationCode: string; courseTitle: string };
  let credential: Json;
  let jwt: string;
  /** The certificate's stored credentials once the worker rendered it, before any download. */
  let storedAtRender: { json: string | null; jwt: string | null };

  /** A raw body (the JWT itself), with its own content type. */
  const postRaw = (path: string, contentType: string, body: string) =>
    request(api.url)
      .post(path)
      .set('x-forwarded-for', uniqueIp())
      .set('content-type', contentType)
      .send(body);
  const verifyCredential = (body: unknown) =>
    http.anonymous
      .post('/api/v1/verify/credential')
      .set('x-forwarded-for', uniqueIp())
      .send(body as object);

  beforeAll(async () => {
    api = await startCertificateTestApp({ PUBLIC_WEB_URL: 'https://academy.oris.example' });
    smtp = await startSmtpServer();
    cast = await castOf(api);
    http = client(api);
    stranger = await signInWithRoles(api, cast.admin, ['trainee']);
    const completed = await sessionWithCompleters(api, cast.trainer, cast.admin, 1);
    holder = await signInWithRoles(api, cast.admin, ['trainee']);
    await database(api).query(`UPDATE enrollment SET user_id = $1 WHERE id = $2`, [
      holder.user.id,
      completed.enrollmentIds[0],
    ]);
    worker = await startCertificateWorker(api, smtp.url);
    certificate = (
      await http
        .as(cast.admin)
        .post(`/api/v1/enrollments/${completed.enrollmentIds[0]}/certificate`)
        .expect(201)
    ).body;
    await eventually(async () => {
      const response = await http.as(holder).get(`/api/v1/certificates/${certificate.id}`);
      return response.body.pdfState === 'rendered' ? true : undefined;
    }, 30_000);
    [storedAtRender] = await database(api).query(
      `SELECT credential AS json, credential_jwt AS jwt FROM certificate WHERE id = $1`,
      [certificate.id],
    );
    const download = await http
      .as(holder)
      .get(`/api/v1/certificates/${certificate.id}/credential`)
      .expect(200);
    expect(download.headers['content-type']).toContain('application/json');
    expect(download.headers['content-disposition']).toContain(
      `${certificate.serial}.credential.json`,
    );
    credential = download.body;
    const jwtDownload = await http
      .as(holder)
      .get(`/api/v1/certificates/${certificate.id}/credential?format=jwt`)
      .buffer(true)
      .parse((response, done) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => done(null, text));
      })
      .expect(200);
    expect(jwtDownload.headers['content-type']).toContain('application/vc+jwt');
    expect(jwtDownload.headers['content-disposition']).toContain(
      `${certificate.serial}.credential.jwt`,
    );
    jwt = jwtDownload.body as string;
    // The worker's first render compiles the render thread from the sources: slow on 2 cores.
  }, 180_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await smtp?.close();
  });

  it('signs the Data Integrity form on its first download, over the statements of the JWT the worker signed', async () => {
    // The worker signed only the VC-JWT (JSON-LD canonicalisation stays off each render).
    expect(storedAtRender.json).toBeNull();
    expect(storedAtRender.jwt).toBe(jwt);
    expect(credential).toMatchObject({
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { id: 'did:web:academy.oris.example:api:v1:issuer' },
      credentialSubject: {
        achievement: { name: certificate.courseTitle, achievementType: 'Course' },
        result: [{ status: 'Completed' }],
      },
      proof: { type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022' },
    });
    const [row] = await database(api).query(`SELECT credential FROM certificate WHERE id = $1`, [
      certificate.id,
    ]);
    expect(JSON.parse(row.credential)).toEqual(credential);
    // Administrators too; nobody else learns it exists.
    await http.as(cast.admin).get(`/api/v1/certificates/${certificate.id}/credential`).expect(200);
    const refused = await http
      .as(stranger)
      .get(`/api/v1/certificates/${certificate.id}/credential`)
      .expect(404);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    await http.anonymous.get(`/api/v1/certificates/${certificate.id}/credential`).expect(401);
  });

  it('lets the holder download the same credential as a VC-JWT, stored and attached to the PDF', async () => {
    const [header, payload] = jwt
      .split('.')
      .slice(0, 2)
      .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')));
    expect(header).toEqual({
      alg: 'EdDSA',
      typ: 'vc+jwt',
      cty: 'vc',
      kid: credential['proof'].verificationMethod,
    });
    const { proof: _proof, ...statements } = credential;
    expect(payload).toMatchObject({ ...statements, iss: statements['issuer'].id });
    const [row] = await database(api).query(
      `SELECT credential_jwt AS jwt FROM certificate WHERE id = $1`,
      [certificate.id],
    );
    expect(row.jwt).toBe(jwt);
    const pdf = await http
      .as(holder)
      .get(`/api/v1/certificates/${certificate.id}/pdf`)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect((pdf.body as Buffer).includes(`${certificate.serial}.credential.jwt`)).toBe(true);
    expect((pdf.body as Buffer).includes(`${certificate.serial}.credential.json`)).toBe(false);
    await http
      .as(stranger)
      .get(`/api/v1/certificates/${certificate.id}/credential?format=jwt`)
      .expect(404);
    const unknownFormat = await http
      .as(holder)
      .get(`/api/v1/certificates/${certificate.id}/credential?format=xml`)
      .expect(400);
    expect(unknownFormat.headers['content-type']).toContain('application/problem+json');
  });

  it('signs the VC-JWT of a certificate rendered before JWTs existed when first downloaded, the same', async () => {
    await database(api).query(`UPDATE certificate SET credential_jwt = NULL WHERE id = $1`, [
      certificate.id,
    ]);
    const again = await http
      .as(holder)
      .get(`/api/v1/certificates/${certificate.id}/credential?format=jwt`)
      .buffer(true)
      .parse((response, done) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => done(null, text));
      })
      .expect(200);
    expect(again.body).toBe(jwt);
    const [row] = await database(api).query(
      `SELECT credential_jwt AS jwt FROM certificate WHERE id = $1`,
      [certificate.id],
    );
    expect(row.jwt).toBe(jwt);
  });

  it('signs the same Data Integrity form again from the JWT, even after the course was edited', async () => {
    await database(api).query(
      `UPDATE course SET summary = 'Edited after the certificate was issued'
        WHERE id = (SELECT s.course_id FROM course_session s JOIN certificate c ON c.session_id = s.id
                     WHERE c.id = $1)`,
      [certificate.id],
    );
    await database(api).query(`UPDATE certificate SET credential = NULL WHERE id = $1`, [
      certificate.id,
    ]);
    const again = await http
      .as(holder)
      .get(`/api/v1/certificates/${certificate.id}/credential`)
      .expect(200);
    expect(again.body).toEqual(credential);
    expect((await verifyCredential(again.body).expect(200)).body.result).toBe('valid');
  });

  it('verifies the VC-JWT sent as { jwt } or raw application/vc+jwt; tampered once its payload changed', async () => {
    const valid = await verifyCredential({ jwt }).expect(200);
    expect(valid.body).toEqual({
      result: 'valid',
      reason: null,
      credentialId: `urn:uuid:${certificate.id}`,
      name: credential['name'],
      validFrom: credential['validFrom'],
    });
    const raw = await postRaw('/api/v1/verify/credential', 'application/vc+jwt', `${jwt}\n`);
    expect([raw.status, raw.body]).toEqual([200, expect.objectContaining({ result: 'valid' })]);
    const [header, payload, signature] = jwt.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    claims.credentialSubject.creditsEarned += 100;
    const forged = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    expect((await verifyCredential({ jwt: forged }).expect(200)).body.result).toBe('tampered');
  });

  it('refuses a JWT that is none ORIS could have signed with problem+json, never a 500', async () => {
    const [, payload] = jwt.split('.');
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'vc+jwt' })).toString('base64url')}.${payload}.`;
    for (const body of [
      { jwt: unsigned },
      { jwt: 'not.a.jwt!' },
      { jwt: '' },
      { jwt: 'x'.repeat(70_000) },
    ]) {
      const response = await verifyCredential(body).expect(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body.code).toBe('credential_malformed');
    }
    const oversized = await postRaw(
      '/api/v1/verify/credential',
      'application/jwt',
      'e'.repeat(70_000),
    ).expect(413);
    expect(oversized.headers['content-type']).toContain('application/problem+json');
    // A raw JWT goes only where one is expected.
    await postRaw(
      `/api/v1/verify/${certificate.verificationCode}/file`,
      'application/vc+jwt',
      jwt,
    ).expect(415);
  });

  it('publishes the DID document with the key that signed it', async () => {
    const response = await http.anonymous.get('/api/v1/issuer/did.json').expect(200);
    expect(response.body.id).toBe('did:web:academy.oris.example:api:v1:issuer');
    expect(response.body.assertionMethod).toContain(credential['proof'].verificationMethod);
    expect(response.body.verificationMethod[0]).toMatchObject({
      type: 'Multikey',
      controller: response.body.id,
    });
  });

  it('answers valid for the credential as downloaded, tampered once one field changed', async () => {
    const valid = await verifyCredential(credential).expect(200);
    expect(valid.body).toMatchObject({
      result: 'valid',
      reason: null,
      credentialId: `urn:uuid:${certificate.id}`,
    });
    const tampered = structuredClone(credential);
    tampered['credentialSubject'].creditsEarned += 100;
    expect((await verifyCredential(tampered).expect(200)).body.result).toBe('tampered');
  });

  it('answers unknown issuer for a credential that names another issuer', async () => {
    const foreign = structuredClone(credential);
    foreign['issuer'] = { id: 'did:web:diplomas.example', type: ['Profile'] };
    expect((await verifyCredential(foreign).expect(200)).body.result).toBe('unknown_issuer');
  });

  it('refuses a body that is not a verifiable credential with problem+json', async () => {
    const response = await verifyCredential({ hello: 'world' }).expect(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body.code).toBe('credential_required');
    await http.anonymous.get('/api/v1/credentials/status/abc').expect(400);
    await http.anonymous.get('/api/v1/credentials/status/7').expect(404);
  });

  it('sets the bit in the published status list when the certificate is revoked, and verification says revoked', async () => {
    const entry = credential['credentialStatus'];
    const listUrl = new URL(entry.statusListCredential);
    expect(listUrl.pathname).toBe('/api/v1/credentials/status/1');
    const before = await http.anonymous.get(listUrl.pathname).expect(200);
    expect(before.body.type).toEqual(['VerifiableCredential', 'BitstringStatusListCredential']);
    expect(bitIsSet(before.body.credentialSubject.encodedList, Number(entry.statusListIndex))).toBe(
      false,
    );
    // The list is itself a credential signed by ORIS.
    expect((await verifyCredential(before.body).expect(200)).body.result).toBe('valid');

    await http
      .as(cast.admin)
      .post(`/api/v1/certificates/${certificate.id}/revoke`)
      .send({ reason: 'fraud' })
      .expect(200);

    const after = await http.anonymous.get(listUrl.pathname).expect(200);
    expect(bitIsSet(after.body.credentialSubject.encodedList, Number(entry.statusListIndex))).toBe(
      true,
    );
    const revoked = await verifyCredential(credential).expect(200);
    expect(revoked.body).toMatchObject({ result: 'revoked' });
    expect((await verifyCredential({ jwt }).expect(200)).body.result).toBe('revoked');
  });
});
