import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { join } from 'node:path';
import { loadConfig } from '@oris/api/platform';
import Ajv from 'ajv';
import type { DataSource } from 'typeorm';
import { CredentialSigner } from './credential-signer';
import { CredentialStatusLists } from './credential-status-lists';
import { CredentialVerifier } from './credential-verifier';
import * as loader from './document-loader';
import { didWebFor, IssuerIdentity } from './issuer-identity';
import { openBadgeCredential, type CredentialFacts } from './open-badge-credential';
import { encodeStatusList, isSetInStatusList, STATUS_LIST_SIZE, statusEntry } from './status-list';
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
  learningOutcomes: ['Tenir la comptabilité', 'Animer une assemblée générale'],
  requiresModules: true,
  minAttendancePercent: 80,
  requiresTrainerValidation: false,
  sessionStartsOn: '2026-10-05',
  sessionEndsOn: '2026-11-20',
  completedOn: '2026-11-20',
  issuedAt: new Date('2026-11-23T09:30:12.345Z'),
  statusListIndex: 42,
};

/** The certificates table as the status lists read it: which positions are revoked. */
class FakeCertificates {
  revoked: number[] = [];
  changed: Date | null = null;
  readonly dataSource = {
    query: async (sql: string, [first, end]: [number, number]) =>
      // One certificate's state (verification), or a list's revoked positions (publication).
      sql.includes('credential_status_index = $1')
        ? first < 100
          ? [{ revoked: this.revoked.includes(first) }]
          : []
        : [
            {
              certificates: first === 0 ? 100 : 0,
              revoked: this.revoked.filter((i) => i >= first && i < end).map((i) => i - first),
              changed: this.changed,
            },
          ],
  } as unknown as DataSource;
}

function platform(seed: string, retired: string[] = [], certificates = new FakeCertificates()) {
  const config = loadConfig({
    NODE_ENV: 'test',
    PUBLIC_WEB_URL: WEB,
    CREDENTIAL_SIGNING_SEED: seed,
    CREDENTIAL_RETIRED_PUBLIC_KEYS: retired.join(','),
  });
  const issuer = new IssuerIdentity(config);
  const signer = new CredentialSigner(issuer);
  const statusLists = new CredentialStatusLists(certificates.dataSource, issuer, signer);
  const verifier = new CredentialVerifier(issuer, statusLists);
  const issue = () =>
    signer.sign(
      openBadgeCredential(facts, {
        webUrl: issuer.webUrl,
        issuer: issuer.profile(),
        statusListUrl: (list) => issuer.statusListUrl(list),
      }),
      facts.issuedAt,
    );
  return { issuer, signer, statusLists, verifier, certificates, issue };
}

