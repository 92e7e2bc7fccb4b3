import { Injectable } from '@nestjs/common';
import { CertificateErrorCode, CertificateException } from '../certificate.exception';
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
export const CREDENTIAL_CHECKS = ['valid', 'revoked', 'tampered', 'unknown_issuer'] as const;
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

/**
 * Checks a credential as a standard verifier would, with nothing fetched: the issuer must be ORIS
 * and every proof made by one of its keys (current or retired) — otherwise "unknown issuer"; the
 * eddsa-rdfc-2022 proof must hold over the canonicalised document — otherwise "tampered" (any
 * changed, added or removed statement, or a term no bundled context defines); then the revocation
 * entry is read in ORIS's published status list.
 */
@Injectable()
export class CredentialVerifier {
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
    const verdict = (result: CredentialCheck, reason: string | null): CredentialVerdict => ({
      result,
      reason,
      credentialId: textOf(input['id']),
      name: textOf(input['name']),
      validFrom: textOf(input['validFrom']),
    });

    const issuer = input['issuer'];
    const issuerId = isObject(issuer) ? issuer['id'] : issuer;
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

    // A signed credential without a revocation entry (a status list itself) cannot be revoked.
    const revoked = await this.revocation(input['credentialStatus']);
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
