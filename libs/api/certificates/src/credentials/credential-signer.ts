import { Injectable } from '@nestjs/common';
import { signCredentialJwt } from './credential-jwt';
import { offlineDocumentLoader } from './document-loader';
import { IssuerIdentity } from './issuer-identity';
import { dateTimeStamp } from './open-badge-credential';
import { DataIntegrityProof, eddsaRdfc2022, issue, type JsonObject } from './vc-libraries';

/**
 * Signs credentials with ORIS's current key, in the two forms Open Badges 3.0 allows: a Data
 * Integrity proof, cryptosuite `eddsa-rdfc-2022` (RDF canonicalisation of the JSON-LD, SHA-256,
 * Ed25519: milliseconds of JSON-LD processing), and a VC-JWT (JOSE, EdDSA over the JSON's bytes:
 * a fraction of a millisecond). Ed25519 signatures are deterministic and the signing instant is
 * given, so the same credential signed twice with the same key gives the same bytes.
 */
@Injectable()
export class CredentialSigner {
  constructor(private readonly issuer: IssuerIdentity) {}

  /** The Data Integrity form: the credential with its `proof`. */
  async sign(credential: JsonObject, created: Date): Promise<JsonObject> {
    const [key, documents] = await Promise.all([
      this.issuer.signingKey(),
      this.issuer.issuerDocuments(),
    ]);
    const suite = new DataIntegrityProof({
      signer: key.signer(),
      cryptosuite: eddsaRdfc2022,
      date: dateTimeStamp(created),
    });
    // issue() adds the proof to the object it is given: sign a copy.
    return issue({
      credential: structuredClone(credential),
      suite,
      documentLoader: offlineDocumentLoader(documents),
    });
  }

  /** The VC-JWT form: the credential (any `proof` left out) as a compact JWS, `kid` the same key. */
  async signJwt(credential: JsonObject, signedAt: Date): Promise<string> {
    return signCredentialJwt(credential, await this.issuer.jwtSigningKey(), signedAt);
  }
}
