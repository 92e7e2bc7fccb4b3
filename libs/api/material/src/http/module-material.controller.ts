import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  AcceptsRawUpload,
  ApiProblems,
  CurrentUser,
  RAW_UPLOAD_CONTENT_TYPE,
  Roles,
  type AuthenticatedUser,
} from '@oris/api/platform';
import { MATERIAL_MAX_UPLOAD_BYTES } from '@oris/shared/domain';
import {
  AddVideoLinkDto,
  MaterialDto,
  ReorderMaterialDto,
  UpdateMaterialDto,
  UploadMaterialQuery,
} from '../dto/material.dto';
import { MaterialErrorCode, MaterialException } from '../material.exception';
import { MaterialReader } from '../material/material-reader';
import { MaterialWriter } from '../material/material-writer';

const READERS_NOTE =
  'Readers: the course’s owners, administrators, trainers of its sessions, and trainees holding ' +
  'a seat in one of its sessions (published modules of a published course only); 404 for ' +
  'anyone else.';

@ApiTags('material')
@ApiBearerAuth()
@Controller({ path: 'modules/:moduleId/material', version: '1' })
export class ModuleMaterialController {
  constructor(
    private readonly reader: MaterialReader,
    private readonly writer: MaterialWriter,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'A module’s material, in order',
    description:
      `${READERS_NOTE} Each file carries a signed address valid for 6 hours (media elements ` +
      'stream it with range requests); each video link its privacy-friendly player address.',
  })
  @ApiOkResponse({ type: MaterialDto, isArray: true })
  @ApiProblems(400, 401, 404)
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Param('moduleId', ParseUUIDPipe) moduleId: string,
  ): Promise<MaterialDto[]> {
    return this.reader.list(user, moduleId);
  }

  @Roles('trainer', 'admin')
  @Post('files')
  @AcceptsRawUpload(MATERIAL_MAX_UPLOAD_BYTES)
  @ApiConsumes(RAW_UPLOAD_CONTENT_TYPE)
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiOperation({
    summary: 'Attach a file to a module (course owners, administrators)',
    description:
      'The body is the file itself (`Content-Type: application/octet-stream`). Its type is read ' +
      'from its content, never from the name or a declared type: PDF (20 MiB), PPTX/ODP slides ' +
      '(50 MiB), PNG/JPEG/GIF/WebP images (10 MiB), MP3/M4A/Ogg/WAV/FLAC audio (50 MiB), ' +
      'MP4/WebM video (100 MiB). 415 `unsupported_material_type` otherwise, 413 beyond the ' +
      'kind’s limit (or beyond 100 MiB before buffering). Stored once per content (SHA-256).',
  })
  @ApiCreatedResponse({ type: MaterialDto })
  @ApiProblems(400, 401, 403, 404, 409, 413, 415)
  async upload(
    @CurrentUser() user: AuthenticatedUser,
    @Param('moduleId', ParseUUIDPipe) moduleId: string,
    @Query() query: UploadMaterialQuery,
    @Body() body: unknown,
  ): Promise<MaterialDto> {
    if (!Buffer.isBuffer(body)) {
      throw new MaterialException(
        MaterialErrorCode.EmptyFile,
        'Send the file as the request body with Content-Type: application/octet-stream.',
      );
    }
    return this.reader.one(user, await this.writer.upload(user, moduleId, query, body));
  }

  @Roles('trainer', 'admin')
  @Post('links')
  @ApiOperation({
    summary: 'Add a video by link (course owners, administrators)',
    description:
      'YouTube, Vimeo or Dailymotion only; the host and the video id are kept, and the player ' +
      'address is rebuilt from them (422 `unknown_video_link` for any other address).',
  })
  @ApiCreatedResponse({ type: MaterialDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  async addLink(
    @CurrentUser() user: AuthenticatedUser,
    @Param('moduleId', ParseUUIDPipe) moduleId: string,
    @Body() dto: AddVideoLinkDto,
  ): Promise<MaterialDto> {
    return this.reader.one(user, await this.writer.addVideoLink(user, moduleId, dto));
  }

  @Roles('trainer', 'admin')
  @Put('order')
  @ApiOperation({
    summary: 'Reorder a module’s material (course owners, administrators)',
    description:
      'The body lists every piece of the module’s material exactly once (409 otherwise).',
  })
  @ApiOkResponse({ type: MaterialDto, isArray: true })
  @ApiProblems(400, 401, 403, 404, 409)
  async reorder(
    @CurrentUser() user: AuthenticatedUser,
    @Param('moduleId', ParseUUIDPipe) moduleId: string,
    @Body() dto: ReorderMaterialDto,
  ): Promise<MaterialDto[]> {
    await this.writer.reorder(user, moduleId, dto.materialIds);
    return this.reader.list(user, moduleId);
  }
}

@ApiTags('material')
@ApiBearerAuth()
@Roles('trainer', 'admin')
@Controller({ path: 'material', version: '1' })
export class MaterialController {
  constructor(
    private readonly reader: MaterialReader,
    private readonly writer: MaterialWriter,
  ) {}

  @Patch(':id')
  @ApiOperation({ summary: 'Retitle a piece of material (course owners, administrators)' })
  @ApiOkResponse({ type: MaterialDto })
  @ApiProblems(400, 401, 403, 404, 409)
  async retitle(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateMaterialDto,
  ): Promise<MaterialDto> {
    await this.writer.retitle(user, id, dto);
    return this.reader.one(user, id);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'Remove a piece of material (course owners, administrators)',
    description:
      'Its stored file is deleted only when no other material names the same content (a ' +
      'duplicated course keeps its copy).',
  })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 404, 409)
  async remove(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    await this.writer.remove(user, id);
  }
}
