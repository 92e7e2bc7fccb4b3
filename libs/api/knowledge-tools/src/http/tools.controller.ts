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
  AcceptsRawUpload,
  ApiPageResponse,
  ApiProblems,
  CurrentUser,
  Roles,
  type AuthenticatedUser,
  type Page,
  RAW_UPLOAD_CONTENT_TYPE,
} from '@oris/api/platform';
import { MAX_TOOL_FILE_BYTES } from '../rules/tool-rules';
import {
  CreateToolDto,
  CreateVersionDto,
  ToolDto,
  ToolSummaryDto,
  UpdateToolDto,
  UploadVersionQuery,
} from '../dto/tool.dto';
import { ToolListQuery } from '../dto/tool.query';
import { KnowledgeToolErrorCode, KnowledgeToolException } from '../knowledge-tools.exception';
import { ToolReader } from '../tools/tool-reader';
import { ToolWriter } from '../tools/tool-writer';
import { VersionRecorder } from '../tools/version-recorder';

/** Who keeps the registry; the partnership officer may read it. */
const WRITERS = ['observatory_editor', 'admin'] as const;
const READERS = ['observatory_editor', 'partnership_officer', 'admin'] as const;

@ApiTags('knowledge tools')
@ApiBearerAuth()
@Controller({ path: 'tools', version: '1' })
export class ToolsController {
  constructor(
    private readonly reader: ToolReader,
    private readonly writer: ToolWriter,
    private readonly versions: VersionRecorder,
  ) {}

  @Roles(...READERS)
  @Get()
  @ApiOperation({
    summary: 'The registry of knowledge tools, any status (editors, admins, partnership officers)',
    description:
      'Newest first; filters `status`, `kind`, `purpose`, `role` (ORIS’s role) and `q` (titles ' +
      'and descriptions in any language, forgiving accents, case, Arabic spelling variants and ' +
      'small typos). With each tool its counted downloads. Validated tools are public at ' +
      '`GET /api/v1/public/tools`.',
  })
  @ApiPageResponse(ToolSummaryDto)
  @ApiProblems(400, 401, 403)
  list(@Query() query: ToolListQuery): Promise<Page<ToolSummaryDto>> {
    return this.reader.list(query, 'staff');
  }

  @Roles(...WRITERS)
  @Post()
  @ApiOperation({
    summary: 'Record a knowledge tool (editors, admins)',
    description:
      'Status `submitted`. Titles and descriptions by language, one marked original; the licence ' +
      'an SPDX identifier (or empty: the tool then never counts in the indicator). Audited.',
  })
  @ApiCreatedResponse({ type: ToolDto })
  @ApiProblems(400, 401, 403, 422)
  async create(
    @CurrentUser() user: AuthenticatedUser,
    @Body() dto: CreateToolDto,
  ): Promise<ToolDto> {
    return this.reader.get(await this.writer.create(user, dto), 'staff');
  }

  @Roles(...READERS)
  @Get(':id')
  @ApiOperation({ summary: 'A tool with its versions and their download counts (staff)' })
  @ApiOkResponse({ type: ToolDto })
  @ApiProblems(400, 401, 403, 404)
  get(@Param('id', ParseUUIDPipe) id: string): Promise<ToolDto> {
    return this.reader.get(id, 'staff');
  }

  @Roles(...WRITERS)
  @Patch(':id')
  @ApiOperation({
    summary: 'Correct a tool (editors, admins)',
    description:
      'Sent fields replace the stored ones. A change of kind, purpose, ORIS role or licence is ' +
      'recorded as a new fact, the previous one kept as known until now, so past figures stay ' +
      'reproducible (`knownAt`). Audited with the previous values.',
  })
  @ApiOkResponse({ type: ToolDto })
  @ApiProblems(400, 401, 403, 404, 422)
  async update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateToolDto,
  ): Promise<ToolDto> {
    await this.writer.update(user, id, dto);
    return this.reader.get(id, 'staff');
  }

  @Roles(...WRITERS)
  @Post(':id/versions')
  @ApiOperation({
    summary: 'Add a version published at an address (editors, admins)',
    description:
      'A version’s number is unique per tool (409). With `url` the version is a link; without, ' +
      'a release recorded without its file (it does not make the tool count). Files go through ' +
      '`POST /api/v1/tools/:id/versions/upload`. Versions are never edited. Audited.',
  })
  @ApiCreatedResponse({ type: ToolDto })
  @ApiProblems(400, 401, 403, 404, 409)
  async addVersion(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateVersionDto,
  ): Promise<ToolDto> {
    await this.versions.addLink(user, id, dto);
    return this.reader.get(id, 'staff');
  }

  @Roles(...WRITERS)
  @Post(':id/versions/upload')
  @AcceptsRawUpload(MAX_TOOL_FILE_BYTES)
  @ApiConsumes(RAW_UPLOAD_CONTENT_TYPE)
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiOperation({
    summary: 'Add a version with its file (editors, admins)',
    description:
      'The body is the file itself (`Content-Type: application/octet-stream`, at most 20 MiB: ' +
      '413 beyond, checked before buffering), its type in `mediaType` (415 when not accepted or ' +
      'when the content does not match). Stored with its SHA-256, size and type.',
  })
  @ApiCreatedResponse({ type: ToolDto })
  @ApiProblems(400, 401, 403, 404, 409, 413, 415)
  async uploadVersion(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: UploadVersionQuery,
    @Body() body: unknown,
  ): Promise<ToolDto> {
    if (!Buffer.isBuffer(body)) {
      throw new KnowledgeToolException(
        KnowledgeToolErrorCode.EmptyFile,
        'Send the file as the request body with Content-Type: application/octet-stream.',
      );
    }
    await this.versions.addFile(user, id, query, { bytes: body, mediaType: query.mediaType });
    return this.reader.get(id, 'staff');
  }

  @Roles(...WRITERS)
  @Post(':id/validate')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Validate a tool (editors, admins)',
    description:
      'Needs a version (409 `tool_not_validatable`); a validated tool is public and may count ' +
      'from this instant (`validatedAt`). 409 `tool_already_validated` the second time. Audited.',
  })
  @ApiOkResponse({ type: ToolDto })
  @ApiProblems(400, 401, 403, 404, 409)
  async validate(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ToolDto> {
    await this.writer.validate(user, id);
    return this.reader.get(id, 'staff');
  }
}
