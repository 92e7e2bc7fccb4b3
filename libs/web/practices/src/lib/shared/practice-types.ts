import type { components, paths } from '@oris/shared/api-client';
import type { Locale, PracticeTextField, PracticeTexts } from '@oris/shared/domain';

type Schemas = components['schemas'];

/** A sheet: its working state for editors, its last published version for anyone else. */
export type Practice = Schemas['PracticeDto'];
export type PracticeSummary = Schemas['PracticeSummaryDto'];
export type PracticeContact = Schemas['PracticeContactDto'];
export type PracticeAttachment = Schemas['PracticeAttachmentDto'];
export type PracticeComment = Schemas['PracticeCommentDto'];
export type PracticeVersion = Schemas['PracticeVersionDto'];
export type PracticeDiff = Schemas['PracticeDiffDto'];
export type FieldChange = Schemas['PracticeFieldChangeDto'];
export type PracticeInput = Schemas['CreatePracticeDto'];
export type PracticeChange = Schemas['UpdatePracticeDto'];
export type ReviewInput = Schemas['PracticeReviewDto'];
export type CommentInput = Schemas['CreatePracticeCommentDto'];
export type AttachmentQuery = NonNullable<
  paths['/api/v1/practices/{id}/attachments']['post']['parameters']['query']
>;
export type PracticeQuery = NonNullable<paths['/api/v1/practices']['get']['parameters']['query']>;

export type Texts = Partial<Record<Locale, string>>;

export type LinkKind = 'tool' | 'publication' | 'course' | 'partnership';
export const LINK_KINDS: readonly LinkKind[] = ['tool', 'publication', 'course', 'partnership'];
/** Which id list of the sheet's `links` holds each kind. */
export const LINK_FIELDS = {
  tool: 'toolIds',
  publication: 'publicationIds',
  course: 'courseIds',
  partnership: 'partnershipIds',
} as const;

export interface LinkOption {
  id: string;
  title: string;
}

/** A linked item named in the reader's language (tool, publication, course, partnership). */
export interface PracticeLinkedItem extends LinkOption {
  kind: LinkKind;
}

/**
 * The linked items the API named with the sheet (only those the reader may read), each titled in
 * the reader's language where the record has one, else in its original language.
 */
export const namedLinks = (
  sheet: Pick<Practice, 'linkedItems'>,
  lang: Locale,
): PracticeLinkedItem[] =>
  sheet.linkedItems.map((item) => ({
    kind: item.kind,
    id: item.id,
    title: (item.titles as Texts)[lang] ?? item.title,
  }));

/** The sheet's texts, typed by language and field (the API's schema says only "strings"). */
export const textsOf = (sheet: { texts?: object }) =>
  (sheet.texts ?? {}) as Partial<Record<Locale, PracticeTexts>>;

/** The text in the reader's language when written, else in the original language. */
export function inLanguage(
  texts: Texts,
  lang: Locale,
  original: Locale,
): { text: string; lang: Locale } | null {
  const own = texts[lang]?.trim();
  if (own) return { text: own, lang };
  const fallback = texts[original]?.trim();
  return fallback ? { text: fallback, lang: original } : null;
}

/** A text field of one language of a sheet. */
export const textOf = (
  practice: Pick<Practice, 'texts'>,
  language: Locale,
  field: PracticeTextField,
) => textsOf(practice)[language]?.[field]?.trim() ?? '';
