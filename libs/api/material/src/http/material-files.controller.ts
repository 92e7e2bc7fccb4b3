import { Controller, Get, Param, ParseUUIDPipe, Query, Req, Res } from '@nestjs/common';
import {
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiPartialContentResponse,
  ApiProduces,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { PublicWithOptionalUser } from '@oris/api/identity';
import { ApiProblems, sendStoredFile, type AuthenticatedUser } from '@oris/api/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { MaterialReader } from '../material/material-reader';

@ApiTags('material')
@Controller({ path: 'material', version: '1' })
export class MaterialFilesController {
  constructor(private readonly reader: MaterialReader) {}

  @PublicWithOptionalUser()
  @Get(':id/file')
  @ApiOperation({
    summary: 'A material file (its readers; by access token or by the signed address)',
    description:
      'With `Authorization: Bearer`, or with the `token` of the address the list gave (media ' +
      'elements cannot send a header). The reader’s right is checked on every request. Byte ' +
      'ranges: 206 for one satisfiable range (`bytes=a-b`, `bytes=a-`, `bytes=-n`), 416 ' +
      'otherwise; `If-Range` with another ETag gives the whole file; the ETag is the SHA-256. ' +
      'Images, audio and video inline; documents and slides as attachments. 404 for anyone ' +
      'else, and for a link or an expired or forged token.',
  })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiPartialContentResponse({ description: 'The requested byte range.' })
  @ApiHeader({ name: 'Range', required: false })
  @ApiHeader({ name: 'If-Range', required: false })
  @ApiQuery({ name: 'token', required: false })
  @ApiProblems(400, 401, 404)
  async file(
    @Param('id', ParseUUIDPipe) id: string,
    @Query('token') token: string | undefined,
    @Req() request: FastifyRequest & { user?: AuthenticatedUser },
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const file = await this.reader.file(request.user ?? null, id, token);
    // Private to the reader: no shared cache keeps it.
    reply.header('Cache-Control', 'private, no-cache');
    await sendStoredFile(request, reply, file);
  }
}
