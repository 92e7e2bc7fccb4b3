import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, AuthenticatedUser, CurrentUser, RequiresConsent } from '@oris/api/platform';
import { QuizAttempts } from '../attempts/attempt.service';
import { AnswerInputDto, AttemptDto, LearnerQuizDto, SavedAnswerDto } from '../dto/attempt.dto';

@ApiTags('quizzes')
@ApiBearerAuth()
@Controller({ path: 'enrollments/:id/modules/:moduleId/quiz', version: '1' })
export class LearnerQuizController {
  constructor(private readonly attempts: QuizAttempts) {}

  @Get()
  @ApiOperation({
    summary: 'The module’s quiz, my attempts and grade (the enrolled trainee)',
    description: 'Anyone else gets 404; 409 before the seat is confirmed.',
  })
  @ApiOkResponse({ type: LearnerQuizDto })
  @ApiProblems(400, 401, 404, 409)
  get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('moduleId', ParseUUIDPipe) moduleId: string,
  ): Promise<LearnerQuizDto> {
    return this.attempts.overview(user, id, moduleId);
  }

  @RequiresConsent()
  @Post('attempts')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Start an attempt, or resume the one in progress',
    description:
      'The questions and their order are drawn once, at start: resuming shows the same. 409 ' +
      '`no_attempt_left`, `quiz_closed`, `quiz_has_no_questions`, `seat_not_confirmed`.',
  })
  @ApiOkResponse({ type: AttemptDto })
  @ApiProblems(400, 401, 403, 404, 409)
  start(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('moduleId', ParseUUIDPipe) moduleId: string,
  ): Promise<AttemptDto> {
    return this.attempts.start(user, id, moduleId);
  }
}

@ApiTags('quizzes')
@ApiBearerAuth()
@Controller({ path: 'quiz-attempts/:attemptId', version: '1' })
export class QuizAttemptsController {
  constructor(private readonly attempts: QuizAttempts) {}

  @Get()
  @ApiOperation({
    summary: 'My attempt: questions, my answers and, when the quiz allows, the correct ones',
    description: 'Another person’s attempt is 404. Past its deadline, the attempt is closed.',
  })
  @ApiOkResponse({ type: AttemptDto })
  @ApiProblems(400, 401, 404)
  get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('attemptId', ParseUUIDPipe) attemptId: string,
  ): Promise<AttemptDto> {
    return this.attempts.get(user, attemptId);
  }

  @RequiresConsent()
  @Put('answers/:questionId')
  @ApiOperation({
    summary: 'Save my answer to one question (again to change it)',
    description:
      '409 `attempt_submitted` after submission, `attempt_time_up` after the deadline and its ' +
      'grace (the attempt is then closed at its deadline).',
  })
  @ApiOkResponse({ type: SavedAnswerDto })
  @ApiProblems(400, 401, 403, 404, 409)
  save(
    @CurrentUser() user: AuthenticatedUser,
    @Param('attemptId', ParseUUIDPipe) attemptId: string,
    @Param('questionId', ParseUUIDPipe) questionId: string,
    @Body() dto: AnswerInputDto,
  ): Promise<SavedAnswerDto> {
    return this.attempts.save(user, attemptId, questionId, dto);
  }

  @RequiresConsent()
  @Post('submit')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Submit my attempt: graded by the server',
    description:
      '409 `attempt_submitted` when already submitted. Past the deadline, the attempt is closed ' +
      'at its deadline with the answers saved by then.',
  })
  @ApiOkResponse({ type: AttemptDto })
  @ApiProblems(400, 401, 403, 404, 409)
  submit(
    @CurrentUser() user: AuthenticatedUser,
    @Param('attemptId', ParseUUIDPipe) attemptId: string,
  ): Promise<AttemptDto> {
    return this.attempts.submit(user, attemptId);
  }
}
