import { Controller, Get, Header, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiProblems, AuthenticatedUser, CurrentUser, Public, Roles } from '@oris/api/platform';
import { InsertionIndicatorDto } from '../dto/insertion.dto';
import { InsertionExportQuery, InsertionIndicatorQuery } from '../dto/insertion.query';
import { PublicIndicatorsDto } from '../dto/public-indicators.dto';
import { InsertionIndicators } from '../engine/insertion-indicators.service';
import { InsertionExport } from '../export/insertion-export.service';
import { XLSX_TYPE } from '../export/insertion-xlsx';
import { PublicReleases } from '../public/public-releases.service';

const DESCRIPTION =
  'Persons, not enrollments, as PRODUCT.md defines them; the definition comes with the figures. ' +
  'Filters (`region`, `course`, `session`) and breakdowns apply to each person’s reference ' +
  'training, so the group of a breakdown and the same filter give the same figures. ' +
  'Two dates: `asOf` (a day, not in the future) is applied to the facts’ own dates, whenever they ' +
  'were recorded; `knownAt` (an instant) keeps only what was recorded and validated by then, to ' +
  'reproduce a report as it was produced. The default (today, everything recorded) reads the ' +
  'rollup the worker keeps (see `freshness`); a past `asOf` or a `knownAt` is computed live. ' +
  'Empty figures come with `notes` saying why.';

@ApiTags('indicators')
@ApiBearerAuth()
@Roles('placement_officer', 'admin')
@Controller({ path: 'indicators', version: '1' })
export class IndicatorsController {
  constructor(
    private readonly indicators: InsertionIndicators,
    private readonly exports: InsertionExport,
  ) {}

  @Get('insertion')
  @ApiOperation({
    summary: 'Trained and inserted: counts, rates and a breakdown (officers, admins)',
    description: DESCRIPTION,
  })
  @ApiOkResponse({ type: InsertionIndicatorDto })
  @ApiProblems(400, 401, 403)
  insertion(@Query() query: InsertionIndicatorQuery): Promise<InsertionIndicatorDto> {
    return this.indicators.compute(query);
  }

  @Get('insertion.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="oris-insertion.csv"')
  @ApiOperation({
    summary: 'The same as CSV (officers, admins)',
    description:
      'UTF-8 with a BOM, `;`-separated, CRLF, in the language `lang` (fr by default): the title, ' +
      'a `label;value` block naming the filters in words (region, course and session by name), ' +
      'both dates, the source and the definition, a blank line, then the table — the totals, ' +
      'then each group by name with its code — counts, and rates as percentages rounded to one ' +
      'decimal (the language’s decimal mark; empty when there is no denominator). Cells a ' +
      "spreadsheet would evaluate are prefixed with `'`. Each export is recorded as an audit " +
      'event (`indicators.insertion_exported`).',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ schema: { type: 'string' } })
  @ApiProblems(400, 401, 403)
  insertionCsv(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: InsertionExportQuery,
  ): Promise<string> {
    return this.exports.csv(user, query);
  }

  @Get('insertion.xlsx')
  @Header('Content-Disposition', 'attachment; filename="oris-insertion.xlsx"')
  @ApiOperation({
    summary: 'The same as an XLSX workbook (officers, admins)',
    description:
      'One sheet laid out as the CSV, in the language `lang` (right to left in Arabic): counts ' +
      'and rates are numbers (rates as percentages shown with one decimal), the table’s header ' +
      'frozen; cells hold values, never formulas. Recorded as an audit event like the CSV.',
  })
  @ApiProduces(XLSX_TYPE)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiProblems(400, 401, 403)
  async insertionXlsx(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: InsertionExportQuery,
  ): Promise<StreamableFile> {
    const bytes = await this.exports.xlsx(user, query);
    return new StreamableFile(bytes, { type: XLSX_TYPE, length: bytes.length });
  }
}

@ApiTags('indicators')
@Public()
@Controller({ path: 'public/indicators', version: '1' })
export class PublicIndicatorsController {
  constructor(private readonly releases: PublicReleases) {}

  @Get()
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOperation({
    summary: 'The latest quarterly release of the headline figures at T+9 (anyone)',
    description:
      'Released once a quarter, on the first day of the next one (Morocco), as of the ' +
      'quarter’s last day, and never changed afterwards; `nextReleaseOn` says when the next ' +
      'one is due. Counts are hidden (`null`, `suppressed: true`) under 5 persons, and beyond ' +
      'that wherever the published numbers together (totals, the nesting employed ≤ inserted ≤ ' +
      'responded ≤ eligible ≤ trained, both tables) would pin a hidden count or give away a sum ' +
      'of fewer than 5 persons; rates derived from a hidden count are hidden. 404 until the ' +
      'worker has produced the first release.',
  })
  @ApiOkResponse({ type: PublicIndicatorsDto })
  @ApiProblems(404)
  headline(): Promise<PublicIndicatorsDto> {
    return this.releases.latest();
  }
}
