import type { KeyObject } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '@oris/api/platform';
import { ORIS_NAME_FR } from '../rendering/certificate-renderer';
import { ed25519PrivateKeyFromSeed, ed25519PublicKeyFromMultibase } from './ed25519-keys';
import { generateEd25519Key, type Ed25519KeyPair, type JsonObject } from './vc-libraries';

export const DID_CONTEXT = 'https://www.w3.org/ns/did/v1';
export const MULTIKEY_CONTEXT = 'https://w3id.org/security/multikey/v1';

/** ORIS's name as issuer of the credentials (the PDF's identity says the same). */
export const ISSUER_NAME = `${ORIS_NAME_FR} (ORIS)`;

export interface VerificationMethod {
  '@context': string;
  id: string;
  type: 'Multikey';
  controller: string;
  publicKeyMultibase: string;
}

/** ORIS's signing key for VC-JWT: the private key and its verification method id. */
export interface JwtSigningKey {
  kid: string;
  privateKey: KeyObject;
}

/**
 * `did:web` identifier of a site with the DID document under `/api/v1/issuer/did.json`:
 * `https://academy.oris.ma` → `did:web:academy.oris.ma:api:v1:issuer` (a port is
 * percent-encoded, a path prefix adds segments), as the did:web method resolves it back.
 */
export function didWebFor(webUrl: string): string {
  const url = new URL(webUrl);
  const path = url.pathname.split('/').filter((segment) => segment !== '');
  return ['did:web', encodeURIComponent(url.host), ...path, 'api', 'v1', 'issuer'].join(':');
}

/**
 * Who signs ORIS's credentials, and where the world finds the keys: a did:web DID whose document
 * (served by the API at `/api/v1/issuer/did.json`) lists the current key and every retired one
 * (CREDENTIAL_RETIRED_PUBLIC_KEYS), so rotating the key never invalidates an issued credential.
 * The signing key comes from CREDENTIAL_SIGNING_SEED.
 */
@Injectable()
export class IssuerIdentity {
  readonly did: string;
  readonly webUrl: string;
  readonly apiUrl: string;
  private key?: Promise<Ed25519KeyPair>;
  private documents?: Promise<ReadonlyMap<string, unknown>>;
  private jwtKey?: Promise<JwtSigningKey>;
  private publicKeys?: Promise<ReadonlyMap<string, KeyObject>>;

  constructor(private readonly config: AppConfig) {
    this.webUrl = config.PUBLIC_WEB_URL.replace(/\/+$/, '');
    this.apiUrl = `${this.webUrl}/api/v1`;
    this.did = didWebFor(this.webUrl);
  }

  get didDocumentUrl(): string {
    return `${this.apiUrl}/issuer/did.json`;
  }

  statusListUrl(list: number): string {
    return `${this.apiUrl}/credentials/status/${list}`;
  }

  /** The key that signs now; its verification method id is `<did>#<publicKeyMultibase>`. */
  signingKey(): Promise<Ed25519KeyPair> {
    this.key ??= generateEd25519Key({
      seed: Buffer.from(this.config.CREDENTIAL_SIGNING_SEED, 'hex'),
      controller: this.did,
    }).then((key) => {
      key.id = this.methodId(key.publicKeyMultibase);
      return key;
    });
    return this.key;
  }

  /**
   * The same key as a Node key object, for JOSE (VC-JWT): the JWT's `kid` is the verification
   * method the Data Integrity proofs name.
   */
  jwtSigningKey(): Promise<JwtSigningKey> {
    this.jwtKey ??= this.signingKey().then((key) => ({
      kid: key.id as string,
      privateKey: ed25519PrivateKeyFromSeed(
        Buffer.from(this.config.CREDENTIAL_SIGNING_SEED, 'hex'),
      ),
    }));
    return this.jwtKey;
  }

  /** ORIS's public keys (current and retired) as Node key objects, by verification method id. */
  publicKeysById(): Promise<ReadonlyMap<string, KeyObject>> {
    this.publicKeys ??= this.verificationMethods().then(
      (methods) =>
        new Map(
          methods.flatMap((method): [string, KeyObject][] => {
            const key = ed25519PublicKeyFromMultibase(method.publicKeyMultibase);
            return key ? [[method.id, key]] : [];
          }),
        ),
    );
    return this.publicKeys;
  }

  /** The current key first, then the retired ones (deduplicated). */
  async verificationMethods(): Promise<VerificationMethod[]> {
    const current = (await this.signingKey()).publicKeyMultibase;
    const keys = [...new Set([current, ...this.config.credentialRetiredPublicKeys])];
    return keys.map((publicKeyMultibase) => ({
      '@context': MULTIKEY_CONTEXT,
      id: this.methodId(publicKeyMultibase),
      type: 'Multikey',
      controller: this.did,
      publicKeyMultibase,
    }));
  }

  async didDocument(): Promise<JsonObject> {
    const methods = await this.verificationMethods();
    return {
      '@context': [DID_CONTEXT, MULTIKEY_CONTEXT],
      id: this.did,
      alsoKnownAs: [this.webUrl],
      verificationMethod: methods.map(({ '@context': _context, ...method }) => method),
      assertionMethod: methods.map((method) => method.id),
    };
  }

  /**
   * What a verifier resolves about ORIS, answered from memory: the DID document and each key
   * (as a Multikey document) by its id.
   */
  issuerDocuments(): Promise<ReadonlyMap<string, unknown>> {
    this.documents ??= Promise.all([this.didDocument(), this.verificationMethods()]).then(
      ([didDocument, methods]) =>
        new Map<string, unknown>([
          [this.did, didDocument],
          ...methods.map((method): [string, unknown] => [method.id, method]),
        ]),
    );
    return this.documents;
  }

  /** The issuer as the credentials name it (an Open Badges `Profile`). */
  profile(): JsonObject {
    return { id: this.did, type: ['Profile'], name: ISSUER_NAME, url: this.webUrl };
  }

  private methodId(publicKeyMultibase: string): string {
    return `${this.did}#${publicKeyMultibase}`;
  }
}
