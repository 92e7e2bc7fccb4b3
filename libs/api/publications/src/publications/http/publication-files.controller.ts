import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Post,
  Query,
  StreamableFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { PublicWithOptionalUser } from '@oris/api/identity';
import { ApiProblems, AuthenticatedUser, CurrentUser, Roles, Viewer } from '@oris/api/platform';
import { todayInMorocco } from '@oris/shared/domain';
import {
  ImportPublicationsDto,
  ImportPublicationsQuery,
  PublicationImportReportDto,
} from '../dto/publication-import.dto';
import { PublicationExportQuery } from '../dto/publication-list.query';
import { LookupProposalDto, LookupPublicationDto } from '../dto/publication-lookup.dto';
import { exportFile } from '../export/publication-export';
import { PublicationImport } from '../import/publication-import';
import { PublicationLookup } from '../lookup/publication-lookup';
import { PublicationReader } from '../registry/publication-reader';

@ApiTags('publications')
@Controller({ path: 'publications', version: '1' })
export class PublicationFilesController {
  constructor(
    private readonly reader: PublicationReader,
    private readonly imports: PublicationImport,
    private readonly lookup: PublicationLookup,
  ) {}

  @ApiBearerAuth()
  @Roles('observatory_editor', 'admin')
  @Post('import')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Import BibTeX, RIS or CSL-JSON, with a preview (dry run)',
    description:
      'Each entry is read on its own (Citation.js, input type forced: nothing is fetched) and checked like a ' +
      'record: `problems` (code, field, params) block it, `warnings` do not; a DOI already recorded is the ' +
      'problem `doi_taken` naming the record; close records are in `possibleDuplicates`. `dryRun=true` writes ' +
      'nothing. Otherwise every entry without problems is saved (submitted) in one transaction, the others ' +
      'reported. At most 500 entries (413); unreadable text is a 400.',
  })
  @ApiOkResponse({ type: PublicationImportReportDto })
  @ApiProblems(400, 401, 403, 413)
  importCitations(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ImportPublicationsQuery,
    @Body() dto: ImportPublicationsDto,
  ): Promise<PublicationImportReportDto> {
    return this.imports.run(user, dto.format, dto.text, query.dryRun ?? false);
  }

  @PublicWithOptionalUser()
  @Get('export')
  @ApiOperation({
    summary: 'Export a list as BibTeX, RIS, CSL-JSON or CSV',
    description:
      'The list’s filters apply; visitors get validated records only. CSV: `;`-separated with a BOM, cells a ' +
      "spreadsheet would evaluate are prefixed with `'`. At most 5,000 records.",
  })
  @ApiProduces(
    'application/x-bibtex',
    'application/x-research-info-systems',
    'application/vnd.citationstyles.csl+json',
    'text/csv',
  )
  @ApiOkResponse({ schema: { type: 'string' } })
  @ApiProblems(400, 401)
  async exportList(
    @Viewer() viewer: AuthenticatedUser | null,
    @Query() query: PublicationExportQuery,
  ): Promise<StreamableFile> {
    const publications = await this.reader.all(viewer, query);
    const file = exportFile(query.format ?? 'bibtex', publications, todayInMorocco());
    return new StreamableFile(file.body, {
      type: file.type,
      length: file.body.length,
      disposition: `attachment; filename="${file.filename}"`,
    });
  }

  @ApiBearerAuth()
  @Roles('observatory_editor', 'admin')
  @Post('lookup')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Look a DOI up online and propose changes (off by default)',
    description:
      'With PUBLICATION_DOI_LOOKUP=crossref, asks Crossref and answers the fields that differ from the record ' +
      '(`publicationId`), for the editor to accept one by one; nothing is written, and a filled field of a ' +
      'validated record is `locked`. Off: 409 `publication_lookup_disabled`.',
  })
  @ApiOkResponse({ type: LookupProposalDto })
  @ApiProblems(400, 401, 403, 404, 409, 502)
  lookUp(
    @CurrentUser() user: AuthenticatedUser,
    @Body() dto: LookupPublicationDto,
  ): Promise<LookupProposalDto> {
    return this.lookup.propose(user, dto.doi, dto.publicationId);
  }
}
