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
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiProblems, AuthenticatedUser, CurrentUser, Roles } from '@oris/api/platform';
import { QuizDto, QuizSettingsInputDto } from '../dto/quiz.dto';
import { QuizResultsDto, RegradeResultDto } from '../dto/results.dto';
import { QuizSettings } from '../quiz/quiz-settings.service';
import { QuizResults } from '../results/quiz-results.service';

@ApiTags('quizzes')
@ApiBearerAuth()
@Roles('trainer', 'admin')
@Controller({ path: 'modules/:moduleId/quiz', version: '1' })
export class ModuleQuizController {
  constructor(private readonly settings: QuizSettings) {}

  @Get()
  @ApiOperation({ summary: 'The module’s quiz settings (owners, administrators); 404 when none' })
  @ApiOkResponse({ type: QuizDto })
  @ApiProblems(400, 401, 403, 404)
  get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('moduleId', ParseUUIDPipe) moduleId: string,
  ): Promise<QuizDto> {
    return this.settings.get(user, moduleId);
  }

  @Put()
  @ApiOperation({ summary: 'Add a quiz to the module, or change its settings' })
  @ApiOkResponse({ type: QuizDto })
  @ApiProblems(400, 401, 403, 404)
  put(
    @CurrentUser() user: AuthenticatedUser,
    @Param('moduleId', ParseUUIDPipe) moduleId: string,
    @Body() dto: QuizSettingsInputDto,
  ): Promise<QuizDto> {
    return this.settings.put(user, moduleId, dto);
  }

  @Delete()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove the module’s quiz, while nobody has attempted it (409 after)' })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 404, 409)
  remove(
    @CurrentUser() user: AuthenticatedUser,
    @Param('moduleId', ParseUUIDPipe) moduleId: string,
  ): Promise<void> {
    return this.settings.remove(user, moduleId);
  }
}

@ApiTags('quizzes')
@ApiBearerAuth()
@Roles('trainer', 'admin')
@Controller({ path: 'quizzes/:quizId', version: '1' })
export class QuizResultsController {
  constructor(private readonly results: QuizResults) {}

  @Get('results')
  @ApiOperation({
    summary: 'Results per question and per trainee (owners, administrators)',
  })
  @ApiOkResponse({ type: QuizResultsDto })
  @ApiProblems(400, 401, 403, 404)
  get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('quizId', ParseUUIDPipe) quizId: string,
  ): Promise<QuizResultsDto> {
    return this.results.results(user, quizId);
  }

  @Post('regrade')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Grade every submitted attempt again with the questions as they are now (audited)',
  })
  @ApiOkResponse({ type: RegradeResultDto })
  @ApiProblems(400, 401, 403, 404)
  regrade(
    @CurrentUser() user: AuthenticatedUser,
    @Param('quizId', ParseUUIDPipe) quizId: string,
  ): Promise<RegradeResultDto> {
    return this.results.regrade(user, quizId);
  }
}