describe('Open Badges credentials', () => {
  const oris = platform(SEED_A);
  let signed: JsonObject;

  beforeAll(async () => {
    signed = await oris.issue();
  });

  it('signs an OpenBadgeCredential with an eddsa-rdfc-2022 proof by a key of the did:web issuer', async () => {
    expect(oris.issuer.did).toBe('did:web:academy.oris.example:api:v1:issuer');
    expect(signed['type']).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    const proof = signed['proof'] as Record<string, string>;
    expect(proof).toMatchObject({
      type: 'DataIntegrityProof',
      cryptosuite: 'eddsa-rdfc-2022',
      proofPurpose: 'assertionMethod',
      created: '2026-11-23T09:30:12Z',
    });
    const key = await oris.issuer.signingKey();
    expect(proof['verificationMethod']).toBe(`${oris.issuer.did}#${key.publicKeyMultibase}`);
    const document = await oris.issuer.didDocument();
    expect(document['assertionMethod']).toEqual([proof['verificationMethod']]);
  });

  it('states the course, its hours, criteria and outcomes, the result and the dates', () => {
    const subject = signed['credentialSubject'] as Record<string, any>;
    expect(subject['achievement']).toMatchObject({
      id: `${WEB}/catalogue/${facts.courseId}`,
      achievementType: 'Course',
      name: 'Gérer une coopérative',
      humanCode: 'COOP-101',
      creditsAvailable: 30,
      inLanguage: 'fr',
    });
    expect(subject['achievement'].criteria.narrative).toContain(
      'Attend at least 80% of the session.',
    );
    expect(subject['achievement'].criteria.narrative).toContain('- Animer une assemblée générale');
    expect(subject['result']).toEqual([
      {
        type: ['Result'],
        resultDescription: `${WEB}/catalogue/${facts.courseId}#completion`,
        status: 'Completed',
      },
    ]);
    expect(subject['identifier'].map((id: { identityHash: string }) => id.identityHash)).toEqual([
      'Khadija El Amrani',
      'خديجة العمراني',
    ]);
    expect(subject).toMatchObject({
      activityStartDate: '2026-10-05T00:00:00Z',
      activityEndDate: '2026-11-20T00:00:00Z',
      creditsEarned: 30,
    });
    expect(signed['validFrom']).toBe('2026-11-23T09:30:12Z');
    expect(signed['credentialStatus']).toEqual({
      id: `${WEB}/api/v1/credentials/status/1#42`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: '42',
      statusListCredential: `${WEB}/api/v1/credentials/status/1`,
    });
  });

  it('validates against the bundled Open Badges 3.0 JSON schema', () => {
    const schema = JSON.parse(
      readFileSync(join(__dirname, 'schema/open-badge-credential.schema.json'), 'utf8'),
    );
    const validate = new Ajv({ allErrors: true }).compile(schema);
    expect(validate(signed) ? [] : validate.errors).toEqual([]);
    const { name: _name, ...nameless } = signed;
    expect(validate(nameless)).toBe(false);
    const subject = signed['credentialSubject'] as JsonObject;
    expect(validate({ ...signed, credentialSubject: { ...subject, holder: 'x' } })).toBe(false);
  });

  it('signs the same credential to the same bytes', async () => {
    expect(JSON.stringify(await oris.issue())).toBe(JSON.stringify(signed));
  });

  it('verifies a credential it signed as valid', async () => {
    await expect(oris.verifier.verify(structuredClone(signed))).resolves.toMatchObject({
      result: 'valid',
      reason: null,
      credentialId: `urn:uuid:${facts.certificateId}`,
    });
  });

  it.each([
    [
      'changing the holder',
      (c: any) => (c.credentialSubject.identifier[0].identityHash = 'Someone Else'),
    ],
    ['changing the hours', (c: any) => (c.credentialSubject.creditsEarned = 300)],
    ['changing the course', (c: any) => (c.credentialSubject.achievement.name = 'Autre cours')],
    ['changing the issue date', (c: any) => (c.validFrom = '2025-01-01T00:00:00Z')],
    ['changing the status entry', (c: any) => (c.credentialStatus.statusListIndex = '43')],
    ['adding a statement', (c: any) => (c.description = 'Mention très bien')],
    ['removing the proof', (c: any) => delete c.proof],
  ])('answers tampered after %s', async (_what, tamper) => {
    const credential = structuredClone(signed);
    tamper(credential);
    await expect(oris.verifier.verify(credential)).resolves.toMatchObject({ result: 'tampered' });
  });

  it('answers unknown issuer for a credential signed by another key or issued by someone else', async () => {
    const impostor = platform(SEED_B);
    const forged = await impostor.issue();
    await expect(oris.verifier.verify(forged)).resolves.toMatchObject({
      result: 'unknown_issuer',
    });
    const elsewhere = structuredClone(signed);
    elsewhere['issuer'] = { id: 'did:web:diplomas.example', type: ['Profile'] };
    await expect(oris.verifier.verify(elsewhere)).resolves.toMatchObject({
      result: 'unknown_issuer',
    });
  });

  it('refuses what is not a verifiable credential', async () => {
    await expect(oris.verifier.verify('{}')).rejects.toMatchObject({
      code: 'credential_required',
    });
    await expect(oris.verifier.verify({ type: ['Thing'] })).rejects.toMatchObject({
      code: 'credential_required',
    });
  });

  it('publishes the revocation in the signed status list, and verification then says revoked', async () => {
    const certificates = new FakeCertificates();
    const platformA = platform(SEED_A, [], certificates);
    const before = await platformA.statusLists.listCredential(1);
    const encoded = (before['credentialSubject'] as { encodedList: string }).encodedList;
    expect(isSetInStatusList(encoded, 42)).toBe(false);
    await expect(platformA.verifier.verify(signed)).resolves.toMatchObject({ result: 'valid' });

    certificates.revoked = [42];
    certificates.changed = new Date('2026-12-02T08:00:00Z');
    const after = await platformA.statusLists.listCredential(1);
    expect(after['type']).toEqual(['VerifiableCredential', 'BitstringStatusListCredential']);
    expect(after['validFrom']).toBe('2026-12-02T08:00:00Z');
    const list = (after['credentialSubject'] as { encodedList: string }).encodedList;
    expect(isSetInStatusList(list, 42)).toBe(true);
    expect(isSetInStatusList(list, 41)).toBe(false);
    // The list itself is a credential ORIS signed: a verifier checks it too.
    await expect(platformA.verifier.verify(structuredClone(after))).resolves.toMatchObject({
      result: 'valid',
    });
    const forged = structuredClone(after);
    (forged['credentialSubject'] as { encodedList: string }).encodedList = encoded;
    await expect(platformA.verifier.verify(forged)).resolves.toMatchObject({ result: 'tampered' });
    await expect(platformA.verifier.verify(signed)).resolves.toMatchObject({
      result: 'revoked',
    });
  });

  it('keeps credentials of a retired key verifiable once it is listed, and only then', async () => {
    const oldKey = (await oris.issuer.signingKey()).publicKeyMultibase;
    const rotated = platform(SEED_B, [oldKey]);
    const document = await rotated.issuer.didDocument();
    expect(
      (document['verificationMethod'] as { publicKeyMultibase: string }[]).map(
        (m) => m.publicKeyMultibase,
      ),
    ).toEqual([(await rotated.issuer.signingKey()).publicKeyMultibase, oldKey]);
    await expect(rotated.verifier.verify(structuredClone(signed))).resolves.toMatchObject({
      result: 'valid',
    });
    const forgotten = platform(SEED_B);
    await expect(forgotten.verifier.verify(structuredClone(signed))).resolves.toMatchObject({
      result: 'unknown_issuer',
    });
  });

  it('signs and verifies with the network off, asking only for bundled contexts and ORIS documents', async () => {
    const refuse = () => {
      throw new Error('network used');
    };
    const spies = [
      jest.spyOn(http, 'request').mockImplementation(refuse),
      jest.spyOn(https, 'request').mockImplementation(refuse),
      jest.spyOn(http, 'get').mockImplementation(refuse),
      jest.spyOn(https, 'get').mockImplementation(refuse),
      jest.spyOn(globalThis, 'fetch').mockImplementation(refuse),
    ];
    const asked: string[] = [];
    const offline = loader.offlineDocumentLoader;
    const loaderSpy = jest
      .spyOn(loader, 'offlineDocumentLoader')
      .mockImplementation((documents) => {
        const load = offline(documents);
        return (url) => {
          asked.push(url);
          return load(url);
        };
      });
    try {
      const fresh = platform(SEED_A);
      const credential = await fresh.issue();
      await expect(fresh.verifier.verify(credential)).resolves.toMatchObject({ result: 'valid' });
      const documents = await fresh.issuer.issuerDocuments();
      expect(asked.length).toBeGreaterThan(0);
      expect(asked.filter((url) => !loader.isBundledContext(url) && !documents.has(url))).toEqual(
        [],
      );
      await expect(offline(documents)('https://schema.org/')).rejects.toThrow(/neither a bundled/);
    } finally {
      loaderSpy.mockRestore();
      spies.forEach((spy) => spy.mockRestore());
    }
  });
});

