import { generateKeyPairSync, sign } from 'node:crypto';
import { loadConfig } from '@oris/api/platform';
import type { DataSource } from 'typeorm';
import {
  credentialOfJwt,
  decodeCredentialJwt,
  MAX_CREDENTIAL_JWT_LENGTH,
  signCredentialJwt,
} from './credential-jwt';
import { CredentialSigner } from './credential-signer';
import { CredentialStatusLists } from './credential-status-lists';
import { CredentialVerifier } from './credential-verifier';
import { ed25519PublicKeyFromMultibase } from './ed25519-keys';
import { IssuerIdentity } from './issuer-identity';
import { openBadgeCredential, type CredentialFacts } from './open-badge-credential';
import type { JsonObject } from './vc-libraries';

const WEB = 'https://academy.oris.example';
const SEED_A = 'a1'.repeat(32);
const SEED_B = 'b2'.repeat(32);

const facts: CredentialFacts = {
  certificateId: '5f0c3a8e-2a9b-4b8e-9a57-3f1d2c4b6e70',
  serial: 'ORIS-2026-000042',
  holderName: 'Khadija El Amrani',
  holderNameAr: 'خديجة العمراني',
  courseId: '0b1e6f0a-7c44-4a2f-8d0e-6b5a4c3d2e1f',
  courseCode: 'COOP-101',
  courseTitle: 'Gérer une coopérative',
  courseSummary: 'Gouvernance, comptabilité et commercialisation d’une coopérative.',
  courseLanguages: ['fr', 'ar'],
  hours: 30,
  learningOutcomes: ['Tenir la comptabilité'],
  requiresModules: true,
  minAttendancePercent: 80,
  requiresTrainerValidation: false,
  sessionStartsOn: '2026-10-05',
  sessionEndsOn: '2026-11-20',
  completedOn: '2026-11-20',
  issuedAt: new Date('2026-11-23T09:30:12.345Z'),
  statusListIndex: 42,
};

/** The certificates as verification reads them: which status positions are revoked. */
function certificatesTable(revoked: number[]) {
  return {
    query: async (sql: string, [index]: [number]) =>
      sql.includes('credential_status_index = $1')
        ? [{ revoked: revoked.includes(index) }]
        : [{ certificates: 1, revoked: null, changed: null }],
  } as unknown as DataSource;
}

function platform(seed: string, retired: string[] = [], revoked: number[] = []) {
  const config = loadConfig({
    NODE_ENV: 'test',
    PUBLIC_WEB_URL: WEB,
    CREDENTIAL_SIGNING_SEED: seed,
    CREDENTIAL_RETIRED_PUBLIC_KEYS: retired.join(','),
  });
  const issuer = new IssuerIdentity(config);
  const signer = new CredentialSigner(issuer);
  const verifier = new CredentialVerifier(
    issuer,
    new CredentialStatusLists(certificatesTable(revoked), issuer, signer),
  );
  const unsigned = (overrides: JsonObject = {}): JsonObject => ({
    ...openBadgeCredential(facts, {
      webUrl: issuer.webUrl,
      issuer: issuer.profile(),
      statusListUrl: (list) => issuer.statusListUrl(list),
    }),
    ...overrides,
  });
  return { issuer, signer, verifier, unsigned };
}

const part = (jwt: string, index: number): JsonObject =>
  JSON.parse(Buffer.from(jwt.split('.')[index], 'base64url').toString('utf8'));
const encode = (json: unknown) => Buffer.from(JSON.stringify(json)).toString('base64url');

