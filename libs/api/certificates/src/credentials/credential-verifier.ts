import { Injectable } from '@nestjs/common';
import { CertificateErrorCode, CertificateException } from '../certificate.exception';
import {
  claimsConflict,
  credentialJwtSignatureHolds,
  decodeCredentialJwt,
  expiryOf,
  issuerIdOf,
  MalformedCredentialJwtError,
  MAX_CREDENTIAL_JWT_LENGTH,
  type DecodedCredentialJwt,
} from './credential-jwt';
import { CredentialStatusLists } from './credential-status-lists';
import { offlineDocumentLoader } from './document-loader';
import { IssuerIdentity } from './issuer-identity';
import { STATUS_LIST_SIZE } from './status-list';
import {
  DataIntegrityProof,
  eddsaRdfc2022,
  verifyCredential,
  type JsonObject,
} from './vc-libraries';

/** What checking a credential concludes. */
export const CREDENTIAL_CHECKS = [
  'valid',
  'revoked',
  'expired',
  'tampered',
  'unknown_issuer',
] as const;
export type CredentialCheck = (typeof CREDENTIAL_CHECKS)[number];

export interface CredentialVerdict {
  result: CredentialCheck;
  /** Why it is not valid, in words (for people; not a contract). */
  reason: string | null;
  /** The credential's `id` and `name`, as it states them (trustworthy only when valid). */
  credentialId: string | null;
  name: string | null;
  validFrom: string | null;
}

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const asArray = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value === undefined ? [] : [value];

const textOf = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** JWTs whose signature was found to hold, remembered (about 4 KiB each: at most ~8 MiB). */
const MAX_VERIFIED_JWTS = 2_000;

const verdictOf = (credential: JsonObject) => (result: CredentialCheck, reason: string | null) => ({
  result,
  reason,
  credentialId: textOf(credential['id']),
  name: textOf(credential['name']),
  validFrom: textOf(credential['validFrom']),
});

/**
 * Checks a credential as a standard verifier would, with nothing fetched, in either form ORIS
 * issues:
 * - Data Integrity (a JSON document): the issuer must be ORIS and every proof made by one of its
 *   keys (current or retired) — otherwise "unknown issuer"; the eddsa-rdfc-2022 proof must hold
 *   over the canonicalised document — otherwise "tampered" (any changed, added or removed
 *   statement, or a term no bundled context defines);
 * - VC-JWT (a compact JWS): the issuer must be ORIS and `kid` one of its keys — otherwise
 *   "unknown issuer"; the EdDSA signature must hold over the bytes and the registered claims agree
 *   with the credential — otherwise "tampered". A JWT of another form (alg `none` or any but
 *   EdDSA, malformed, oversized) is refused (400) before any check.
 * Then, for both: past `validUntil` (or the JWT's `exp`) → "expired"; the revocation entry read
 * from the certificate ORIS's status list is derived from → "revoked".
 */
@Injectable()
export class CredentialVerifier {
  /**
   * JWTs (their exact text) whose issuer, key, signature and claims were found to hold, least
   * recently used first: that never changes for given bytes while the process's keys stay (they
   * come from its config), so checking one again only reads its expiry and revocation.
   */
  private readonly verifiedJwts = new Map<string, DecodedCredentialJwt>();

  constructor(
    private readonly issuer: IssuerIdentity,
    private readonly statusLists: CredentialStatusLists,
  ) {}

  async verify(input: unknown): Promise<CredentialVerdict> {
    if (!isObject(input) || !asArray(input['type']).includes('VerifiableCredential')) {
      throw new CertificateException(
        CertificateErrorCode.CredentialRequired,
        'Send the credential as a JSON object whose type includes "VerifiableCredential".',
      );
    }
    const verdict = verdictOf(input);
    const issuerId = issuerIdOf(input);
    if (issuerId !== this.issuer.did) {
      return verdict('unknown_issuer', `Issued by ${String(issuerId)}, not by ${this.issuer.did}.`);
    }
    const documents = await this.issuer.issuerDocuments();
    const proofs = asArray(input['proof']);
    if (proofs.length === 0) return verdict('tampered', 'The credential carries no proof.');
    for (const proof of proofs) {
      const method = isObject(proof) ? proof['verificationMethod'] : undefined;
      if (typeof method !== 'string' || !documents.has(method) || method === this.issuer.did) {
        return verdict('unknown_issuer', `Signed by ${String(method)}, not by a key of ORIS.`);
      }
    }

    const reason = await this.proofProblem(input, documents);
    if (reason !== null) return verdict('tampered', reason);

    const validUntil = textOf(input['validUntil']);
    return this.standing(input, validUntil === null ? null : new Date(validUntil));
  }

