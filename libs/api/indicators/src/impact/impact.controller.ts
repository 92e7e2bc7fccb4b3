import {
  Body,
  Controller,
  Get,
  Header,
  Param,
  Post,
  Put,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import {
  ApiPageResponse,
  ApiProblems,
  type AuthenticatedUser,
  CurrentUser,
  type Page,
  Public,
  Roles,
} from '@oris/api/platform';
import type { CountedRecord } from '@oris/shared/domain';
import type { FastifyReply } from 'fastify';
import {
  CountedRecordDto,
  FreezeBody,
  ImpactDto,
  ImpactQuery,
  IndicatorParams,
  LiveRecordsQuery,
  RecordsParams,
  RecordsQuery,
  ReportDto,
  ReportExportQuery,
  ReportVersionDto,
  SetTargetBody,
  TargetDto,
  TargetParams,
  VersionParams,
  YearParams,
} from './impact.dto';
import { ImpactReports } from './impact-reports.service';
import { ImpactIndicators } from './impact.service';
import { PublicImpactDto } from './public-impact.dto';
import { PublicImpact } from './public-impact.service';
import { ReportExport } from './report-export.service';

const STAFF = ['admin', 'observatory_editor', 'partnership_officer', 'placement_officer'] as const;

@ApiTags('impact')
@ApiBearerAuth()
@Roles(...STAFF)
@Controller({ path: 'indicators', version: '1' })
export class ImpactController {
  constructor(private readonly impact: ImpactIndicators) {}

  @Get('impact')
  @ApiOperation({
    summary: 'The four impact indicators of a year with baseline, target and trend (staff)',
    description:
      'Each indicator’s figures from its source (value, companions, counted ids, definition ' +
      'with its version and the two dates), the target and baseline set for the year, the ' +
      'progress from baseline to target, and the values of the five years ending at `year`, ' +
      'each computed with the same `asOf` and `knownAt`. An indicator whose source is not ' +
      'wired here is `available: false`.',
  })
  @ApiOkResponse({ type: ImpactDto })
  @ApiProblems(400, 401, 403)
  figures(@Query() query: ImpactQuery): Promise<ImpactDto> {
    return this.impact.impact(query);
  }

  @Get('impact/records/:indicator')
  @ApiOperation({
    summary: 'The records behind an indicator’s figure of a year, computed now (staff)',
    description:
      'The ids the indicator’s source counts for `year` at `asOf` and `knownAt`, described by ' +
      'the source, a page at a time: the generic drill-down of every indicator. The persons ' +
      'behind the insertion figure are for placement officers and admins (403 ' +
      '`impact_person_records_restricted`); 404 `impact_source_not_available` without a source.',
  })
  @ApiPageResponse(CountedRecordDto)
  @ApiProblems(400, 401, 403, 404)
  records(
    @CurrentUser() user: AuthenticatedUser,
    @Param() params: IndicatorParams,
    @Query() query: LiveRecordsQuery,
  ): Promise<Page<CountedRecord>> {
    return this.impact.records(user, params.indicator, query);
  }

  @Put('targets/:indicator/:year')
  @Roles('admin')
  @ApiOperation({
    summary: 'Set the target and baseline of an indicator for a year (admin)',
    description:
      'The previous target is kept in the history (`GET` of the same path); recorded as an ' +
      'audit event `indicators.target_set` with the previous values.',
  })
  @ApiOkResponse({ type: TargetDto })
  @ApiProblems(400, 401, 403)
  setTarget(
    @CurrentUser() user: AuthenticatedUser,
    @Param() params: TargetParams,
    @Body() body: SetTargetBody,
  ): Promise<TargetDto> {
    return this.impact.setTarget(user, params.indicator, params.year, body);
  }

  @Get('targets/:indicator/:year')
  @ApiOperation({ summary: 'Every target set for an indicator and year, current first (staff)' })
  @ApiOkResponse({ type: [TargetDto] })
  @ApiProblems(400, 401, 403)
  targetHistory(@Param() params: TargetParams): Promise<TargetDto[]> {
    return this.impact.targetHistory(params.indicator, params.year);
  }
}

@ApiTags('impact')
@ApiBearerAuth()
@Roles(...STAFF)
@Controller({ path: 'reports', version: '1' })
export class ReportsController {
  constructor(
    private readonly reports: ImpactReports,
    private readonly exports: ReportExport,
  ) {}

  @Post(':year/freeze')
  @Roles('admin')
  @ApiOperation({
    summary: 'Freeze the yearly report of the four indicators (admin)',
    description:
      'Stores the four indicators’ figures, the ids counted behind each, the definitions’ ' +
      'versions, `asOf` (default today) and `knownAt` (this instant), who and when. Never ' +
      'overwritten: freezing a frozen year again is a restatement, the next version, which ' +
      'needs a `reason` and stores its differences from the version before (values, ids ' +
      'added and removed). Audited (`impact.report_frozen`, `impact.report_restated`).',
  })
  @ApiCreatedResponse({ type: ReportVersionDto })
  @ApiProblems(400, 401, 403)
  freeze(
    @CurrentUser() user: AuthenticatedUser,
    @Param() params: YearParams,
    @Body() body: FreezeBody,
  ): Promise<ReportVersionDto> {
    return this.reports.freeze(user, params.year, body);
  }

  @Get(':year')
  @ApiOperation({ summary: 'The frozen versions of a year, oldest first (staff)' })
  @ApiOkResponse({ type: ReportDto })
  @ApiProblems(400, 401, 403)
  report(@Param() params: YearParams): Promise<ReportDto> {
    return this.reports.report(params.year);
  }

  @Get(':year/versions/:v')
  @ApiOperation({ summary: 'One frozen version (staff)' })
  @ApiOkResponse({ type: ReportVersionDto })
  @ApiProblems(400, 401, 403, 404)
  version(@Param() params: VersionParams): Promise<ReportVersionDto> {
    return this.reports.version(params.year, params.v);
  }

  @Get(':year/versions/:v/records/:indicator')
  @ApiOperation({
    summary: 'The records behind a frozen figure (staff; persons: officers and admins)',
    description:
      'The ids the version counted, described now by the indicator’s source, in the order ' +
      'frozen, a page at a time. The persons behind the insertion figure are for placement ' +
      'officers and admins (403 `impact_person_records_restricted` for others); 404 ' +
      '`impact_source_not_available` when the indicator has no figure or no source here.',
  })
  @ApiPageResponse(CountedRecordDto)
  @ApiProblems(400, 401, 403, 404)
  records(
    @CurrentUser() user: AuthenticatedUser,
    @Param() params: RecordsParams,
    @Query() query: RecordsQuery,
  ): Promise<Page<CountedRecord>> {
    return this.reports.records(user, params.year, params.v, params.indicator, query);
  }

  @Get(':year/versions/:v/export')
  @ApiOperation({
    summary: 'A frozen version as PDF, CSV, XLSX or JSON (staff)',
    description:
      'In the language `lang` (fr by default; Arabic right to left). The same numbers in every ' +
      'format; JSON is the version as `GET` gives it. Recorded as an audit event ' +
      '(`impact.report_exported`).',
  })
  @ApiProduces('application/pdf', 'text/csv', 'application/json')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiProblems(400, 401, 403, 404)
  async export(
    @CurrentUser() user: AuthenticatedUser,
    @Param() params: VersionParams,
    @Query() query: ReportExportQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const file = await this.exports.file(user, params.year, params.v, query.format, query.lang);
    void reply.header('Content-Disposition', `attachment; filename="${file.fileName}"`);
    return new StreamableFile(file.bytes, { type: file.type, length: file.bytes.length });
  }
}

const OPEN_DATA =
  'Open data under the Creative Commons Attribution 4.0 licence (CC-BY-4.0): the figures of ' +
  'the frozen yearly reports only, the latest version of each year with its restatement flag; ' +
  'counts of persons under 5 hidden as on the public insertion figures; with the definitions, ' +
  'the licence, the source, the date and a data dictionary.';

@ApiTags('impact')
@Public()
@Controller({ path: 'public', version: '1' })
export class PublicImpactController {
  constructor(private readonly impact: PublicImpact) {}

  @Get('impact')
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOperation({
    summary: 'The four impact indicators by frozen year (anyone)',
    description: OPEN_DATA,
  })
  @ApiOkResponse({ type: PublicImpactDto })
  figures(): Promise<PublicImpactDto> {
    return this.impact.figures();
  }

  @Get('impact.json')
  @Header('Cache-Control', 'public, max-age=300')
  @Header('Content-Disposition', 'attachment; filename="oris-impact.json"')
  @ApiOperation({ summary: 'The same as an open data JSON file (anyone)', description: OPEN_DATA })
  @ApiOkResponse({ type: PublicImpactDto })
  json(): Promise<PublicImpactDto> {
    return this.impact.figures();
  }

  @Get('impact.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=300')
  @Header('Content-Disposition', 'attachment; filename="oris-impact.csv"')
  @ApiOperation({
    summary: 'The same as an open data CSV file (anyone)',
    description:
      `${OPEN_DATA} UTF-8 with a BOM, \`;\`-separated: the metadata, the dictionary, the ` +
      'figures one line per year, indicator and measure, then the definitions.',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ schema: { type: 'string' } })
  csv(): Promise<string> {
    return this.impact.csv();
  }
}
