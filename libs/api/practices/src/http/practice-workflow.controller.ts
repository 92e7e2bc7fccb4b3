import { Body, Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, CurrentUser, Roles, type AuthenticatedUser } from '@oris/api/platform';
import { PracticeReviewDto, ReopenPracticeDto } from '../dto/practice-review.dto';
import { PracticeDto } from '../dto/practice.dto';
import { PRACTICE_WRITERS } from '../rules/practice-rules';
import { PracticeReader } from '../sheets/practice-reader';
import { PracticeWorkflow } from '../sheets/practice-workflow';

/** The sheet's workflow: `draft` → `in_review` → `published` → `archived`, and back to draft. */
@ApiTags('practices')
@ApiBearerAuth()
@Roles(...PRACTICE_WRITERS)
@Controller({ path: 'practices/:id', version: '1' })
export class PracticeWorkflowController {
  constructor(
    private readonly reader: PracticeReader,
    private readonly workflow: PracticeWorkflow,
  ) {}

  @Post('submit')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Submit a draft for review (editors, admins)',
    description:
      '`draft` → `in_review`; 422 `practice_incomplete` naming the required fields missing in ' +
      'the original language, 409 from another status. A version. Audited.',
  })
  @ApiOkResponse({ type: PracticeDto })
  @ApiProblems(401, 403, 404, 409, 422)
  async submit(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') idOrSlug: string,
  ): Promise<PracticeDto> {
    const id = await this.reader.idOf(idOrSlug);
    await this.workflow.submit(user, id);
    return this.reader.get(user, id);
  }

  @Post('review')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Review a sheet in review (an editor or admin who is not an author)',
    description:
      '`return`: back to `draft` with comments (per field). `assess`: sets the evidence level ' +
      '(1–5) with its justification (the original language’s is required); the sheet stays in ' +
      'review until published. 403 `practice_reviewer_is_author` for an author. A version. Audited.',
  })
  @ApiOkResponse({ type: PracticeDto })
  @ApiProblems(400, 401, 403, 404, 409)
  async review(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') idOrSlug: string,
    @Body() dto: PracticeReviewDto,
  ): Promise<PracticeDto> {
    const id = await this.reader.idOf(idOrSlug);
    await this.workflow.review(user, id, dto);
    return this.reader.get(user, id);
  }

  @Post('publish')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Publish a reviewed sheet (a reviewer: not an author)',
    description:
      '`in_review` → `published` once a reviewer has assessed this edition since it was submitted: ' +
      'the evidence level and its justification set (`review` with `assess`; an earlier edition’s ' +
      'level is kept as a starting point but not published again unassessed). Otherwise 409 ' +
      '`practice_evidence_missing`. This version becomes the one the public reads. A version. Audited.',
  })
  @ApiOkResponse({ type: PracticeDto })
  @ApiProblems(401, 403, 404, 409)
  async publish(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') idOrSlug: string,
  ): Promise<PracticeDto> {
    const id = await this.reader.idOf(idOrSlug);
    await this.workflow.publish(user, id);
    return this.reader.get(user, id);
  }

  @Post('archive')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Archive a published sheet (editors, admins)',
    description: '`published` → `archived`: it leaves the public library. A version. Audited.',
  })
  @ApiOkResponse({ type: PracticeDto })
  @ApiProblems(401, 403, 404, 409)
  async archive(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') idOrSlug: string,
  ): Promise<PracticeDto> {
    const id = await this.reader.idOf(idOrSlug);
    await this.workflow.archive(user, id);
    return this.reader.get(user, id);
  }

  @Post('reopen')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Reopen a published or archived sheet as a draft (editors, admins)',
    description:
      'For a new edition. The public keeps reading the last published version of a published ' +
      'sheet until the next publish, unless `unpublish`. A version. Audited.',
  })
  @ApiOkResponse({ type: PracticeDto })
  @ApiProblems(400, 401, 403, 404, 409)
  async reopen(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') idOrSlug: string,
    @Body() dto: ReopenPracticeDto,
  ): Promise<PracticeDto> {
    const id = await this.reader.idOf(idOrSlug);
    await this.workflow.reopen(user, id, dto.unpublish ?? false);
    return this.reader.get(user, id);
  }
}