  /** Checks a VC-JWT (compact serialisation); 400 `credential_malformed` for what is none. */
  async verifyJwt(text: string): Promise<CredentialVerdict> {
    const key = text.length <= MAX_CREDENTIAL_JWT_LENGTH ? text.trim() : null;
    const known = key === null ? undefined : this.verifiedJwts.get(key);
    if (known && key !== null) {
      this.verifiedJwts.delete(key);
      this.verifiedJwts.set(key, known);
      return this.standing(known.credential, expiryOf(known));
    }
    let decoded: DecodedCredentialJwt;
    try {
      decoded = decodeCredentialJwt(text);
    } catch (error) {
      if (!(error instanceof MalformedCredentialJwtError)) throw error;
      throw new CertificateException(CertificateErrorCode.CredentialMalformed, error.message);
    }
    const problem = await this.jwtProblem(decoded);
    if (problem !== null) return verdictOf(decoded.credential)(...problem);
    if (key !== null) {
      if (this.verifiedJwts.size >= MAX_VERIFIED_JWTS) {
        this.verifiedJwts.delete(this.verifiedJwts.keys().next().value as string);
      }
      this.verifiedJwts.set(key, decoded);
    }
    return this.standing(decoded.credential, expiryOf(decoded));
  }

  /** Why a well-formed JWT is not ORIS's as given (unknown issuer, tampered), or null. */
  private async jwtProblem(
    decoded: DecodedCredentialJwt,
  ): Promise<[CredentialCheck, string] | null> {
    const { header, payload, credential } = decoded;
    for (const issuerId of [issuerIdOf(credential), payload['iss'] ?? this.issuer.did]) {
      if (issuerId !== this.issuer.did) {
        return ['unknown_issuer', `Issued by ${String(issuerId)}, not by ${this.issuer.did}.`];
      }
    }
    const kid = header['kid'];
    const key = typeof kid === 'string' ? (await this.issuer.publicKeysById()).get(kid) : undefined;
    if (!key) return ['unknown_issuer', `Signed by ${String(kid)}, not by a key of ORIS.`];
    if (!(await credentialJwtSignatureHolds(decoded, key))) {
      return ['tampered', 'The signature does not hold over the JWT as given.'];
    }
    const conflict = claimsConflict(decoded);
    return conflict === null ? null : ['tampered', conflict];
  }

  /** Once the proof holds: expired, revoked (read from the certificate) or valid. */
  private async standing(credential: JsonObject, expiry: Date | null): Promise<CredentialVerdict> {
    const verdict = verdictOf(credential);
    if (expiry !== null && !(expiry.getTime() > Date.now())) {
      return verdict(
        'expired',
        Number.isNaN(expiry.getTime())
          ? 'The credential’s validUntil is not a date.'
          : `The credential was valid until ${expiry.toISOString()}.`,
      );
    }
    // A signed credential without a revocation entry (a status list itself) cannot be revoked.
    const revoked = await this.revocation(credential['credentialStatus']);
    return revoked ? verdict('revoked', 'ORIS revoked this credential.') : verdict('valid', null);
  }

  /** Why the proof does not hold over the document as given, or null when it does. */
  private async proofProblem(
    credential: JsonObject,
    documents: ReadonlyMap<string, unknown>,
  ): Promise<string | null> {
    try {
      const outcome = await verifyCredential({
        credential: structuredClone(credential),
        suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }),
        documentLoader: offlineDocumentLoader(documents),
        // The status is read afterwards, from ORIS's own list, once the proof holds.
        checkStatus: async () => ({ verified: true }),
      });
      if (outcome.verified) return null;
      const errors = outcome.error?.errors ?? [outcome.error ?? {}];
      return errors.map((error) => error.message).find(Boolean) ?? 'The proof does not hold.';
    } catch (error) {
      // A document the canonicalisation cannot process (malformed JSON-LD, unknown context).
      return error instanceof Error ? error.message : String(error);
    }
  }

  /** Whether the credential's revocation entry is set in ORIS's list (false without one). */
  private async revocation(status: unknown): Promise<boolean> {
    for (const entry of asArray(status)) {
      if (!isObject(entry) || entry['statusPurpose'] !== 'revocation') continue;
      const position = Number(entry['statusListIndex']);
      const match = /\/credentials\/status\/(\d+)$/.exec(String(entry['statusListCredential']));
      if (!match || !Number.isInteger(position) || position < 0 || position >= STATUS_LIST_SIZE) {
        continue;
      }
      const list = Number(match[1]);
      if (entry['statusListCredential'] !== this.issuer.statusListUrl(list)) continue;
      return this.statusLists.isRevoked(list, position);
    }
    return false;
  }
}
