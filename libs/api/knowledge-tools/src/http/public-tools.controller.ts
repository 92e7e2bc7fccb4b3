import { Controller, Get, Param, ParseUUIDPipe, Query, Req, Res } from '@nestjs/common';
import {
  ApiFoundResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiPartialContentResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import {
  ApiPageResponse,
  ApiProblems,
  parseByteRange,
  Public,
  sendStoredFile,
  type Page,
} from '@oris/api/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ToolDto, ToolSummaryDto } from '../dto/tool.dto';
import { PublicToolListQuery } from '../dto/tool.query';
import { ToolDownloads } from '../tools/tool-downloads';
import { ToolReader } from '../tools/tool-reader';

/** The header the browser journeys send outside production, so HeadlessChrome counts. */
export const JOURNEY_HEADER = 'x-oris-journey';

@ApiTags('knowledge tools')
@Public()
@Controller({ version: '1' })
export class PublicToolsController {
  constructor(
    private readonly reader: ToolReader,
    private readonly downloads: ToolDownloads,
  ) {}

  @Get('public/tools')
  @ApiOperation({
    summary: 'The public catalogue of validated knowledge tools (anyone)',
    description:
      'Validated tools only, latest release first (best matches first with `q`); filters ' +
      '`kind`, `purpose`, `q`. No download counts.',
  })
  @ApiPageResponse(ToolSummaryDto)
  @ApiProblems(400)
  list(@Query() query: PublicToolListQuery): Promise<Page<ToolSummaryDto>> {
    return this.reader.list(query, 'public');
  }

  @Get('public/tools/:id')
  @ApiOperation({ summary: 'A validated tool with its versions (anyone; 404 otherwise)' })
  @ApiOkResponse({ type: ToolDto })
  @ApiProblems(400, 404)
  get(@Param('id', ParseUUIDPipe) id: string): Promise<ToolDto> {
    return this.reader.get(id, 'public');
  }

  @Get('tools/:id/versions/:versionId/download')
  @ApiOperation({
    summary: 'Download a version of a validated tool (anyone)',
    description:
      'The file (with `Range` support: 206 for `bytes=a-b`, 416 outside the file) or a 302 to ' +
      'the version’s address. Counted once per visitor and version within 24 hours (the visitor ' +
      'is a keyed hash of address and user agent; no address is stored); robots and scripted ' +
      'clients are not counted. 404 for an unvalidated tool or a version without file or link.',
  })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiPartialContentResponse({ description: 'The requested byte range.' })
  @ApiFoundResponse({ description: 'The version is a link: its address in `Location`.' })
  @ApiHeader({ name: 'Range', required: false })
  @ApiProblems(400, 404)
  async download(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('versionId', ParseUUIDPipe) versionId: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const range = parseByteRange(request.headers.range);
    const download = await this.downloads.download({
      toolId: id,
      versionId,
      address: request.ip,
      userAgent: request.headers['user-agent'],
      journey: request.headers[JOURNEY_HEADER] === '1',
      // A resumed transfer (a range not starting at 0) is the same download.
      resumed: range !== null && (range.kind === 'suffix' || range.start > 0),
    });
    reply.header('Cache-Control', 'no-store');
    if (download.kind === 'link') {
      await reply.redirect(download.url, 302);
      return;
    }
    await sendStoredFile(request, reply, download);
  }
}
