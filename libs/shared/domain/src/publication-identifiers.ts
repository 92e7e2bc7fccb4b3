/**
 * Identifiers of scholarly works (OBSERVATORY.md, "Publications"), pure and shared by the server
 * and the web app: DOIs are stored normalised so the same work typed twice is found as a
 * duplicate; ORCID iDs and ISBNs carry a check digit that catches a mistyped digit.
 */

/** `10.` + a registrant code of 4 to 9 digits (sub-codes allowed) + `/` + a suffix. */
const DOI_SHAPE = /^10\.\d{4,9}(\.\d+)*\/\S+$/;

const DOI_PREFIXES = [/^https?:\/\/(dx\.)?doi\.org\//, /^doi\.org\//, /^doi:\s*/, /^info:doi\//];

/**
 * A DOI as stored: whitespace removed, lower case (DOIs are case-insensitive), without the
 * `https://doi.org/`, `http://dx.doi.org/`, `doi:` or `info:doi/` prefix. Null when what is left
 * is not a DOI (`10.<4–9 digits>/<suffix>`).
 */
export function normalizeDoi(input: string): string | null {
  let doi = input.replace(/\s+/g, '').toLowerCase();
  for (let changed = true; changed;) {
    changed = false;
    for (const prefix of DOI_PREFIXES) {
      if (prefix.test(doi)) {
        doi = doi.replace(prefix, '');
        changed = true;
      }
    }
  }
  try {
    // A DOI copied from a URL may be percent-encoded (`10.1000/abc%2Fdef`).
    if (doi.includes('%')) doi = decodeURIComponent(doi);
  } catch {
    return null;
  }
  return DOI_SHAPE.test(doi) ? doi : null;
}

/** The resolvable link of a stored DOI. */
export const doiUrl = (doi: string): string => `https://doi.org/${doi}`;

/**
 * An ORCID iD as stored (`0000-0002-1825-0097`), from a bare iD or its `https://orcid.org/` URL,
 * hyphens optional; null when its shape or its ISO 7064 11,2 check digit is wrong.
 */
export function normalizeOrcid(input: string): string | null {
  const bare = input
    .trim()
    .replace(/^https?:\/\/(www\.)?orcid\.org\//i, '')
    .replace(/[\s-]/g, '')
    .toUpperCase();
  if (!/^\d{15}[\dX]$/.test(bare)) return null;
  let total = 0;
  for (const digit of bare.slice(0, 15)) total = (total + Number(digit)) * 2;
  const result = (12 - (total % 11)) % 11;
  const check = result === 10 ? 'X' : String(result);
  if (bare[15] !== check) return null;
  return bare.match(/.{4}/g)?.join('-') ?? null;
}

/**
 * An ISBN as stored: ISBN-13 digits only (an ISBN-10 is converted), or null when its check
 * digit is wrong. Hyphens, spaces and an `ISBN` label are ignored.
 */
export function normalizeIsbn(input: string): string | null {
  const bare = input
    .replace(/^\s*isbn(-1[03])?:?/i, '')
    .replace(/[\s-]/g, '')
    .toUpperCase();
  if (/^\d{9}[\dX]$/.test(bare)) {
    let sum = 0;
    for (let index = 0; index < 10; index++) {
      const value = bare[index] === 'X' ? 10 : Number(bare[index]);
      sum += value * (10 - index);
    }
    if (sum % 11 !== 0) return null;
    return isbn13Of(`978${bare.slice(0, 9)}`);
  }
  if (!/^97[89]\d{10}$/.test(bare)) return null;
  return isbn13Of(bare.slice(0, 12)) === bare ? bare : null;
}

function isbn13Of(twelve: string): string {
  let sum = 0;
  for (let index = 0; index < 12; index++) sum += Number(twelve[index]) * (index % 2 ? 3 : 1);
  return `${twelve}${(10 - (sum % 10)) % 10}`;
}
