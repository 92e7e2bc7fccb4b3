import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiProblems, AuthenticatedUser, CurrentUser, Roles } from '@oris/api/platform';
import { QuestionBank } from '../bank/question-bank.service';
import { QuestionBankDto, QuestionDto, QuestionInputDto } from '../dto/question.dto';

@ApiTags('quizzes')
@ApiBearerAuth()
@Roles('trainer', 'admin')
@Controller({ path: 'courses/:courseId/questions', version: '1' })
export class QuestionBankController {
  constructor(private readonly bank: QuestionBank) {}

  @Get()
  @ApiOperation({
    summary: 'The course’s question bank, with the answer keys (owners, administrators)',
  })
  @ApiOkResponse({ type: QuestionBankDto })
  @ApiProblems(400, 401, 403, 404)
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Param('courseId', ParseUUIDPipe) courseId: string,
  ): Promise<QuestionBankDto> {
    return this.bank.list(user, courseId);
  }

  @Post()
  @ApiOperation({ summary: 'Add a question to the bank' })
  @ApiCreatedResponse({ type: QuestionDto })
  @ApiProblems(400, 401, 403, 404, 409)
  create(
    @CurrentUser() user: AuthenticatedUser,
    @Param('courseId', ParseUUIDPipe) courseId: string,
    @Body() dto: QuestionInputDto,
  ): Promise<QuestionDto> {
    return this.bank.create(user, courseId, dto);
  }

  @Put(':questionId')
  @ApiOperation({
    summary: 'Fix a question',
    description:
      'Attempts already graded keep their scores until the quiz is regraded. An answered ' +
      'question keeps its type (409).',
  })
  @ApiOkResponse({ type: QuestionDto })
  @ApiProblems(400, 401, 403, 404, 409)
  update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('courseId', ParseUUIDPipe) courseId: string,
    @Param('questionId', ParseUUIDPipe) questionId: string,
    @Body() dto: QuestionInputDto,
  ): Promise<QuestionDto> {
    return this.bank.update(user, courseId, questionId, dto);
  }

  @Delete(':questionId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove a question no attempt has drawn (409 otherwise)' })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 404, 409)
  remove(
    @CurrentUser() user: AuthenticatedUser,
    @Param('courseId', ParseUUIDPipe) courseId: string,
    @Param('questionId', ParseUUIDPipe) questionId: string,
  ): Promise<void> {
    return this.bank.remove(user, courseId, questionId);
  }
}
