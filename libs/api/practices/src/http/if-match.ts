/**
 * The version an `If-Match` header names: `"3"`, `W/"3"` or `3`. Absent: undefined. Anything
 * else names no version the sheet can have (0), so the precondition fails (412).
 */
export function ifMatchVersion(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
  return match ? Number(match[1]) : 0;
}

/** The ETag of a sheet's version, as `If-Match` sends it back. */
export const versionTag = (version: number) => `"${version}"`;
