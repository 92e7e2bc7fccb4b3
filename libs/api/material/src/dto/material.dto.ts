import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { HasNoControlCharacters, IsOmittable, Trim } from '@oris/api/platform';
import { MATERIAL_KINDS, VIDEO_HOSTS } from '@oris/shared/domain';
import type { MaterialKind, VideoHost } from '@oris/shared/domain';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsNotEmpty,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';

const TITLE_MAX = 200;

/** Each language's title is optional; a missing one falls back to the file name in the web app. */
export class MaterialTitlesDto {
  @ApiPropertyOptional({ maxLength: TITLE_MAX, example: 'Guide du porteur de projet' })
  @IsOmittable()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(TITLE_MAX)
  @HasNoControlCharacters()
  fr?: string;

  @ApiPropertyOptional({ maxLength: TITLE_MAX })
  @IsOmittable()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(TITLE_MAX)
  @HasNoControlCharacters()
  ar?: string;

  @ApiPropertyOptional({ maxLength: TITLE_MAX })
  @IsOmittable()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(TITLE_MAX)
  @HasNoControlCharacters()
  en?: string;
}

export class AddVideoLinkDto {
  @ApiProperty({
    example: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    maxLength: 2000,
    description:
      'A YouTube, Vimeo or Dailymotion address (page, short or embed form). Only the host and ' +
      'the video’s id are kept (422 `unknown_video_link` for anything else).',
  })
  @IsString()
  @MaxLength(2000)
  url!: string;

  @ApiPropertyOptional({ type: MaterialTitlesDto })
  @IsOmittable()
  @ValidateNested()
  @Type(() => MaterialTitlesDto)
  titles?: MaterialTitlesDto;
}

export class UpdateMaterialDto {
  @ApiProperty({ type: MaterialTitlesDto, description: 'Replaces the titles (send all of them).' })
  @ValidateNested()
  @Type(() => MaterialTitlesDto)
  titles!: MaterialTitlesDto;
}

export class ReorderMaterialDto {
  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: 'Every piece of the module’s material, each once, in the new order.',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  materialIds!: string[];
}

export class UploadMaterialQuery {
  @ApiProperty({ example: 'guide.pdf', description: 'The file name offered to downloaders.' })
  @Trim()
  @Matches(/^[^\\/\p{Cc}\p{Cf}"]{1,200}$/u, {
    message: 'fileName must be a plain file name of at most 200 characters',
  })
  fileName!: string;

  @ApiPropertyOptional({ maxLength: TITLE_MAX })
  @IsOmittable()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(TITLE_MAX)
  @HasNoControlCharacters()
  titleFr?: string;

  @ApiPropertyOptional({ maxLength: TITLE_MAX })
  @IsOmittable()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(TITLE_MAX)
  @HasNoControlCharacters()
  titleAr?: string;

  @ApiPropertyOptional({ maxLength: TITLE_MAX })
  @IsOmittable()
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(TITLE_MAX)
  @HasNoControlCharacters()
  titleEn?: string;
}

export class MaterialFileDto {
  @ApiProperty({ example: 'guide.pdf' })
  name!: string;

  @ApiProperty({ type: 'integer', description: 'Bytes.' })
  size!: number;

  @ApiProperty({ example: 'application/pdf', description: 'Read from the content at upload.' })
  mediaType!: string;

  @ApiProperty({ description: 'SHA-256 of the bytes (hex); the download’s ETag.' })
  sha256!: string;

  @ApiProperty({
    description:
      'Where the browser fetches it (`<a>`, `<img>`, `<video>`, `<audio>`): a same-origin path ' +
      'carrying a signed, short-lived token for the caller, so media elements can stream it ' +
      'with range requests without an Authorization header.',
  })
  url!: string;
}

export class MaterialVideoDto {
  @ApiProperty({ enum: VIDEO_HOSTS })
  host!: VideoHost;

  @ApiProperty({ example: 'dQw4w9WgXcQ' })
  videoId!: string;

  @ApiProperty({
    description: 'The privacy-friendly player (youtube-nocookie, Vimeo with dnt=1, Dailymotion).',
  })
  embedUrl!: string;

  @ApiProperty({ description: 'The video’s page at its host.' })
  pageUrl!: string;
}

export class MaterialDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  moduleId!: string;

  @ApiProperty({ type: 'integer', minimum: 1 })
  position!: number;

  @ApiProperty({ enum: MATERIAL_KINDS })
  kind!: MaterialKind;

  @ApiProperty({ type: MaterialTitlesDto })
  titles!: MaterialTitlesDto;

  @ApiProperty({ type: MaterialFileDto, nullable: true })
  file!: MaterialFileDto | null;

  @ApiProperty({ type: MaterialVideoDto, nullable: true })
  video!: MaterialVideoDto | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}
