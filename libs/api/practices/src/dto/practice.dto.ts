import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  LOCALES,
  PRACTICE_ATTACHMENT_KINDS,
  PRACTICE_EVIDENCE_LEVELS,
  PRACTICE_POPULATIONS,
  PRACTICE_STATUSES,
  PRACTICE_THEMES,
  REGION_CODES,
  type Locale,
  type PracticeAttachmentKind,
  type PracticeEvidenceLevel,
  type PracticePopulation,
  type PracticeResultFigure,
  type PracticeStatus,
  type PracticeTexts,
  type PracticeTheme,
  type RegionCode,
  type TextDiffOp,
} from '@oris/shared/domain';

const BY_LANGUAGE = { type: 'object', additionalProperties: { type: 'string' } } as const;
const TEXTS = {
  type: 'object',
  additionalProperties: { type: 'object', additionalProperties: { type: 'string' } },
  description: 'Per language (fr, ar, en), the text fields (title, summary, problem, …).',
} as const;

export class PracticeResultFigureOutDto implements PracticeResultFigure {
  @ApiProperty(BY_LANGUAGE)
  label!: Partial<Record<Locale, string>>;

  @ApiProperty()
  value!: number;

  @ApiProperty({ type: String, nullable: true })
  unit!: string | null;
}

export class PracticeLinksOutDto {
  @ApiProperty({ type: [String], format: 'uuid' })
  toolIds!: string[];

  @ApiProperty({ type: [String], format: 'uuid' })
  publicationIds!: string[];

  @ApiProperty({ type: [String], format: 'uuid' })
  courseIds!: string[];

  @ApiProperty({ type: [String], format: 'uuid' })
  partnershipIds!: string[];
}

export const PRACTICE_LINK_KINDS = ['tool', 'publication', 'course', 'partnership'] as const;
export type PracticeLinkKind = (typeof PRACTICE_LINK_KINDS)[number];

/**
 * A record the sheet links to, named: read with the sheet in one query rather than one request
 * per link. The public gets only the records it may read itself (a validated tool or
 * publication, a published course; never a partnership).
 */
export class PracticeLinkedItemDto {
  @ApiProperty({ enum: PRACTICE_LINK_KINDS })
  kind!: PracticeLinkKind;

  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ description: 'The title in the record’s original language.' })
  title!: string;

  @ApiProperty({
    ...BY_LANGUAGE,
    description: 'The title per language where the record has several (tools); else empty.',
  })
  titles!: Partial<Record<Locale, string>>;
}

/** A contact; the consent fields are for staff (the public sees consented contacts only). */
export class PracticeContactDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Staff only.' })
  id?: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ type: String, nullable: true })
  role!: string | null;

  @ApiProperty({ type: String, nullable: true })
  organisation!: string | null;

  @ApiProperty({ type: String, nullable: true })
  email!: string | null;

  @ApiProperty({ type: String, nullable: true })
  phone!: string | null;

  @ApiPropertyOptional({ description: 'Staff only: whether the consent to publish is recorded.' })
  consentGiven?: boolean;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  consentRecordedAt?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  consentRecordedBy?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  consentNote?: string | null;
}

export class PracticeAttachmentDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: PRACTICE_ATTACHMENT_KINDS })
  kind!: PracticeAttachmentKind;

  @ApiProperty()
  fileName!: string;

  @ApiProperty()
  mediaType!: string;

  @ApiProperty()
  size!: number;

  @ApiProperty()
  sha256!: string;

  @ApiProperty({ ...BY_LANGUAGE, description: 'Images: the alternative text per language.' })
  altText!: Partial<Record<Locale, string>>;

  @ApiProperty({ example: '/api/v1/practices/…/attachments/…' })
  downloadPath!: string;
}

export class PracticeAuthorDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  fullName!: string;
}

