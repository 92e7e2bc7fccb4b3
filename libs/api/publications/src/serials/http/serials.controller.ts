import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  ApiPageResponse,
  ApiProblems,
  type AuthenticatedUser,
  CurrentUser,
  type Page,
  Roles,
} from '@oris/api/platform';
import { CoverageRecorder } from '../coverage/coverage-recorder';
import {
  CoverageDto,
  CoverageListDto,
  CoverageQuery,
  RecordCoverageDto,
} from '../dto/coverage.dto';
import { CoverageImportQuery, CoverageImportReportDto } from '../dto/coverage-import.dto';
import {
  CreateSerialDto,
  SerialDetailDto,
  SerialDto,
  SerialListQuery,
  UpdateSerialDto,
} from '../dto/serial.dto';
import { CoverageImport } from '../import/coverage-import.service';
import { SerialErrorCode, SerialException } from '../serials.exception';
import { SerialsService } from '../serials.service';
import { AcceptsCoverageListUpload } from './csv-body-parser';

@ApiTags('serials')
@ApiBearerAuth()
@Roles('observatory_editor', 'admin')
@Controller({ path: 'serials', version: '1' })
export class SerialsController {
  constructor(
    private readonly serials: SerialsService,
    private readonly coverage: CoverageRecorder,
    private readonly importer: CoverageImport,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Serials (editors, administrators)',
    description:
      'Search by title (accents, case and Arabic variants ignored) or ISSN; filter by an index ' +
      'covering the serial now; `stale=true`: current coverage whose evidence was checked more ' +
      'than a year ago.',
  })
  @ApiPageResponse(SerialDto)
  @ApiProblems(400, 401, 403)
  list(@Query() query: SerialListQuery): Promise<Page<SerialDto>> {
    return this.serials.list(query);
  }

  @Post()
  @ApiOperation({
    summary: 'Record a serial (editors, administrators)',
    description:
      'ISSNs are checked (check character) and stored as `NNNN-NNNC`; 409 `issn_taken` names ' +
      'the serial that already has one of them (as print or online ISSN).',
  })
  @ApiCreatedResponse({ type: SerialDetailDto })
  @ApiProblems(400, 401, 403, 409, 422)
  create(
    @CurrentUser() editor: AuthenticatedUser,
    @Body() body: CreateSerialDto,
  ): Promise<SerialDetailDto> {
    return this.serials.create(editor, body);
  }

  @Post('coverage-import')
  @HttpCode(HttpStatus.OK)
  @AcceptsCoverageListUpload()
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiOperation({
    summary: 'Load an index’s coverage list, with a dry run (editors, administrators)',
    description:
      'The body is the list as CSV (`Content-Type: text/csv`, at most 48 MiB): DOAJ’s journal ' +
      'CSV, Scopus’s source list, the Web of Science or ARCI master list, or the template ' +
      '(`title;issnPrint;issnOnline;publisher;country;fromYear;toYear;state;evidenceUrl`). ' +
      'Rows match serials by ISSN or eISSN; the answer says per row: matched or new serial, ' +
      'coverage added, superseded or unchanged, problems (left out). The file is the evidence ' +
      'of every row written, stored once by its SHA-256.',
  })
  @ApiOkResponse({ type: CoverageImportReportDto })
  @ApiProblems(400, 401, 403, 413, 415, 422)
  importCoverage(
    @CurrentUser() editor: AuthenticatedUser,
    @Query() query: CoverageImportQuery,
    @Body() body: unknown,
  ): Promise<CoverageImportReportDto> {
    if (!Buffer.isBuffer(body) || body.length === 0) {
      throw new SerialException(SerialErrorCode.ImportFileRequired);
    }
    return this.importer.run(editor, query, body);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'A serial with its current coverage and its history (editors, administrators)',
  })
  @ApiOkResponse({ type: SerialDetailDto })
  @ApiProblems(400, 401, 403, 404)
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<SerialDetailDto> {
    return this.serials.get(id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Edit a serial (editors, administrators)' })
  @ApiOkResponse({ type: SerialDetailDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  update(
    @CurrentUser() editor: AuthenticatedUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: UpdateSerialDto,
  ): Promise<SerialDetailDto> {
    return this.serials.update(editor, id, body);
  }

  @Get(':id/coverage')
  @ApiOperation({
    summary: 'A serial’s coverage as known at an instant (editors, administrators)',
    description: 'Rows recorded by `knownAt` and not superseded by then (default: now).',
  })
  @ApiOkResponse({ type: CoverageListDto })
  @ApiProblems(400, 401, 403, 404)
  coverageKnownAt(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: CoverageQuery,
  ): Promise<CoverageListDto> {
    return this.coverage.knownAt(id, query.knownAt);
  }

  @Post(':id/coverage')
  @ApiOperation({
    summary: 'Record or correct a serial’s coverage by an index (editors, administrators)',
    description:
      'Append-only: a row for the same index and `fromYear` supersedes the current one ' +
      '(kept, readable with an earlier `knownAt`). Evidence: a URL or a file (base64), one of ' +
      'the two; the file is stored once by its SHA-256.',
  })
  @ApiCreatedResponse({ type: CoverageDto })
  @ApiProblems(400, 401, 403, 404, 422)
  recordCoverage(
    @CurrentUser() editor: AuthenticatedUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: RecordCoverageDto,
  ): Promise<CoverageDto> {
    return this.coverage.record(editor, id, body);
  }
}
