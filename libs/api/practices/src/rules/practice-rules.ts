import type { AuthenticatedUser } from '@oris/api/platform';
import {
  PRACTICE_REQUIRED_FIELDS,
  sniffMediaType,
  type PracticeAttachmentKind,
  type PracticeSnapshot,
  type PracticeTextField,
  type Role,
} from '@oris/shared/domain';

/** Who keeps the library; everyone else (and visitors) reads its published sheets only. */
export const PRACTICE_WRITERS = ['observatory_editor', 'admin'] as const satisfies Role[];

export const isPracticeStaff = (user: Pick<AuthenticatedUser, 'roles'> | null): boolean =>
  !!user && user.roles.some((role) => (PRACTICE_WRITERS as readonly Role[]).includes(role));

/**
 * The reviewer is an editor (or an administrator) who did not write the sheet: whoever wrote a
 * version of it is one of its authors and may not judge its evidence nor publish it.
 */
export const mayReview = (
  user: Pick<AuthenticatedUser, 'id' | 'roles'>,
  authorIds: readonly string[],
): boolean => isPracticeStaff(user) && !authorIds.includes(user.id);

/** The required fields that are empty in the sheet's original language. */
export function missingRequiredFields(snapshot: PracticeSnapshot): PracticeTextField[] {
  const original = snapshot.texts[snapshot.originalLanguage] ?? {};
  return PRACTICE_REQUIRED_FIELDS.filter((field) => !original[field]?.trim());
}

/** What still stops a publish: the evidence level and its justification in the original. */
export function evidenceProblem(snapshot: PracticeSnapshot): string | null {
  if (snapshot.evidenceLevel === null) return 'The reviewer has not set the evidence level.';
  if (!snapshot.evidenceJustification[snapshot.originalLanguage]?.trim()) {
    return `The evidence level needs its justification in the original language (${snapshot.originalLanguage}).`;
  }
  return null;
}

/**
 * A URL slug from a title: Latin letters without accents, digits and hyphens. A title with no
 * Latin letter (an Arabic original) gives `pratique`; the caller makes the slug unique.
 */
export function slugOf(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[œ]/g, 'oe')
    .replace(/[æ]/g, 'ae')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug || 'pratique';
}

interface FileType {
  extension: string;
  kinds: readonly PracticeAttachmentKind[];
}

/**
 * The files a sheet accepts, by media type; an upload's declared type must be the one its content
 * has (`sniffMediaType`), not only the one the client names.
 */
export const PRACTICE_FILE_TYPES: Readonly<Record<string, FileType>> = {
  'application/pdf': { extension: 'pdf', kinds: ['attachment'] },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    extension: 'docx',
    kinds: ['attachment'],
  },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
    extension: 'xlsx',
    kinds: ['attachment'],
  },
  'image/png': { extension: 'png', kinds: ['image', 'attachment'] },
  'image/jpeg': { extension: 'jpg', kinds: ['image', 'attachment'] },
  'image/webp': { extension: 'webp', kinds: ['image', 'attachment'] },
};

/** Per kind: images are shown on the page, attachments downloaded. */
export const PRACTICE_FILE_MAX_BYTES: Readonly<Record<PracticeAttachmentKind, number>> = {
  attachment: 10 * 1024 * 1024,
  image: 5 * 1024 * 1024,
};

export type UploadProblem = 'empty' | 'too_large' | 'unsupported';

/** Why an upload of `kind` is refused, or null when it is accepted. */
export function uploadProblem(
  kind: PracticeAttachmentKind,
  mediaType: string,
  bytes: Buffer,
): UploadProblem | null {
  if (bytes.length === 0) return 'empty';
  if (bytes.length > PRACTICE_FILE_MAX_BYTES[kind]) return 'too_large';
  const type = PRACTICE_FILE_TYPES[mediaType];
  if (!type || !type.kinds.includes(kind)) return 'unsupported';
  if (sniffMediaType(bytes)?.mediaType !== mediaType) return 'unsupported';
  return null;
}
