/**
 * The SPDX licence identifiers a tool may declare (https://spdx.org/licenses/): a bundled list of
 * the common ones (open content, open data, open source, and the usual proprietary marker), so
 * the check needs no package and no network. `LicenseRef-<name>` (SPDX's own form for a licence
 * outside the list) is accepted too. Compared case-insensitively, stored as listed here.
 */
export const SPDX_LICENCE_IDS = [
  'CC0-1.0',
  'CC-BY-1.0',
  'CC-BY-2.0',
  'CC-BY-2.5',
  'CC-BY-3.0',
  'CC-BY-4.0',
  'CC-BY-SA-2.0',
  'CC-BY-SA-3.0',
  'CC-BY-SA-4.0',
  'CC-BY-NC-3.0',
  'CC-BY-NC-4.0',
  'CC-BY-NC-SA-3.0',
  'CC-BY-NC-SA-4.0',
  'CC-BY-ND-3.0',
  'CC-BY-ND-4.0',
  'CC-BY-NC-ND-3.0',
  'CC-BY-NC-ND-4.0',
  'CC-PDDC',
  'ODbL-1.0',
  'ODC-By-1.0',
  'PDDL-1.0',
  'etalab-2.0',
  'OGL-UK-3.0',
  'MIT',
  'Apache-2.0',
  'BSD-2-Clause',
  'BSD-3-Clause',
  'ISC',
  'MPL-2.0',
  'LGPL-2.1-only',
  'LGPL-2.1-or-later',
  'LGPL-3.0-only',
  'LGPL-3.0-or-later',
  'GPL-2.0-only',
  'GPL-2.0-or-later',
  'GPL-3.0-only',
  'GPL-3.0-or-later',
  'AGPL-3.0-only',
  'AGPL-3.0-or-later',
  'EUPL-1.2',
  'Unlicense',
  'GFDL-1.3-only',
  'GFDL-1.3-or-later',
] as const;

const BY_LOWER = new Map<string, string>(SPDX_LICENCE_IDS.map((id) => [id.toLowerCase(), id]));
const LICENSE_REF = /^LicenseRef-[A-Za-z0-9.-]{1,50}$/;

/** The licence as stored (the list's spelling), or null when it is not an accepted SPDX id. */
export function canonicalLicence(value: string): string | null {
  const trimmed = value.trim();
  if (LICENSE_REF.test(trimmed)) return trimmed;
  return BY_LOWER.get(trimmed.toLowerCase()) ?? null;
}