describe('didWebFor', () => {
  it('derives the did:web of the site, port and path included', () => {
    expect(didWebFor('https://academy.oris.ma')).toBe('did:web:academy.oris.ma:api:v1:issuer');
    expect(didWebFor('http://localhost:4200/')).toBe('did:web:localhost%3A4200:api:v1:issuer');
    expect(didWebFor('https://oris.ma/academy')).toBe('did:web:oris.ma:academy:api:v1:issuer');
  });
});

describe('Bitstring status lists', () => {
  it('sets exactly the given positions, the first one being the leftmost bit', () => {
    const list = encodeStatusList([0, 9, STATUS_LIST_SIZE - 1]);
    expect(list.startsWith('u')).toBe(true);
    const set = [0, 1, 8, 9, 10, STATUS_LIST_SIZE - 1].filter((i) => isSetInStatusList(list, i));
    expect(set).toEqual([0, 9, STATUS_LIST_SIZE - 1]);
    expect(encodeStatusList([9, 0, STATUS_LIST_SIZE - 1])).toBe(list);
    expect(() => encodeStatusList([STATUS_LIST_SIZE])).toThrow(RangeError);
  });

  it('puts a certificate in list n / size + 1 at position n % size', () => {
    const url = (list: number) => `${WEB}/api/v1/credentials/status/${list}`;
    expect(statusEntry(STATUS_LIST_SIZE + 5, url)).toMatchObject({
      statusListIndex: '5',
      statusListCredential: url(2),
    });
  });
});
