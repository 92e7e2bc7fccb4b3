import { sign, verify, type KeyObject } from 'node:crypto';
import type { JsonObject } from './vc-libraries';

/**
 * VC-JWT: a credential secured with JOSE (W3C VC-JOSE-COSE, the JWT proof format of Open Badges
 * 3.0 §8.2): the JWT's claims are the credential itself, plus the registered claims that restate
 * it (`iss` the issuer, `jti` the id, `nbf` validFrom, `exp` validUntil, `iat` the signing instant);
 * the header names the key (`kid`, a verification method of the issuer's DID document) and the
 * algorithm, EdDSA (Ed25519): the same key as the Data Integrity proof. No JSON-LD processing: the
 * signature covers the bytes, which is why it costs a fraction of a millisecond.
 */
export const VC_JWT_TYPE = 'vc+jwt';
export const VC_JWT_MEDIA_TYPE = 'application/vc+jwt';
/** Far above an ORIS credential (about 6 KiB as a JWT); anything longer is refused unread. */
export const MAX_CREDENTIAL_JWT_LENGTH = 64 * 1024;

/** `typ` values a credential JWT may carry (absent, the generic one, and VC-JOSE-COSE's). */
const ACCEPTED_TYPES = new Set<unknown>([
  undefined,
  'JWT',
  'vc+jwt',
  'vc-ld+jwt',
  VC_JWT_MEDIA_TYPE,
]);
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const seconds = (isoDateTime: unknown): number | undefined => {
  const at = typeof isoDateTime === 'string' ? Date.parse(isoDateTime) : Number.NaN;
  return Number.isNaN(at) ? undefined : Math.floor(at / 1000);
};

const base64url = (json: unknown) => Buffer.from(JSON.stringify(json)).toString('base64url');

/** The issuer's id, whether `issuer` is a string or a profile object. */
export const issuerIdOf = (credential: JsonObject): unknown => {
  const issuer = credential['issuer'];
  return isObject(issuer) ? issuer['id'] : issuer;
};

/**
 * The compact JWT of an unsigned credential (a `proof` it carries is left out: the JWT is the
 * proof). Deterministic: Ed25519 signatures are, and `iat` is the given instant.
 */
export function signCredentialJwt(
  credential: JsonObject,
  key: { kid: string; privateKey: KeyObject },
  signedAt: Date,
): string {
  const { proof: _proof, ...claims } = credential;
  const header = { alg: 'EdDSA', typ: VC_JWT_TYPE, cty: 'vc', kid: key.kid };
  const payload: JsonObject = {
    ...claims,
    iss: issuerIdOf(claims),
    ...(typeof claims['id'] === 'string' && { jti: claims['id'] }),
    ...(seconds(claims['validFrom']) !== undefined && { nbf: seconds(claims['validFrom']) }),
    ...(seconds(claims['validUntil']) !== undefined && { exp: seconds(claims['validUntil']) }),
    iat: Math.floor(signedAt.getTime() / 1000),
  };
  const signingInput = `${base64url(header)}.${base64url(payload)}`;
  const signature = sign(null, Buffer.from(signingInput), key.privateKey);
  return `${signingInput}.${signature.toString('base64url')}`;
}

/** The claims `signCredentialJwt` adds beside the credential's own statements. */
const REGISTERED_CLAIMS = ['iss', 'jti', 'nbf', 'exp', 'iat'] as const;

/**
 * The unsigned credential an ORIS VC-JWT carries: its payload without the registered claims the
 * signing added (for a VC 1.1-style JWT, its `vc` claim). Checks no signature: for JWTs ORIS
 * signed itself (the stored one), to give the same statements another proof.
 */
export function credentialOfJwt(jwt: string): JsonObject {
  const { payload, credential } = decodeCredentialJwt(jwt);
  if (credential !== payload) return structuredClone(credential);
  const statements: JsonObject = { ...payload };
  for (const claim of REGISTERED_CLAIMS) delete statements[claim];
  return statements;
}

/** A JWT that is no credential ORIS could have signed, refused before any check (400). */
export class MalformedCredentialJwtError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedCredentialJwtError';
  }
}

export interface DecodedCredentialJwt {
  header: JsonObject;
  /** The JWT's claims. */
  payload: JsonObject;
  /** The credential they carry: the claims themselves, or a VC 1.1-style `vc` claim. */
  credential: JsonObject;
  signingInput: Buffer;
  signature: Buffer;
}

