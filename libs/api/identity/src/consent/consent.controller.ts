import { Body, Controller, Get, HttpCode, HttpStatus, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, AuthenticatedUser, CurrentUser } from '@oris/api/platform';
import type { FastifyRequest } from 'fastify';
import { ConsentOverviewDto, RecordConsentDto } from '../dto/consent.dto';
import { ConsentRecords } from './consent-records.service';

/** The signed-in person's consent: its history, the prompt's answer, withdrawal. */
@ApiTags('me')
@ApiBearerAuth()
@Controller({ path: 'me/consents', version: '1' })
export class ConsentController {
  constructor(private readonly consents: ConsentRecords) {}

  @Get()
  @ApiOperation({ summary: 'One’s consent: where it stands and its whole history' })
  @ApiOkResponse({ type: ConsentOverviewDto })
  @ApiProblems(401)
  get(@CurrentUser() user: AuthenticatedUser): Promise<ConsentOverviewDto> {
    return this.consents.overview(user.id, user.roles);
  }

  @Post()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Answer the consent prompt, or withdraw / give again consent to follow-up',
    description:
      'Appends a record at the current notice version (records are never changed): ' +
      '`sign_in_prompt` when the person was being asked (a newer notice, a consent recorded by ' +
      'staff), `profile` otherwise. `followupTracking: false` withdraws consent to post-training ' +
      'follow-up: no follow-up is scheduled or emailed any more and pending survey links stop ' +
      'working; completed records, certificates and recorded figures are kept. Repeating the ' +
      'current choice adds nothing. Audited.',
  })
  @ApiOkResponse({ type: ConsentOverviewDto })
  @ApiProblems(400, 401)
  answer(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: RecordConsentDto,
    @Req() request: FastifyRequest,
  ): Promise<ConsentOverviewDto> {
    return this.consents.answer(user.id, user.roles, body.followupTracking, request.ip);
  }
}
