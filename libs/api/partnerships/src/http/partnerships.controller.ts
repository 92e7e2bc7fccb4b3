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
  Put,
  Query,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsDateOnly } from '@oris/api/catalogue';
import { AcceptsPdfUpload } from '@oris/api/certificates';
import {
  ApiPageResponse,
  ApiProblems,
  AuthenticatedUser,
  CurrentUser,
  Page,
  Roles,
} from '@oris/api/platform';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import {
  CreatePartnershipDto,
  SignatureDto,
  TerminationDto,
  UpdatePartnershipDto,
} from '../dto/partnership-input.dto';
import { PartnershipListQuery } from '../dto/partnership-list.query';
import { PartnershipDto, PartnershipSummaryDto } from '../dto/partnership.dto';
import { PartnershipErrorCode, PartnershipException } from '../partnership.exception';
import { PartnershipDocuments } from '../partnerships/partnership-documents';
import { PartnershipReader } from '../partnerships/partnership-reader';
import { PartnershipWriter } from '../partnerships/partnership-writer';

export class PartnershipAsOfQuery {
  @ApiPropertyOptional({ format: 'date', description: 'The day of the status (default: today).' })
  @IsOptional()
  @IsDateOnly()
  asOf?: string;
}

export class DocumentNameQuery {
  @ApiPropertyOptional({
    maxLength: 150,
    description: 'The file name to keep (default: the title).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(150)
  name?: string;
}

/** `filename` in ASCII for old clients, `filename*` in UTF-8 (RFC 6266). */
const attachment = (filename: string) =>
  `attachment; filename="${filename.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(filename)}`;

@ApiTags('partnerships')
@ApiBearerAuth()
@Roles('partnership_officer', 'admin')
@Controller({ path: 'partnerships', version: '1' })
export class PartnershipsController {
  constructor(
    private readonly reader: PartnershipReader,
    private readonly writer: PartnershipWriter,
    private readonly documents: PartnershipDocuments,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'The registry of partnerships (partnership officers, admins)',
    description:
      'Latest start first; filters `q` (part of the title), `status` (computed on `asOf`, default today), `kind`, `organisation` (a party), `stakeholderGroup` (a party of that group), `family` (a head and its members).',
  })
  @ApiPageResponse(PartnershipSummaryDto)
  @ApiProblems(400, 401, 403)
  list(@Query() query: PartnershipListQuery): Promise<Page<PartnershipSummaryDto>> {
    return this.reader.list(query);
  }

  @Post()
  @ApiOperation({
    summary: 'Record a partnership',
    description:
      'An amendment, renewal or implementing convention names its family’s head (`parentId`: a framework agreement, convention or MoU, never a member); the others name none (422 `partnership_invalid_parent`). Parties: existing organisations, each once. Audited (`partnership.created`).',
  })
  @ApiCreatedResponse({ type: PartnershipDto })
  @ApiProblems(400, 401, 403, 422)
  create(
    @CurrentUser() user: AuthenticatedUser,
    @Body() dto: CreatePartnershipDto,
  ): Promise<PartnershipDto> {
    return this.writer.create(user, dto);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'A partnership with its family, parties, contributions and computed status',
  })
  @ApiOkResponse({ type: PartnershipDto })
  @ApiProblems(400, 401, 403, 404)
  get(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: PartnershipAsOfQuery,
  ): Promise<PartnershipDto> {
    return this.reader.get(id, query.asOf);
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Change a partnership’s terms, parties or contributions',
    description:
      'Only the fields sent change; `parties` and `contributions` replace the lists (a party that signed cannot be removed: 409). The replaced dates and settings stay readable as known before (`knownAt`). Audited (`partnership.changed`).',
  })
  @ApiOkResponse({ type: PartnershipDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdatePartnershipDto,
  ): Promise<PartnershipDto> {
    return this.writer.update(user, id, dto);
  }

  @Post(':id/signatures')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Record a party’s signature',
    description:
      'Not in the future (422); a party that signed already: 409 `partnership_already_signed`, unless `correction` (the earlier date stays readable as known before). Audited (`partnership.signed`, `partnership.signature_corrected`).',
  })
  @ApiOkResponse({ type: PartnershipDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  sign(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: SignatureDto,
  ): Promise<PartnershipDto> {
    return this.writer.sign(user, id, dto);
  }

  @Post(':id/termination')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Terminate a partnership early',
    description:
      'Ends it (a head: its family) on `terminatedOn`; 409 if already terminated. Audited (`partnership.terminated`).',
  })
  @ApiOkResponse({ type: PartnershipDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  terminate(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: TerminationDto,
  ): Promise<PartnershipDto> {
    return this.writer.terminate(user, id, dto);
  }

  @Put(':id/document')
  @ApiOperation({
    summary: 'Store the signed document (a PDF, at most 5 MiB)',
    description:
      'The body is the PDF (`Content-Type: application/pdf`); it is kept in the file storage and its SHA-256 recorded. Replaces the previous one. Audited (`partnership.document_stored`).',
  })
  @AcceptsPdfUpload()
  @ApiConsumes('application/pdf')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiOkResponse({ type: PartnershipDto })
  @ApiProblems(400, 401, 403, 404, 413, 415, 422)
  storeDocument(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: DocumentNameQuery,
    @Body() body: unknown,
  ): Promise<PartnershipDto> {
    if (!Buffer.isBuffer(body)) {
      throw new PartnershipException(
        PartnershipErrorCode.InvalidDocument,
        'Send the PDF as the request body with Content-Type: application/pdf.',
      );
    }
    return this.documents.store(user, id, body, query.name);
  }

  @Get(':id/document')
  @ApiOperation({ summary: 'Download the signed document (404 when there is none)' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' }, description: 'The PDF.' })
  @ApiProblems(400, 401, 403, 404)
  async document(@Param('id', ParseUUIDPipe) id: string): Promise<StreamableFile> {
    const { bytes, filename } = await this.documents.read(id);
    return new StreamableFile(bytes, {
      type: 'application/pdf',
      disposition: attachment(filename),
      length: bytes.length,
    });
  }
}