function decodePart(part: string, what: string): JsonObject {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    throw new MalformedCredentialJwtError(`The JWT's ${what} is not base64url-encoded JSON.`);
  }
  if (!isObject(value))
    throw new MalformedCredentialJwtError(`The JWT's ${what} is not an object.`);
  return value;
}

/**
 * Parses a compact JWS and checks its form: EdDSA only (never `none`, nor an algorithm ORIS does
 * not sign with, so nothing is ever verified with a key of the wrong kind), no critical header
 * extension, a credential as payload. Throws `MalformedCredentialJwtError`; checks no signature.
 */
export function decodeCredentialJwt(text: string): DecodedCredentialJwt {
  if (text.length > MAX_CREDENTIAL_JWT_LENGTH) {
    throw new MalformedCredentialJwtError(
      `The JWT is longer than ${MAX_CREDENTIAL_JWT_LENGTH} characters.`,
    );
  }
  const jwt = text.trim();
  if (!COMPACT_JWS.test(jwt)) {
    throw new MalformedCredentialJwtError(
      'Not a compact JWT (three base64url parts separated by dots).',
    );
  }
  const [encodedHeader, encodedPayload, encodedSignature] = jwt.split('.');
  const header = decodePart(encodedHeader, 'header');
  if (header['alg'] !== 'EdDSA') {
    throw new MalformedCredentialJwtError(
      `alg ${JSON.stringify(header['alg'] ?? null)} is not accepted: ORIS's credentials are signed with EdDSA (Ed25519).`,
    );
  }
  if (header['crit'] !== undefined) {
    throw new MalformedCredentialJwtError('The JWT has critical header extensions (crit).');
  }
  if (!ACCEPTED_TYPES.has(header['typ'])) {
    throw new MalformedCredentialJwtError(
      `typ ${JSON.stringify(header['typ'])} is not a credential JWT (vc+jwt).`,
    );
  }
  const payload = decodePart(encodedPayload, 'payload');
  const credential = isObject(payload['vc']) ? payload['vc'] : payload;
  const types = credential['type'];
  if (!(Array.isArray(types) ? types : [types]).includes('VerifiableCredential')) {
    throw new MalformedCredentialJwtError(
      'The JWT does not carry a verifiable credential (its type has no "VerifiableCredential").',
    );
  }
  return {
    header,
    payload,
    credential,
    signingInput: Buffer.from(`${encodedHeader}.${encodedPayload}`),
    signature: Buffer.from(encodedSignature, 'base64url'),
  };
}

/**
 * Whether the Ed25519 signature holds over the JWT's header and payload with `publicKey`. Checked
 * on libuv's thread pool (`verify` with a callback), not on the event loop: one Ed25519
 * verification costs about four times a whole simple request here (P13), so done inline it would
 * stall every other request while a burst of first checks runs, and leave the other core idle.
 */
export function credentialJwtSignatureHolds(
  decoded: DecodedCredentialJwt,
  publicKey: KeyObject,
): Promise<boolean> {
  if (decoded.signature.length !== 64) return Promise.resolve(false);
  return new Promise((resolve, reject) =>
    verify(null, decoded.signingInput, publicKey, decoded.signature, (error, holds) =>
      error ? reject(error) : resolve(holds),
    ),
  );
}

/**
 * Why the registered claims contradict the credential, or null when they agree (a claim the
 * credential restates must say the same: otherwise a verifier reading one or the other would
 * conclude differently).
 */
export function claimsConflict(decoded: DecodedCredentialJwt): string | null {
  const { payload, credential } = decoded;
  const checks: [string, unknown, unknown][] = [
    ['iss', payload['iss'], issuerIdOf(credential)],
    ['jti', payload['jti'], credential['id']],
    ['nbf', payload['nbf'], seconds(credential['validFrom'])],
    ['exp', payload['exp'], seconds(credential['validUntil'])],
  ];
  for (const [claim, value, stated] of checks) {
    if (value !== undefined && stated !== undefined && value !== stated) {
      return `The JWT's ${claim} contradicts the credential it carries.`;
    }
  }
  return null;
}

/** When the credential stops being valid (its `exp` or `validUntil`, the earlier), if ever. */
export function expiryOf(decoded: DecodedCredentialJwt): Date | null {
  const instants = [
    typeof decoded.payload['exp'] === 'number' ? decoded.payload['exp'] * 1000 : undefined,
    typeof decoded.credential['validUntil'] === 'string'
      ? Date.parse(decoded.credential['validUntil'])
      : undefined,
  ].filter((at): at is number => at !== undefined && !Number.isNaN(at));
  return instants.length > 0 ? new Date(Math.min(...instants)) : null;
}
