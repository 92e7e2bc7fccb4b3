import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  CATALOGUE_LIMITS as LIMITS,
  COURSE_CODE_PATTERN,
  COURSE_THEMES,
  DELIVERY_MODES,
  LOCALES,
} from '@oris/shared/domain';
import type { CourseTheme, DeliveryMode, Locale } from '@oris/shared/domain';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNotEmptyObject,
  IsObject,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsOmittable, Trim } from '@oris/api/platform';

export class CompletionRuleDto {
  @ApiProperty({ description: 'Every required published module must be done.' })
  @IsBoolean()
  requiredModules!: boolean;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    maximum: 100,
    nullable: true,
    description:
      'Minimum attendance, in percent of the meetings, where attendance is taken; null for none.',
  })
  @ValidateIf((_object, value) => value !== null)
  @IsInt()
  @Min(0)
  @Max(100)
  minAttendancePercent!: number | null;

  @ApiProperty({ description: 'A trainer of the session must validate the completion.' })
  @IsBoolean()
  trainerValidation!: boolean;
}

export class CreateCourseDto {
  @ApiProperty({
    example: 'SI-101',
    maxLength: LIMITS.codeMaxLength,
    pattern: COURSE_CODE_PATTERN.source,
    description: 'Unique; capitals, digits and dashes (lower case is raised).',
  })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @IsString()
  @MaxLength(LIMITS.codeMaxLength)
  @Matches(COURSE_CODE_PATTERN, {
    message: 'code must be capitals and digits in dash-separated groups, e.g. SI-101',
  })
  code!: string;

  @ApiProperty({
    example: 'Entrepreneuriat social : du projet à l’entreprise',
    maxLength: LIMITS.titleMaxLength,
  })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.titleMaxLength)
  title!: string;

  @ApiProperty({
    maxLength: LIMITS.summaryMaxLength,
    description: 'One or two sentences for the catalogue.',
  })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.summaryMaxLength)
  summary!: string;

  @ApiPropertyOptional({
    default: '',
    maxLength: LIMITS.descriptionMaxLength,
    description: 'Markdown.',
  })
  @IsOmittable()
  @IsString()
  @MaxLength(LIMITS.descriptionMaxLength)
  description?: string;

  @ApiProperty({ enum: COURSE_THEMES })
  @IsIn(COURSE_THEMES)
  theme!: CourseTheme;

  @ApiProperty({ enum: LOCALES, isArray: true, minItems: 1, maxItems: 3, example: ['fr'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  @ArrayUnique()
  @IsIn(LOCALES, { each: true })
  languages!: Locale[];

  @ApiProperty({ enum: DELIVERY_MODES })
  @IsIn(DELIVERY_MODES)
  deliveryMode!: DeliveryMode;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: LIMITS.durationHoursMax, example: 24 })
  @IsInt()
  @Min(1)
  @Max(LIMITS.durationHoursMax)
  durationHours!: number;

  @ApiPropertyOptional({
    type: [String],
    maxItems: LIMITS.learningOutcomesMax,
    default: [],
    description: `Each at most ${LIMITS.learningOutcomeMaxLength} characters.`,
  })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(LIMITS.learningOutcomesMax)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(LIMITS.learningOutcomeMaxLength, { each: true })
  learningOutcomes?: string[];

  @ApiPropertyOptional({
    type: CompletionRuleDto,
    description:
      'Defaults to { requiredModules: true, minAttendancePercent: null, trainerValidation: false }.',
  })
  @IsOmittable()
  @IsObject()
  @IsNotEmptyObject()
  @ValidateNested()
  @Type(() => CompletionRuleDto)
  completionRule?: CompletionRuleDto;

  @ApiPropertyOptional({
    default: false,
    description:
      'Whether the session trainers see each enrollee’s baseline (situation and education level ' +
      'at enrollment). Off by default (law 09-08 minimisation): turn it on only when the ' +
      'teaching needs it. Administrators and placement officers always see it.',
  })
  @IsOmittable()
  @IsBoolean()
  baselineVisibleToTrainers?: boolean;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: LIMITS.trainersMax,
    description:
      'Administrators only: the trainers who own the course. A trainer who creates a course owns it.',
  })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(LIMITS.trainersMax)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  ownerIds?: string[];
}

/** Any subset of the fields; null is refused (nothing here can be cleared). */
export class UpdateCourseDto extends PartialType(CreateCourseDto, { skipNullProperties: false }) {}

/** A new edition of a course: its code, and a title when it should differ from the original's. */
export class DuplicateCourseDto {
  @ApiProperty({
    example: 'SI-101-2027',
    maxLength: LIMITS.codeMaxLength,
    pattern: COURSE_CODE_PATTERN.source,
    description: 'The copy’s code: unique (409 `course_code_taken`); lower case is raised.',
  })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @IsString()
  @MaxLength(LIMITS.codeMaxLength)
  @Matches(COURSE_CODE_PATTERN, {
    message: 'code must be capitals and digits in dash-separated groups, e.g. SI-101',
  })
  code!: string;

  @ApiPropertyOptional({
    maxLength: LIMITS.titleMaxLength,
    description: 'The original’s if left out.',
  })
  @IsOmittable()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.titleMaxLength)
  title?: string;
}
