import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiPageResponse,
  ApiProblems,
  AuthenticatedUser,
  CurrentUser,
  Page,
  Roles,
} from '@oris/api/platform';
import { PhoneAnswerDto } from '../dto/answer.dto';
import {
  FollowupCountsDto,
  FollowupDto,
  FollowupFilterQuery,
  FollowupListQuery,
} from '../dto/followup.dto';
import { FollowupQueue } from '../queue/followup-queue.service';

@ApiTags('followups')
@ApiBearerAuth()
@Roles('placement_officer', 'admin')
@Controller({ path: 'followups', version: '1' })
export class FollowupsController {
  constructor(private readonly queue: FollowupQueue) {}

  @Get()
  @ApiOperation({
    summary: 'The follow-up queue (placement officers, administrators)',
    description:
      'Earliest due first, with the person’s name and contact; filters by status (`overdue`: ' +
      'due and unanswered 30 days after the due date), horizon, region at enrollment, course ' +
      'and session.',
  })
  @ApiPageResponse(FollowupDto)
  @ApiProblems(400, 401, 403)
  list(@Query() query: FollowupListQuery): Promise<Page<FollowupDto>> {
    return this.queue.list(query);
  }

  @Get('counts')
  @ApiOperation({
    summary: 'Follow-ups by status, for the queue’s badges (placement officers, administrators)',
  })
  @ApiOkResponse({ type: FollowupCountsDto })
  @ApiProblems(400, 401, 403)
  counts(@Query() query: FollowupFilterQuery): Promise<FollowupCountsDto> {
    return this.queue.counts(query);
  }

  @Post(':id/answer')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Record an answer taken by phone (placement officers, administrators)',
    description:
      'The situation is the trainee’s declaration collected by the officer (source `officer`, ' +
      'evidence `declared`, recorded by the officer, awaiting validation) with the note; the ' +
      'follow-up becomes answered and keeps who took the call. 409 when already answered; 422 ' +
      'when the organisation does not fit.',
  })
  @ApiOkResponse({ type: FollowupDto })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  answer(
    @CurrentUser() officer: AuthenticatedUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: PhoneAnswerDto,
  ): Promise<FollowupDto> {
    return this.queue.recordPhoneAnswer(officer, id, body);
  }
}
