import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { HasNoControlCharacters, IsOmittable, NoteText, Trim } from '@oris/api/platform';
import { ANNOUNCEMENT_BODY_MAX, ANNOUNCEMENT_TITLE_MAX } from '@oris/shared/domain';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class CreateAnnouncementDto {
  @ApiProperty({ maxLength: ANNOUNCEMENT_TITLE_MAX })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(ANNOUNCEMENT_TITLE_MAX)
  @HasNoControlCharacters()
  title!: string;

  @ApiProperty({
    maxLength: ANNOUNCEMENT_BODY_MAX,
    description:
      'Limited Markdown (as module content): shown sanitised; raw HTML is shown as text.',
  })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(ANNOUNCEMENT_BODY_MAX)
  @NoteText()
  body!: string;

  @ApiPropertyOptional({
    default: true,
    description: 'Also email each trainee (in their language), except those who muted the session.',
  })
  @IsOptional()
  @IsBoolean()
  byEmail?: boolean;
}

export class UpdateAnnouncementDto {
  @ApiPropertyOptional({ maxLength: ANNOUNCEMENT_TITLE_MAX })
  @IsOmittable()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(ANNOUNCEMENT_TITLE_MAX)
  @HasNoControlCharacters()
  title?: string;

  @ApiPropertyOptional({ maxLength: ANNOUNCEMENT_BODY_MAX })
  @IsOmittable()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(ANNOUNCEMENT_BODY_MAX)
  @NoteText()
  body?: string;
}

export class AnnouncementDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  sessionId!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ description: 'The Markdown as written (for editing).' })
  body!: string;

  @ApiProperty({ description: 'The body rendered and sanitised.' })
  bodyHtml!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The author’s name; null once erased.',
  })
  authorName!: string | null;

  @ApiProperty()
  byEmail!: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When it was last edited: readers see an “edited” mark.',
  })
  editedAt!: string | null;
}

export class AnnouncementEmailPreferenceDto {
  @ApiProperty({ description: 'True: this session’s announcements reach me in the app only.' })
  @IsBoolean()
  muted!: boolean;
}

export class UnsubscribeDto {
  @ApiProperty({ description: 'The token of the emailed link.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  token!: string;
}

export class UnsubscribedDto {
  @ApiProperty({ format: 'uuid' })
  sessionId!: string;

  @ApiProperty()
  sessionTitle!: string;

  @ApiProperty()
  courseTitle!: string;
}

export class MutedSessionsDto {
  @ApiProperty({ type: String, format: 'uuid', isArray: true })
  sessionIds!: string[];
}
