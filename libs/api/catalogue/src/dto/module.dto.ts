import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { CATALOGUE_LIMITS as LIMITS, MODULE_STATUSES } from '@oris/shared/domain';
import type { ModuleStatus } from '@oris/shared/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsInt,
  IsNotEmpty,
  IsString,
  IsUrl,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsOmittable, Trim } from '@oris/api/platform';

export class ResourceLinkDto {
  @ApiProperty({
    maxLength: LIMITS.titleMaxLength,
    example: 'Guide de l’économie sociale et solidaire',
  })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.titleMaxLength)
  title!: string;

  @ApiProperty({
    maxLength: LIMITS.urlMaxLength,
    example: 'https://www.oris.example/guide.pdf',
    description: 'http or https.',
  })
  @Trim()
  @IsString()
  @MaxLength(LIMITS.urlMaxLength)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: true })
  url!: string;
}

export class CreateModuleDto {
  @ApiProperty({
    maxLength: LIMITS.titleMaxLength,
    example: 'Qu’est-ce qu’une entreprise sociale ?',
  })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.titleMaxLength)
  title!: string;

  @ApiPropertyOptional({
    default: '',
    maxLength: LIMITS.moduleContentMaxLength,
    description: 'Markdown. Raw HTML is shown as text; links may be http, https or mailto.',
  })
  @IsOmittable()
  @IsString()
  @MaxLength(LIMITS.moduleContentMaxLength)
  content?: string;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: LIMITS.estimatedMinutesMax, example: 45 })
  @IsInt()
  @Min(1)
  @Max(LIMITS.estimatedMinutesMax)
  estimatedMinutes!: number;

  @ApiPropertyOptional({
    type: ResourceLinkDto,
    isArray: true,
    maxItems: LIMITS.resourcesMax,
    default: [],
  })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(LIMITS.resourcesMax)
  @ValidateNested({ each: true })
  @Type(() => ResourceLinkDto)
  resources?: ResourceLinkDto[];

  @ApiPropertyOptional({ default: true, description: 'Counts toward completion when required.' })
  @IsOmittable()
  @IsBoolean()
  required?: boolean;
}

/** Any subset of the fields; null is refused. */
export class UpdateModuleDto extends PartialType(CreateModuleDto, { skipNullProperties: false }) {}

export class ReorderModulesDto {
  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: 'Every module of the course, each once, in the new order.',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  moduleIds!: string[];
}

export class ModuleDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  courseId!: string;

  @ApiProperty({ type: 'integer', minimum: 1 })
  position!: number;

  @ApiProperty()
  title!: string;

  @ApiProperty({ description: 'Markdown as written.' })
  content!: string;

  @ApiProperty({ description: 'The content rendered to sanitised HTML, safe to insert.' })
  contentHtml!: string;

  @ApiProperty({ type: 'integer' })
  estimatedMinutes!: number;

  @ApiProperty({ type: ResourceLinkDto, isArray: true })
  resources!: ResourceLinkDto[];

  @ApiProperty()
  required!: boolean;

  @ApiProperty({ enum: MODULE_STATUSES })
  status!: ModuleStatus;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  publishedAt!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}
