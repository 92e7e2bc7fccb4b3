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
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { PublicWithOptionalUser } from '@oris/api/identity';
import {
  ApiPageResponse,
  ApiProblems,
  AuthenticatedUser,
  CurrentUser,
  Page,
  Roles,
  sentFields,
  Viewer,
} from '@oris/api/platform';
import {
  CreatePublicationDto,
  MergePublicationDto,
  UpdatePublicationDto,
} from '../dto/publication-input.dto';
import { PublicationListQuery } from '../dto/publication-list.query';
import { PublicationDetailDto, PublicationDto } from '../dto/publication.dto';
import { PublicationMerge } from '../registry/publication-merge';
import { PublicationReader } from '../registry/publication-reader';
import { PublicationWriter } from '../registry/publication-writer';

@ApiTags('publications')
@Controller({ path: 'publications', version: '1' })
export class PublicationsController {
  constructor(
    private readonly reader: PublicationReader,
    private readonly writer: PublicationWriter,
    private readonly merges: PublicationMerge,
  ) {}

  @PublicWithOptionalUser()
  @Get()
  @ApiOperation({
    summary: 'Publications (validated ones: anyone; all: editors, administrators)',
    description:
      'Filters: `status` (staff), `type`, `year`, `index`, `q` (titles, contributors, DOI; accents, case and ' +
      'Arabic spelling forgiven). Visitors get validated records that are not merged duplicates.',
  })
  @ApiPageResponse(PublicationDto)
  @ApiProblems(400, 401)
  list(
    @Viewer() viewer: AuthenticatedUser | null,
    @Query() query: PublicationListQuery,
  ): Promise<Page<PublicationDto>> {
    return this.reader.list(viewer, query);
  }

  @ApiBearerAuth()
  @Roles('observatory_editor', 'admin')
  @Post()
  @ApiOperation({
    summary: 'Record a publication (submitted)',
    description:
      'The DOI is stored normalised; the same DOI again is a 409 `publication_doi_taken` naming the existing ' +
      'record. Close records (same ISBN and a close title, or a close title of the same year with the same ' +
      'first author) are answered in `possibleDuplicates`, for the editor to merge.',
  })
  @ApiCreatedResponse({ type: PublicationDetailDto })
  @ApiProblems(400, 401, 403, 409, 422)
  async create(
    @CurrentUser() user: AuthenticatedUser,
    @Body() dto: CreatePublicationDto,
  ): Promise<PublicationDetailDto> {
    const { id, possibleDuplicates } = await this.writer.create(user, dto);
    return { ...(await this.reader.get(user, id)), possibleDuplicates };
  }

  @PublicWithOptionalUser()
  @Get(':id')
  @ApiOperation({
    summary: 'A publication',
    description:
      'Validated records are public; editors and administrators get any, with their history and possible ' +
      'duplicates. Anyone else gets 404 for the others.',
  })
  @ApiOkResponse({ type: PublicationDetailDto })
  @ApiProblems(400, 401, 404)
  get(
    @Viewer() viewer: AuthenticatedUser | null,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<PublicationDetailDto> {
    return this.reader.get(viewer, id);
  }

  @ApiBearerAuth()
  @Roles('observatory_editor', 'admin')
  @Patch(':id')
  @ApiOperation({
    summary: 'Correct a publication',
    description:
      'Only the fields sent change (`contributors` and `indexRecords` are replaced as lists). A validated ' +
      'record stays validated; the previous version stays readable for an earlier `knownAt`. Withdrawn or ' +
      'merged records cannot change (409).',
  })
  @ApiOkResponse({ type: PublicationDetailDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  async update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdatePublicationDto,
  ): Promise<PublicationDetailDto> {
    await this.writer.update(user, id, sentFields(dto));
    return this.reader.get(user, id);
  }

  @ApiBearerAuth()
  @Roles('observatory_editor', 'admin')
  @Post(':id/validate')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Validate a submitted publication (it may then count and is public)' })
  @ApiOkResponse({ type: PublicationDetailDto })
  @ApiProblems(400, 401, 403, 404, 409)
  async validate(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<PublicationDetailDto> {
    await this.writer.validate(user, id);
    return this.reader.get(user, id);
  }

  @ApiBearerAuth()
  @Roles('observatory_editor', 'admin')
  @Post(':id/withdraw')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Withdraw a publication (kept, no longer counted nor public)' })
  @ApiOkResponse({ type: PublicationDetailDto })
  @ApiProblems(400, 401, 403, 404, 409)
  async withdraw(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<PublicationDetailDto> {
    await this.writer.withdraw(user, id);
    return this.reader.get(user, id);
  }

  @ApiBearerAuth()
  @Roles('observatory_editor', 'admin')
  @Post(':id/merge')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Merge a duplicate into this publication',
    description:
      'The duplicate keeps its row and history and points at this record (`mergedIntoId`); it is never deleted ' +
      'and counts once, through this record (its item-level index records included).',
  })
  @ApiOkResponse({ type: PublicationDetailDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  async merge(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: MergePublicationDto,
  ): Promise<PublicationDetailDto> {
    await this.merges.merge(user, id, dto.duplicateId);
    return this.reader.get(user, id);
  }
}
