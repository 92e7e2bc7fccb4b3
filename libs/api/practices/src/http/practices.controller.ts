import { Body, Controller, Get, Headers, Param, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { PublicWithOptionalUser } from '@oris/api/identity';
import {
  ApiPageResponse,
  ApiProblems,
  CurrentUser,
  Roles,
  sentFields,
  type AuthenticatedUser,
  type Page,
  Viewer,
} from '@oris/api/platform';
import type { FastifyReply } from 'fastify';
import { CreatePracticeDto, UpdatePracticeDto } from '../dto/practice-input.dto';
import { PracticeListQuery, PracticeViewQuery } from '../dto/practice-list.query';
import { PracticeDto, PracticeSummaryDto } from '../dto/practice.dto';
import { PublishedPracticeSheetDto } from '../dto/published-practice-sheet.dto';
import { isPracticeStaff, PRACTICE_WRITERS } from '../rules/practice-rules';
import { PracticeReader } from '../sheets/practice-reader';
import { PracticeWriter } from '../sheets/practice-writer';
import { ifMatchVersion, versionTag } from './if-match';

@ApiTags('practices')
@Controller({ path: 'practices', version: '1' })
export class PracticesController {
  constructor(
    private readonly reader: PracticeReader,
    private readonly writer: PracticeWriter,
  ) {}

  @PublicWithOptionalUser()
  @Get()
  @ApiOperation({
    summary: 'The practice library (published sheets: anyone; every sheet: editors, admins)',
    description:
      'Visitors and signed-in non-staff get the last published version of each public sheet, ' +
      'newest first; filters `region`, `theme`, `population`, `evidenceMin`, `q` (any language, ' +
      'forgiving accents, case, Arabic spelling and small typos). Editors and administrators get ' +
      'the working state of every sheet, with `status` and `author` filters too.',
  })
  @ApiPageResponse(PracticeSummaryDto)
  @ApiProblems(400, 401)
  list(
    @Viewer() viewer: AuthenticatedUser | null,
    @Query() query: PracticeListQuery,
  ): Promise<Page<PracticeSummaryDto>> {
    return this.reader.list(query.view === 'public' ? null : viewer, query);
  }

  @ApiBearerAuth()
  @Roles(...PRACTICE_WRITERS)
  @Post()
  @ApiOperation({
    summary: 'Write a new practice sheet (editors, admins)',
    description:
      'A draft, its writer its first author, version 1. Needs the original language and the ' +
      'title in it; the slug is made from the title unless sent (409 when taken). Audited.',
  })
  @ApiCreatedResponse({ type: PracticeDto })
  @ApiProblems(400, 401, 403, 409, 422)
  async create(
    @CurrentUser() user: AuthenticatedUser,
    @Body() dto: CreatePracticeDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PracticeDto> {
    const sheet = await this.reader.get(user, await this.writer.create(user, dto));
    reply.header('ETag', versionTag(sheet.version));
    return sheet;
  }

  @PublicWithOptionalUser()
  @Get(':id')
  @ApiOperation({
    summary: 'A practice sheet, by id or slug',
    description:
      'Editors and administrators get the working state (latest version, with authors, consent ' +
      'records, `ETag: "<version>"` for If-Match; reading its contacts is audited as ' +
      '`practice.contacts_viewed`), unless they ask `view=public`. Anyone else gets the last published version, ' +
      'without contacts who did not consent; 404 when the sheet is not public.',
  })
  @ApiOkResponse({ type: PracticeDto })
  @ApiProblems(401, 404)
  async get(
    @Viewer() viewer: AuthenticatedUser | null,
    @Param('id') id: string,
    @Query() { view }: PracticeViewQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PracticeDto> {
    const reader = view === 'public' ? null : viewer;
    const sheet = await this.reader.get(reader, id);
    if (reader && isPracticeStaff(reader)) {
      reply.header('ETag', versionTag(sheet.version));
      await this.reader.recordContactsViewed(reader, sheet);
    }
    // What a signed-in person reads may hold what the public may not (drafts, contacts): kept by
    // no cache. A visitor's answer is the published sheet as anyone reads it: no header, as for a
    // course, so that a page the web server rendered hands it to the browser (Angular's transfer
    // cache refuses no-store answers). Without validators no cache keeps it either, so a
    // withdrawn consent or an unpublished sheet still shows at the next read.
    if (viewer) reply.header('Cache-Control', 'no-store');
    return sheet;
  }

  @PublicWithOptionalUser()
  @Get(':id/published')
  @ApiOperation({
    summary: 'The last published version of a sheet, as the printed sheet shows it (anyone)',
    description:
      'The shape the PDF and the schema.org metadata are made from; only consented contacts. ' +
      '404 when the sheet is not public (never published, archived or unpublished).',
  })
  @ApiOkResponse({ type: PublishedPracticeSheetDto })
  @ApiProblems(401, 404)
  published(@Param('id') id: string): Promise<PublishedPracticeSheetDto> {
    return this.reader.published(id);
  }

  @ApiBearerAuth()
  @Roles(...PRACTICE_WRITERS)
  @Patch(':id')
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'The version edited, as the ETag gave it (or `version` in the body).',
  })
  @ApiOperation({
    summary: 'Edit a sheet (editors, admins)',
    description:
      'Sent fields replace the stored ones (texts per language; `null` removes a translation). ' +
      'Say which version you edited (`If-Match` → 412, or `version` → 409, when the sheet has a ' +
      'newer one; 428 when neither is sent). The writer becomes an author. A published sheet ' +
      'becomes a draft again (the public keeps the published version until the next publish); ' +
      'a sheet in review or archived is not edited (409). Every edit is a version. Audited.',
  })
  @ApiOkResponse({ type: PracticeDto })
  @ApiProblems(400, 401, 403, 404, 409, 412, 422, 428)
  async update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') idOrSlug: string,
    @Body() dto: UpdatePracticeDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PracticeDto> {
    const id = await this.reader.idOf(idOrSlug);
    await this.writer.update(user, id, sentFields(dto), { ifMatch: ifMatchVersion(ifMatch) });
    const sheet = await this.reader.get(user, id);
    reply.header('ETag', versionTag(sheet.version));
    return sheet;
  }
}
