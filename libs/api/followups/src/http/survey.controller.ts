import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Public } from '@oris/api/platform';
import type { FastifyRequest } from 'fastify';
import { SurveyAnswerDto } from '../dto/answer.dto';
import { SurveyDto, SurveyReceiptDto } from '../dto/survey.dto';
import { SurveyService } from '../survey/survey.service';

@ApiTags('survey')
@Public()
@Controller({ path: 'survey/:token', version: '1' })
export class SurveyController {
  constructor(private readonly survey: SurveyService) {}

  @Get()
  @ApiOperation({
    summary: 'The follow-up survey behind an emailed link (anyone with the link)',
    description:
      'The person’s first name, the course and the horizon. Unknown, expired, replaced and ' +
      'already used links all answer 404. Rate-limited per IP (429).',
  })
  @ApiOkResponse({ type: SurveyDto })
  @ApiProblems(404, 429)
  get(@Req() request: FastifyRequest, @Param('token') token: string): Promise<SurveyDto> {
    return this.survey.get(request.ip, token);
  }

  @Post()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Answer the follow-up survey (anyone with the link; once)',
    description:
      'Records the situation as declared by the trainee, awaiting an officer’s validation, and ' +
      'spends the link: a second answer gets 404. Checked like a placement (400 naming each ' +
      'field). Rate-limited per IP (429).',
  })
  @ApiOkResponse({ type: SurveyReceiptDto })
  @ApiProblems(400, 404, 429)
  async answer(
    @Req() request: FastifyRequest,
    @Param('token') token: string,
    @Body() body: SurveyAnswerDto,
  ): Promise<SurveyReceiptDto> {
    await this.survey.answer(request.ip, token, body);
    return { recorded: true };
  }
}
