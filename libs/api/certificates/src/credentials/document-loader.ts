import { credentialsContexts, openBadgesContexts, type DocumentLoader } from './vc-libraries';

export const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const OPEN_BADGES_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';

/**
 * The JSON-LD contexts a credential may name, from npm packages (VC 1.1 and 2.0, every Open Badges
 * 3.0 context): canonicalisation never fetches one, so signing and verifying work offline.
 */
const BUNDLED_CONTEXTS: ReadonlyMap<string, unknown> = new Map<string, unknown>([
  ...credentialsContexts,
  ...openBadgesContexts,
]);

export class DocumentNotBundledError extends Error {
  constructor(readonly url: string) {
    super(`${url} is neither a bundled JSON-LD context nor an ORIS issuer document`);
    this.name = 'DocumentNotBundledError';
  }
}

export const isBundledContext = (url: string) => BUNDLED_CONTEXTS.has(url);

/**
 * A document loader that answers from memory only: the bundled contexts and the given documents
 * (the issuer's DID document and its keys). Any other URL is refused, never fetched.
 */
export function offlineDocumentLoader(documents: ReadonlyMap<string, unknown>): DocumentLoader {
  return async (url) => {
    const document = BUNDLED_CONTEXTS.get(url) ?? documents.get(url);
    if (document === undefined) throw new DocumentNotBundledError(url);
    return { contextUrl: null, documentUrl: url, document };
  };
}
