import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiPartialContentResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { PublicWithOptionalUser } from '@oris/api/identity';
import {
  AcceptsRawUpload,
  ApiProblems,
  CurrentUser,
  RAW_UPLOAD_CONTENT_TYPE,
  Roles,
  sendStoredFile,
  type AuthenticatedUser,
  Viewer,
} from '@oris/api/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PracticeAttachmentQuery } from '../dto/practice-list.query';
import { PracticeDto } from '../dto/practice.dto';
import { PracticeErrorCode, PracticeException } from '../practices.exception';
import {
  isPracticeStaff,
  PRACTICE_FILE_MAX_BYTES,
  PRACTICE_WRITERS,
} from '../rules/practice-rules';
import { PracticeAttachments } from '../sheets/practice-attachments';
import { PracticeReader } from '../sheets/practice-reader';
import { ifMatchVersion, versionTag } from './if-match';

@ApiTags('practices')
@Controller({ path: 'practices/:id/attachments', version: '1' })
export class PracticeAttachmentsController {
  constructor(
    private readonly reader: PracticeReader,
    private readonly attachments: PracticeAttachments,
  ) {}

  @ApiBearerAuth()
  @Roles(...PRACTICE_WRITERS)
  @Post()
  // The larger of the two limits; PracticeAttachments holds each kind to its own.
  @AcceptsRawUpload(PRACTICE_FILE_MAX_BYTES.attachment)
  @ApiConsumes(RAW_UPLOAD_CONTENT_TYPE)
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiOperation({
    summary: 'Attach a file or an image to a sheet (editors, admins)',
    description:
      'The body is the file itself (`Content-Type: application/octet-stream`), its type in ' +
      '`mediaType`: attachments PDF, DOCX, XLSX, PNG, JPEG, WebP up to 10 MiB; images (`kind=image`) ' +
      'PNG, JPEG, WebP up to 5 MiB with their alternative text in the original language ' +
      '(`altFr`/`altAr`/`altEn`). 415 when the type is not accepted or the content does not ' +
      'match it, 413 beyond the size. Stored with its SHA-256; a version; the writer becomes an author.',
  })
  @ApiCreatedResponse({ type: PracticeDto })
  @ApiProblems(400, 401, 403, 404, 409, 413, 415)
  async upload(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') idOrSlug: string,
    @Query() query: PracticeAttachmentQuery,
    @Body() body: unknown,
  ): Promise<PracticeDto> {
    if (!Buffer.isBuffer(body)) {
      throw new PracticeException(
        PracticeErrorCode.EmptyFile,
        'Send the file as the request body with Content-Type: application/octet-stream.',
      );
    }
    const id = await this.reader.idOf(idOrSlug);
    await this.attachments.add(user, id, query, body);
    return this.reader.get(user, id);
  }

  @ApiBearerAuth()
  @Roles(...PRACTICE_WRITERS)
  @Delete(':attachmentId')
  @ApiHeader({
    name: 'If-Match',
    required: true,
    description: 'The version the file is removed from, as the ETag gave it.',
  })
  @ApiOperation({
    summary: 'Remove a file or an image from a sheet (editors, admins)',
    description:
      'Under the rules of an edit: a version (`attachment_removed`, audited), the writer becomes ' +
      'an author; a published sheet becomes a draft again and the public keeps the published ' +
      'version with its files; a sheet in review or archived is not changed (409). `If-Match` ' +
      'names the version removed from (412 when the sheet has a newer one, 428 without it). ' +
      'The stored bytes are deleted only when no live file of the sheet and no published ' +
      'version uses them.',
  })
  @ApiOkResponse({ type: PracticeDto })
  @ApiProblems(400, 401, 403, 404, 409, 412, 428)
  async remove(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') idOrSlug: string,
    @Param('attachmentId', ParseUUIDPipe) attachmentId: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PracticeDto> {
    const id = await this.reader.idOf(idOrSlug);
    await this.attachments.remove(user, id, attachmentId, ifMatchVersion(ifMatch));
    const sheet = await this.reader.get(user, id);
    reply.header('ETag', versionTag(sheet.version));
    return sheet;
  }

  @PublicWithOptionalUser()
  @Get(':attachmentId')
  @ApiOperation({
    summary: 'Download an attachment or an image',
    description:
      'Anyone, for the files of the published version; editors and admins, any current file. ' +
      '`Range` support (206 for `bytes=a-b`, 416 outside the file); the SHA-256 as ETag.',
  })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiPartialContentResponse({ description: 'The requested byte range.' })
  @ApiHeader({ name: 'Range', required: false })
  @ApiProblems(400, 401, 404)
  async download(
    @Viewer() viewer: AuthenticatedUser | null,
    @Param('id') idOrSlug: string,
    @Param('attachmentId', ParseUUIDPipe) attachmentId: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const id = await this.reader.idOf(idOrSlug);
    const file = await this.attachments.download(viewer, id, attachmentId);
    reply.header(
      'Cache-Control',
      isPracticeStaff(viewer) ? 'private, no-store' : 'public, max-age=3600',
    );
    await sendStoredFile(request, reply, {
      ...file,
      disposition: file.mediaType.startsWith('image/') ? 'inline' : 'attachment',
    });
  }
}
