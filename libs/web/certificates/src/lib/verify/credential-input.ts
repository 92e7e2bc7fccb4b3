/** What the credential check sends: a VC-JWT, or a credential as JSON (Data Integrity). */
export type CredentialBody = { jwt: string } | Record<string, unknown>;

const COMPACT_JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/**
 * Reads a credential from a file's or a paste's text: a compact JWT (a `.jwt` file, pasted
 * text), or JSON (the `.json` file; a `{ "jwt": … }` object or a quoted JWT count as the JWT).
 * Null for text that is neither. The API decides whether it is a credential at all.
 */
export function readCredential(text: string): CredentialBody | null {
  const trimmed = text.trim();
  if (COMPACT_JWT.test(trimmed)) return { jwt: trimmed };
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    return null;
  }
  if (typeof value === 'string')
    return COMPACT_JWT.test(value.trim()) ? { jwt: value.trim() } : null;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const jwt = (value as { jwt?: unknown }).jwt;
  return typeof jwt === 'string' ? { jwt: jwt.trim() } : (value as Record<string, unknown>);
}
