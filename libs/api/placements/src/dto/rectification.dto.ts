import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NoteText, PageQuery, Trim } from '@oris/api/platform';
import { RECTIFICATION_MESSAGE_MAX_LENGTH, RECTIFICATION_STATUSES } from '@oris/shared/domain';
import type { RectificationStatus } from '@oris/shared/domain';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

/** A trainee asks staff to correct what is recorded about their situation. */
export class CreateRectificationRequestDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The situation to correct, one of the person’s own; left out for a missing one.',
  })
  @IsOptional()
  @IsUUID('all')
  placementId?: string;

  @ApiProperty({ maxLength: RECTIFICATION_MESSAGE_MAX_LENGTH, description: 'What is wrong.' })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(RECTIFICATION_MESSAGE_MAX_LENGTH)
  @NoteText()
  message!: string;
}

export class ResolveRectificationRequestDto {
  @ApiProperty({
    maxLength: RECTIFICATION_MESSAGE_MAX_LENGTH,
    description: 'The answer the person reads: what was corrected, or why not.',
  })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(RECTIFICATION_MESSAGE_MAX_LENGTH)
  @NoteText()
  answer!: string;
}

export class RectificationListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: RECTIFICATION_STATUSES })
  @IsOptional()
  @IsIn(RECTIFICATION_STATUSES)
  status?: RectificationStatus;
}

export class RectificationPersonDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  fullName!: string;

  @ApiProperty({ type: String, nullable: true })
  fullNameAr!: string | null;
}

export class RectificationRequestDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ type: RectificationPersonDto, description: 'Who asked.' })
  person!: RectificationPersonDto;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  placementId!: string | null;

  @ApiProperty()
  message!: string;

  @ApiProperty({ enum: RECTIFICATION_STATUSES })
  status!: RectificationStatus;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  resolvedAt!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The officer’s answer.' })
  answer!: string | null;
}