export class PracticeSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  slug!: string;

  @ApiProperty({
    enum: PRACTICE_STATUSES,
    description: 'The working status (staff); `published` for the public.',
  })
  status!: PracticeStatus;

  @ApiProperty({ description: 'The number of the version shown (the latest for staff).' })
  version!: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'The version the public reads; null when the sheet is not public.',
  })
  publishedVersion!: number | null;

  @ApiProperty({ enum: LOCALES })
  originalLanguage!: Locale;

  @ApiProperty({ enum: LOCALES, isArray: true, description: 'Languages present, original first.' })
  languages!: Locale[];

  @ApiProperty(BY_LANGUAGE)
  titles!: Partial<Record<Locale, string>>;

  @ApiProperty(BY_LANGUAGE)
  summaries!: Partial<Record<Locale, string>>;

  @ApiProperty({ enum: REGION_CODES, isArray: true })
  regions!: RegionCode[];

  @ApiProperty({ enum: PRACTICE_THEMES, isArray: true })
  themes!: PracticeTheme[];

  @ApiProperty({ enum: PRACTICE_POPULATIONS, isArray: true })
  populations!: PracticePopulation[];

  @ApiProperty({ enum: PRACTICE_EVIDENCE_LEVELS, nullable: true })
  evidenceLevel!: PracticeEvidenceLevel | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  publishedOn!: string | null;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class PracticeDto extends PracticeSummaryDto {
  @ApiProperty(TEXTS)
  texts!: Partial<Record<Locale, PracticeTexts>>;

  @ApiProperty({ enum: LOCALES, isArray: true, description: 'Languages that are translations.' })
  translatedLanguages!: Locale[];

  @ApiProperty({ type: Number, nullable: true })
  totalCostMad!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  costPerBeneficiaryMad!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  beneficiaries!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  startYear!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  endYear!: number | null;

  @ApiProperty({ type: [PracticeResultFigureOutDto] })
  resultFigures!: PracticeResultFigureOutDto[];

  @ApiProperty(BY_LANGUAGE)
  evidenceJustification!: Partial<Record<Locale, string>>;

  @ApiProperty({ type: [PracticeContactDto] })
  contacts!: PracticeContactDto[];

  @ApiProperty({ type: PracticeLinksOutDto })
  links!: PracticeLinksOutDto;

  @ApiProperty({ type: [PracticeAttachmentDto] })
  attachments!: PracticeAttachmentDto[];

  @ApiProperty({
    type: [PracticeLinkedItemDto],
    description:
      'The linked records the caller may read, named (staff: every link, partnerships included).',
  })
  linkedItems!: PracticeLinkedItemDto[];

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description:
      'Public view only: the published version as schema.org JSON-LD (a `CreativeWork`), for ' +
      'the page to embed as it is.',
  })
  jsonLd?: Record<string, unknown>;

  @ApiPropertyOptional({ type: [PracticeAuthorDto], description: 'Staff only.' })
  authors?: PracticeAuthorDto[];

  @ApiPropertyOptional({ description: 'Staff only: review comments not yet resolved.' })
  openComments?: number;

  @ApiPropertyOptional({
    description: 'Staff only: whether the caller may review and publish it (not an author).',
  })
  mayReview?: boolean;

  @ApiPropertyOptional({ format: 'date-time', description: 'Staff only.' })
  createdAt?: string;
}

export class PracticeVersionDto {
  @ApiProperty()
  number!: number;

  @ApiProperty({ enum: PRACTICE_STATUSES })
  status!: PracticeStatus;

  @ApiProperty({
    example: 'updated',
    description:
      'created, updated, submitted, returned, assessed, published, archived, reopened, attachment_added',
  })
  action!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  authorId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  authorName!: string | null;

  @ApiProperty({ format: 'date-time' })
  recordedAt!: string;

  @ApiProperty({ description: 'Whether this is the version the public reads.' })
  public!: boolean;
}

export class TextDiffSegmentDto {
  @ApiProperty({ enum: ['equal', 'insert', 'delete'] })
  op!: TextDiffOp;

  @ApiProperty()
  text!: string;
}

export class PracticeFieldChangeDto {
  @ApiProperty({ example: 'summary' })
  field!: string;

  @ApiProperty({ enum: LOCALES, nullable: true })
  language!: Locale | null;

  @ApiProperty()
  before!: string;

  @ApiProperty()
  after!: string;

  @ApiProperty({ type: [TextDiffSegmentDto] })
  segments!: TextDiffSegmentDto[];
}

export class PracticeDiffDto {
  @ApiProperty({ description: 'The version compared with.' })
  from!: number;

  @ApiProperty({ description: 'The version asked for.' })
  to!: number;

  @ApiProperty({ type: [PracticeFieldChangeDto] })
  changes!: PracticeFieldChangeDto[];
}

export class PracticeCommentDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  field!: string;

  @ApiProperty({ enum: LOCALES, nullable: true })
  language!: Locale | null;

  @ApiProperty()
  body!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  authorId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  authorName!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  resolvedAt!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  resolvedBy!: string | null;
}
