import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery, ToBoolean, Trim } from '@oris/api/platform';
import {
  COURSE_STATUSES,
  COURSE_THEMES,
  DELIVERY_MODES,
  LOCALES,
  REGION_CODES,
} from '@oris/shared/domain';
import type { CourseStatus, CourseTheme, DeliveryMode, Locale } from '@oris/shared/domain';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

export class CourseListQuery extends PageQuery {
  @ApiPropertyOptional({
    maxLength: 100,
    description:
      'Words of the code, title or summary, or of a session’s title or venue. Accents, case, punctuation, spacing and Arabic diacritics and spelling variants are ignored; from 4 characters, a small typo is forgiven. Best matches first.',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({
    enum: REGION_CODES,
    description: 'Courses with a session in this region.',
  })
  @IsOptional()
  @IsIn(REGION_CODES)
  region?: string;

  @ApiPropertyOptional({ enum: COURSE_THEMES })
  @IsOptional()
  @IsIn(COURSE_THEMES)
  theme?: CourseTheme;

  @ApiPropertyOptional({ enum: DELIVERY_MODES })
  @IsOptional()
  @IsIn(DELIVERY_MODES)
  mode?: DeliveryMode;

  @ApiPropertyOptional({ enum: LOCALES, description: 'Courses given in this language.' })
  @IsOptional()
  @IsIn(LOCALES)
  language?: Locale;

  @ApiPropertyOptional({
    type: Boolean,
    description:
      'true: only courses with a session starting today or later (with `region`: there).',
  })
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  upcoming?: boolean;
}

/** The teaching lists (mine, and every course for administrators): any status, searchable. */
export class MyCoursesQuery extends PageQuery {
  @ApiPropertyOptional({
    maxLength: 100,
    description:
      'Words of the code, title or summary, or of a session’s title or venue. Accents, case, punctuation, spacing and Arabic diacritics and spelling variants are ignored; from 4 characters, a small typo is forgiven. Best matches first.',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: COURSE_STATUSES })
  @IsOptional()
  @IsIn(COURSE_STATUSES)
  status?: CourseStatus;
}
