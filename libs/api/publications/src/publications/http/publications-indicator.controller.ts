import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiPageResponse,
  ApiProblems,
  Page,
  RequestValidationException,
  Roles,
} from '@oris/api/platform';
import { todayInMorocco } from '@oris/shared/domain';
import type { YearIndicatorQuery } from '@oris/shared/domain';
import {
  PublicationCountedRecordDto,
  PublicationsIndicatorDto,
  PublicationsIndicatorQuery,
  PublicationsRecordsQuery,
} from '../dto/publications-indicator.dto';
import { PublicationsIndicator } from '../indicator/publications-indicator';

/**
 * `asOf` defaults to today, or to the day of `knownAt`; neither may be in the future, and
 * `knownAt` may not precede the `asOf` day (Morocco time).
 */
export function yearQueryOf(
  input: PublicationsIndicatorQuery,
  now = new Date(),
): YearIndicatorQuery {
  const today = todayInMorocco(now);
  const knownAt = input.knownAt === undefined ? now : new Date(input.knownAt);
  const asOf = input.asOf ?? (input.knownAt && knownAt <= now ? todayInMorocco(knownAt) : today);
  const errors = [];
  if (asOf > today) errors.push({ field: 'asOf', message: 'asOf cannot be in the future' });
  if (knownAt > now) errors.push({ field: 'knownAt', message: 'knownAt cannot be in the future' });
  else if (input.knownAt && todayInMorocco(knownAt) < asOf) {
    errors.push({
      field: 'knownAt',
      message: 'knownAt cannot be before the asOf day (Morocco time)',
    });
  }
  if (errors.length > 0) throw new RequestValidationException(errors);
  return { year: input.year, asOf, knownAt };
}

@ApiTags('indicators')
@ApiBearerAuth()
@Roles('admin', 'observatory_editor', 'partnership_officer', 'placement_officer')
@Controller({ path: 'indicators/publications', version: '1' })
export class PublicationsIndicatorController {
  constructor(private readonly indicator: PublicationsIndicator) {}

  @Get()
  @ApiOperation({
    summary: 'Indexed publications in a year (staff)',
    description:
      'The counting rule of OBSERVATORY.md, with companions (`orisPublications`, `shareIndexed`), breakdowns by ' +
      'index (rows do not sum to the total), type, language and open-access status, the ids counted and the ' +
      'definition in fr/ar/en.',
  })
  @ApiOkResponse({ type: PublicationsIndicatorDto })
  @ApiProblems(400, 401, 403)
  figures(@Query() query: PublicationsIndicatorQuery): Promise<PublicationsIndicatorDto> {
    return this.indicator.compute(yearQueryOf(query));
  }

  @Get('records')
  @ApiOperation({
    summary: 'The publications counted in the indicator (drill-down)',
    description:
      'Same question as the figures; a page of the counted records, title in `lang` when the work has one.',
  })
  @ApiPageResponse(PublicationCountedRecordDto)
  @ApiProblems(400, 401, 403)
  async records(
    @Query() query: PublicationsRecordsQuery,
  ): Promise<Page<PublicationCountedRecordDto>> {
    const figures = await this.indicator.compute(yearQueryOf(query));
    const start = (query.page - 1) * query.pageSize;
    const items = await this.indicator.describe(
      figures.counted.slice(start, start + query.pageSize),
      query.lang ?? 'fr',
    );
    return { items, total: figures.counted.length, page: query.page, pageSize: query.pageSize };
  }
}
