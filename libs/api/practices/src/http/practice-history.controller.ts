import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseIntPipe,
  ParseUUIDPipe,
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
import { ApiProblems, CurrentUser, Roles, type AuthenticatedUser } from '@oris/api/platform';
import { PracticeDiffQuery } from '../dto/practice-list.query';
import { CreatePracticeCommentDto } from '../dto/practice-review.dto';
import { PracticeCommentDto, PracticeDiffDto, PracticeVersionDto } from '../dto/practice.dto';
import { PRACTICE_WRITERS } from '../rules/practice-rules';
import { PracticeComments } from '../sheets/practice-comments';
import { PracticeReader } from '../sheets/practice-reader';

/** What the editors see of a sheet's making: its review comments and its versions. */
@ApiTags('practices')
@ApiBearerAuth()
@Roles(...PRACTICE_WRITERS)
@Controller({ path: 'practices/:id', version: '1' })
export class PracticeHistoryController {
  constructor(
    private readonly reader: PracticeReader,
    private readonly comments: PracticeComments,
  ) {}

  @Get('comments')
  @ApiOperation({ summary: 'The review comments of a sheet, oldest first (editors, admins)' })
  @ApiOkResponse({ type: [PracticeCommentDto] })
  @ApiProblems(401, 403, 404)
  async listComments(@Param('id') idOrSlug: string): Promise<PracticeCommentDto[]> {
    return this.comments.list(await this.reader.idOf(idOrSlug));
  }

  @Post('comments')
  @ApiOperation({
    summary: 'Comment on a field of a sheet (editors, admins)',
    description: 'On a text field (with its language) or another part of the sheet. Audited.',
  })
  @ApiCreatedResponse({ type: PracticeCommentDto })
  @ApiProblems(400, 401, 403, 404)
  async addComment(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') idOrSlug: string,
    @Body() dto: CreatePracticeCommentDto,
  ): Promise<PracticeCommentDto> {
    const id = await this.reader.idOf(idOrSlug);
    return this.comments.get(id, await this.comments.add(user, id, dto));
  }

  @Post('comments/:commentId/resolve')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Mark a comment resolved (editors, admins; again: unchanged)' })
  @ApiOkResponse({ type: PracticeCommentDto })
  @ApiProblems(400, 401, 403, 404)
  async resolveComment(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') idOrSlug: string,
    @Param('commentId', ParseUUIDPipe) commentId: string,
  ): Promise<PracticeCommentDto> {
    const id = await this.reader.idOf(idOrSlug);
    await this.comments.resolve(user, id, commentId);
    return this.comments.get(id, commentId);
  }

  @Get('versions')
  @ApiOperation({
    summary: 'Every version of a sheet, newest first (editors, admins)',
    description: 'Each change made one: its number, status, action, author and time.',
  })
  @ApiOkResponse({ type: [PracticeVersionDto] })
  @ApiProblems(401, 403, 404)
  async versions(@Param('id') idOrSlug: string): Promise<PracticeVersionDto[]> {
    return this.reader.versions(await this.reader.idOf(idOrSlug));
  }

  @Get('versions/:number/diff')
  @ApiOperation({
    summary: 'What changed in a version, field by field, word by word (editors, admins)',
    description:
      'Against version `against` (default: the one before). Each changed field with its ' +
      'language, both texts and the word-level segments (`equal`, `delete`, `insert`).',
  })
  @ApiOkResponse({ type: PracticeDiffDto })
  @ApiProblems(400, 401, 403, 404)
  async diff(
    @Param('id') idOrSlug: string,
    @Param('number', ParseIntPipe) number: number,
    @Query() query: PracticeDiffQuery,
  ): Promise<PracticeDiffDto> {
    return this.reader.diff(await this.reader.idOf(idOrSlug), number, query.against);
  }
}
