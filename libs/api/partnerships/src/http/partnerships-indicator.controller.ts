import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPageResponse, ApiProblems, Page, Roles } from '@oris/api/platform';
import {
  CountedRecordDto,
  PartnershipsIndicatorDto,
  PartnershipsIndicatorQuery,
  PartnershipsRecordsQuery,
} from '../dto/partnerships-indicator.dto';
import { PartnershipsIndicator, yearQueryOf } from '../indicator/partnerships-indicator';

@ApiTags('indicators')
@ApiBearerAuth()
@Roles('admin', 'observatory_editor', 'partnership_officer', 'placement_officer')
@Controller({ path: 'indicators/partnerships', version: '1' })
export class PartnershipsIndicatorController {
  constructor(private readonly indicator: PartnershipsIndicator) {}

  @Get()
  @ApiOperation({
    summary: 'Partnerships in year Y: families in force, new ones, partners (staff)',
    description:
      'OBSERVATORY.md “Partnerships in year Y”; the definition comes with the figures. `asOf` (a day, not in the future) is applied to the facts’ own dates; `knownAt` (an instant) keeps only what was recorded by then.',
  })
  @ApiOkResponse({ type: PartnershipsIndicatorDto })
  @ApiProblems(400, 401, 403)
  async figures(@Query() query: PartnershipsIndicatorQuery): Promise<PartnershipsIndicatorDto> {
    return (await this.indicator.compute(yearQueryOf(query))) as PartnershipsIndicatorDto;
  }

  @Get('records')
  @ApiOperation({
    summary: 'The families counted in year Y (staff)',
    description: 'Each counted family’s head: title, last required signature, staff page.',
  })
  @ApiPageResponse(CountedRecordDto)
  @ApiProblems(400, 401, 403)
  async records(@Query() query: PartnershipsRecordsQuery): Promise<Page<CountedRecordDto>> {
    const figures = await this.indicator.compute(yearQueryOf(query));
    const start = (query.page - 1) * query.pageSize;
    const items = await this.indicator.describe(
      figures.counted.slice(start, start + query.pageSize),
      query.lang ?? 'fr',
    );
    return { items, total: figures.counted.length, page: query.page, pageSize: query.pageSize };
  }
}