describe('Open Badges credentials as VC-JWT', () => {
  const oris = platform(SEED_A);
  let jwt: string;

  beforeAll(async () => {
    jwt = await oris.signer.signJwt(oris.unsigned(), facts.issuedAt);
  });

  it('signs a vc+jwt with EdDSA, kid the verification method of the Data Integrity proof', async () => {
    const key = await oris.issuer.signingKey();
    expect(part(jwt, 0)).toEqual({
      alg: 'EdDSA',
      typ: 'vc+jwt',
      cty: 'vc',
      kid: `${oris.issuer.did}#${key.publicKeyMultibase}`,
    });
    const payload = part(jwt, 1);
    expect(payload).toMatchObject({
      ...oris.unsigned(),
      iss: oris.issuer.did,
      jti: `urn:uuid:${facts.certificateId}`,
      nbf: Date.parse('2026-11-23T09:30:12Z') / 1000,
      iat: Math.floor(facts.issuedAt.getTime() / 1000),
    });
    expect(payload).not.toHaveProperty('proof');
    expect(payload).not.toHaveProperty('exp');
    expect(await oris.signer.signJwt(oris.unsigned(), facts.issuedAt)).toBe(jwt);
  });

  it('derives the same JWT from the Data Integrity credential: its proof is left out', async () => {
    const signed = await oris.signer.sign(oris.unsigned(), facts.issuedAt);
    expect(await oris.signer.signJwt(signed, facts.issuedAt)).toBe(jwt);
  });

  it('gives back the statements it signed, and the Data Integrity form signed from them is the same', async () => {
    expect(credentialOfJwt(jwt)).toEqual(oris.unsigned());
    const fromJwt = await oris.signer.sign(credentialOfJwt(jwt), facts.issuedAt);
    const direct = await oris.signer.sign(oris.unsigned(), facts.issuedAt);
    expect(JSON.stringify(fromJwt)).toBe(JSON.stringify(direct));
  });

  it('verifies its own JWT as valid, with the credential’s id, name and date', async () => {
    await expect(oris.verifier.verifyJwt(jwt)).resolves.toEqual({
      result: 'valid',
      reason: null,
      credentialId: `urn:uuid:${facts.certificateId}`,
      name: 'Gérer une coopérative — ORIS-2026-000042',
      validFrom: '2026-11-23T09:30:12Z',
    });
    // Surrounding whitespace (a pasted token, a file's final newline) does not matter.
    await expect(oris.verifier.verifyJwt(`\n ${jwt}\n`)).resolves.toMatchObject({
      result: 'valid',
    });
  });

  it.each([
    ['changing the hours', (c: any) => (c.credentialSubject.creditsEarned = 300)],
    ['changing the holder', (c: any) => (c.credentialSubject.identifier[0].identityHash = 'X')],
    ['moving the status entry', (c: any) => (c.credentialStatus.statusListIndex = '43')],
    ['adding a statement', (c: any) => (c.description = 'Mention très bien')],
  ])('answers tampered after %s in the payload', async (_what, tamper) => {
    const payload = part(jwt, 1);
    tamper(payload);
    const [header, , signature] = jwt.split('.');
    await expect(
      oris.verifier.verifyJwt(`${header}.${encode(payload)}.${signature}`),
    ).resolves.toMatchObject({ result: 'tampered' });
  });

  it('answers tampered for a cut or altered signature', async () => {
    const [header, payload, signature] = jwt.split('.');
    const flipped = Buffer.from(signature, 'base64url');
    flipped[0] ^= 1;
    for (const forged of [
      `${header}.${payload}.${flipped.toString('base64url')}`,
      `${header}.${payload}.${signature.slice(0, 40)}`,
      `${header}.${payload}.`,
    ]) {
      await expect(oris.verifier.verifyJwt(forged)).resolves.toMatchObject({
        result: 'tampered',
      });
    }
  });

  it('answers tampered when a signed claim contradicts the credential', async () => {
    const key = await oris.issuer.jwtSigningKey();
    const header = encode({ alg: 'EdDSA', typ: 'vc+jwt', kid: key.kid });
    const payload = encode({ ...part(jwt, 1), jti: 'urn:uuid:another' });
    const signature = sign(null, Buffer.from(`${header}.${payload}`), key.privateKey);
    await expect(
      oris.verifier.verifyJwt(`${header}.${payload}.${signature.toString('base64url')}`),
    ).resolves.toMatchObject({ result: 'tampered', reason: expect.stringMatching(/jti/) });
  });

  it('answers unknown issuer for another key, an unknown kid, or another issuer', async () => {
    const impostor = platform(SEED_B);
    const forged = await impostor.signer.signJwt(oris.unsigned(), facts.issuedAt);
    // Signed by B, naming B's key: not a key of ORIS.
    await expect(oris.verifier.verifyJwt(forged)).resolves.toMatchObject({
      result: 'unknown_issuer',
    });
    // Signed by B, naming ORIS's key: the signature does not hold.
    const [, payload, signature] = forged.split('.');
    await expect(
      oris.verifier.verifyJwt(`${jwt.split('.')[0]}.${payload}.${signature}`),
    ).resolves.toMatchObject({ result: 'tampered' });
    const elsewhere = await impostor.signer.signJwt(
      oris.unsigned({ issuer: { id: 'did:web:diplomas.example', type: ['Profile'] } }),
      facts.issuedAt,
    );
    await expect(oris.verifier.verifyJwt(elsewhere)).resolves.toMatchObject({
      result: 'unknown_issuer',
    });
    const { kid: _kid, ...kidless } = part(jwt, 0);
    const [, body, sig] = jwt.split('.');
    await expect(
      oris.verifier.verifyJwt(`${encode(kidless)}.${body}.${sig}`),
    ).resolves.toMatchObject({ result: 'unknown_issuer' });
  });

  it('keeps JWTs of a retired key verifiable once it is listed, and only then', async () => {
    const oldKey = (await oris.issuer.signingKey()).publicKeyMultibase;
    await expect(platform(SEED_B, [oldKey]).verifier.verifyJwt(jwt)).resolves.toMatchObject({
      result: 'valid',
    });
    await expect(platform(SEED_B).verifier.verifyJwt(jwt)).resolves.toMatchObject({
      result: 'unknown_issuer',
    });
  });

  it('answers expired past validUntil, and revoked once the certificate is', async () => {
    const expired = await oris.signer.signJwt(
      oris.unsigned({ validUntil: '2026-12-01T00:00:00Z' }),
      facts.issuedAt,
    );
    expect(part(expired, 1)['exp']).toBe(Date.parse('2026-12-01T00:00:00Z') / 1000);
    await expect(oris.verifier.verifyJwt(expired)).resolves.toMatchObject({ result: 'expired' });
    const later = await oris.signer.signJwt(
      oris.unsigned({ validUntil: '2999-01-01T00:00:00Z' }),
      facts.issuedAt,
    );
    await expect(oris.verifier.verifyJwt(later)).resolves.toMatchObject({ result: 'valid' });

    const revoking = platform(SEED_A, [], [facts.statusListIndex]);
    await expect(revoking.verifier.verifyJwt(jwt)).resolves.toMatchObject({ result: 'revoked' });
    await expect(platform(SEED_A, [], [41]).verifier.verifyJwt(jwt)).resolves.toMatchObject({
      result: 'valid',
    });
  });

  it('checks a JWT seen before for revocation again: only its signature is remembered', async () => {
    const revoked: number[] = [];
    const checking = platform(SEED_A, [], revoked);
    await expect(checking.verifier.verifyJwt(jwt)).resolves.toMatchObject({ result: 'valid' });
    revoked.push(facts.statusListIndex);
    await expect(checking.verifier.verifyJwt(jwt)).resolves.toMatchObject({ result: 'revoked' });
    const [header, payload, signature] = jwt.split('.');
    await expect(
      checking.verifier.verifyJwt(`${header}.${payload}.${signature.slice(0, -2)}AA`),
    ).resolves.toMatchObject({ result: 'tampered' });
  });

  it.each([
    ['alg none', (h: JsonObject) => ({ ...h, alg: 'none' }), /alg "none"/],
    ['alg HS256', (h: JsonObject) => ({ ...h, alg: 'HS256' }), /alg "HS256"/],
    ['a critical extension', (h: JsonObject) => ({ ...h, crit: ['b64'], b64: false }), /crit/],
    ['another typ', (h: JsonObject) => ({ ...h, typ: 'dpop+jwt' }), /typ/],
  ])('refuses a JWT with %s as malformed (400), before any check', async (_what, change, why) => {
    const [header, payload] = jwt.split('.');
    await expect(
      oris.verifier.verifyJwt(`${encode(change(part(jwt, 0)))}.${payload}.`),
    ).rejects.toMatchObject({ code: 'credential_malformed', detail: expect.stringMatching(why) });
    expect(header).toBeDefined();
  });

  it.each([
    ['an empty string', ''],
    ['a single part', 'eyJhbGciOiJFZERTQSJ9'],
    ['non-base64url characters', 'a.b+c.d'],
    ['a header that is no JSON', `${Buffer.from('nope').toString('base64url')}.e30.`],
    ['a header that is an array', `${encode([1])}.e30.`],
    ['a payload that is no credential', `${encode({ alg: 'EdDSA' })}.${encode({ sub: 'x' })}.`],
    ['an oversized token', `${'a'.repeat(MAX_CREDENTIAL_JWT_LENGTH)}.b.c`],
  ])('refuses %s as malformed', async (_what, text) => {
    await expect(oris.verifier.verifyJwt(text)).rejects.toMatchObject({
      code: 'credential_malformed',
    });
  });

  it('reads a VC 1.1-style `vc` claim too (its issuer is checked the same way)', async () => {
    const other = generateKeyPairSync('ed25519');
    const token = signCredentialJwt(
      { vc: oris.unsigned(), iss: oris.issuer.did } as unknown as JsonObject,
      { kid: 'did:web:elsewhere#key', privateKey: other.privateKey },
      facts.issuedAt,
    );
    expect(decodeCredentialJwt(token).credential['id']).toBe(`urn:uuid:${facts.certificateId}`);
    await expect(oris.verifier.verifyJwt(token)).resolves.toMatchObject({
      result: 'unknown_issuer',
    });
  });

  it('reads Multikey public keys, and nothing else, as Ed25519 keys', async () => {
    const key = await oris.issuer.signingKey();
    expect(ed25519PublicKeyFromMultibase(key.publicKeyMultibase)?.asymmetricKeyType).toBe(
      'ed25519',
    );
    expect(ed25519PublicKeyFromMultibase('z0OIl')).toBeNull();
    expect(ed25519PublicKeyFromMultibase(key.publicKeyMultibase.slice(0, 20))).toBeNull();
    expect(ed25519PublicKeyFromMultibase(`u${key.publicKeyMultibase.slice(1)}`)).toBeNull();
  });
});
