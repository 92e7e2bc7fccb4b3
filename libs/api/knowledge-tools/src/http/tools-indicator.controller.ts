import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiPageResponse,
  ApiProblems,
  pageOf,
  RequestValidationException,
  Roles,
  type Page,
} from '@oris/api/platform';
import { dayInMorocco, todayInMorocco, type YearIndicatorQuery } from '@oris/shared/domain';
import {
  CountedRecordDto,
  ToolsIndicatorDto,
  ToolsIndicatorQuery,
  ToolsRecordsQuery,
} from '../dto/tools-indicator.dto';
import { KnowledgeToolsIndicator } from '../indicator/knowledge-tools-indicator';

/** Resolves the two dates: `knownAt` now by default, `asOf` today (or the day of `knownAt`). */
export function yearQueryOf(query: ToolsIndicatorQuery, now = new Date()): YearIndicatorQuery {
  const knownAt = query.knownAt ? new Date(query.knownAt) : now;
  if (knownAt.getTime() > now.getTime()) {
    throw new RequestValidationException([
      { field: 'knownAt', message: 'knownAt must not be in the future' },
    ]);
  }
  const asOf = query.asOf ?? (query.knownAt ? dayInMorocco(knownAt) : todayInMorocco(now));
  if (asOf > todayInMorocco(now)) {
    throw new RequestValidationException([
      { field: 'asOf', message: 'asOf must not be in the future' },
    ]);
  }
  return { year: query.year, asOf, knownAt };
}

@ApiTags('indicators')
@ApiBearerAuth()
@Roles('admin', 'observatory_editor', 'partnership_officer', 'placement_officer')
@Controller({ path: 'indicators/tools', version: '1' })
export class ToolsIndicatorController {
  constructor(private readonly indicator: KnowledgeToolsIndicator) {}

  @Get()
  @ApiOperation({
    summary: 'Knowledge tools created in a year, with its companion and breakdowns (staff)',
    description:
      'OBSERVATORY.md’s rule, stated in `definition` (fr, ar, en). `asOf` applies to release ' +
      'dates; `knownAt` keeps only what was recorded and validated by then. Companion ' +
      '`available_on_as_of`. Breakdowns by `kind`, `purpose`, `role`, `language` (of the first ' +
      'version); each dimension sums to the value.',
  })
  @ApiOkResponse({ type: ToolsIndicatorDto })
  @ApiProblems(400, 401, 403)
  figures(@Query() query: ToolsIndicatorQuery): Promise<ToolsIndicatorDto> {
    return this.indicator.compute(yearQueryOf(query));
  }

  @Get('records')
  @ApiOperation({
    summary: 'The tools counted in the value, for the drill-down (staff)',
    description: 'Titles in `lang` where the tool has one, else in its original language.',
  })
  @ApiPageResponse(CountedRecordDto)
  @ApiProblems(400, 401, 403)
  async records(@Query() query: ToolsRecordsQuery): Promise<Page<CountedRecordDto>> {
    const figures = await this.indicator.compute(yearQueryOf(query));
    const ids = figures.counted.slice(query.skip, query.skip + query.pageSize);
    const records = await this.indicator.describe(ids, query.lang ?? 'fr');
    const order = new Map(ids.map((id, index) => [id, index]));
    records.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
    return pageOf(records, figures.counted.length, query);
  }
}
