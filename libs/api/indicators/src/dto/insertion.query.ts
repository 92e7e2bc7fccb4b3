import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateOnly, IsDateTime } from '@oris/api/catalogue';
import {
  FOLLOWUP_HORIZONS,
  type FollowupHorizon,
  LOCALES,
  REGION_CODES,
} from '@oris/shared/domain';
import type { Locale, RegionCode } from '@oris/shared/domain';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { GROUP_BYS, type GroupBy } from '../engine/insertion-query';

/** Query strings carry text: a horizon is one of 6, 9, 12. */
const ToInteger = () =>
  Transform(({ value }) =>
    typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value,
  );

export class InsertionIndicatorQuery {
  @ApiPropertyOptional({
    format: 'date',
    description: 'First completion date of the period (default: no lower bound).',
  })
  @IsOptional()
  @IsDateOnly()
  from?: string;

  @ApiPropertyOptional({
    format: 'date',
    description: 'Last completion date of the period (default and latest: `asOf`).',
  })
  @IsOptional()
  @IsDateOnly()
  to?: string;

  @ApiPropertyOptional({ enum: FOLLOWUP_HORIZONS, default: 9, description: 'Horizon N in months.' })
  @IsOptional()
  @ToInteger()
  @IsIn(FOLLOWUP_HORIZONS)
  months?: FollowupHorizon;

  @ApiPropertyOptional({
    format: 'date',
    description:
      'Reference day, not in the future (default: today in Morocco, or the day of `knownAt`). It applies to the ' +
      'facts’ own dates — completion, situation start and end, revocation — whenever they were recorded: a past ' +
      'cohort recorded today counts on its real dates. Validations and follow-up answers are knowledge, limited by ' +
      '`knownAt` only.',
  })
  @IsOptional()
  @IsDateOnly()
  asOf?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    example: '2026-07-01T09:00:00+01:00',
    description:
      'Instant of knowledge (default: now): only what was recorded and validated by then counts — completions ' +
      'validated, placement versions current and validated then, revocations made and follow-ups answered by ' +
      'then — to reproduce a report as it was produced. Not in the future, nor before the `asOf` day (Morocco ' +
      'time); with a time zone (`Z` or an offset, `+` encoded as `%2B` in a URL).',
  })
  @IsOptional()
  @IsDateTime()
  knownAt?: string;

  @ApiPropertyOptional({
    enum: REGION_CODES,
    description: 'Region at enrollment of the person’s reference training.',
  })
  @IsOptional()
  @IsIn(REGION_CODES)
  region?: RegionCode;

  @ApiPropertyOptional({ format: 'uuid', description: 'Course of the reference training.' })
  @IsOptional()
  @IsUUID('all')
  course?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Session of the reference training.' })
  @IsOptional()
  @IsUUID('all')
  session?: string;

  @ApiPropertyOptional({ enum: GROUP_BYS, description: 'Breakdown; none by default.' })
  @IsOptional()
  @IsIn(GROUP_BYS)
  groupBy?: GroupBy;
}

/** An export's query: the figures' filters, and the language of its labels. */
export class InsertionExportQuery extends InsertionIndicatorQuery {
  @ApiPropertyOptional({
    enum: LOCALES,
    default: 'fr',
    description:
      'Language of the file’s labels (title, filters, columns, group names, region names); ' +
      'the codes stay in a column of their own.',
  })
  @IsOptional()
  @IsIn(LOCALES)
  lang?: Locale;
}
