import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Patch,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { ApiProblems, AppConfig, AuthenticatedUser, CurrentUser } from '@oris/api/platform';
import { AuthService } from '../auth/auth.service';
import { ChangePasswordDto, EraseMeDto, UpdateMeDto } from '../dto/me.dto';
import { MeDto } from '../dto/consent.dto';
import { AccountErasure } from '../erasure/account-erasure.service';
import { REFRESH_COOKIE, refreshCookieOptions } from '../http/refresh-cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { EmailConfirmationService } from '../auth/email-confirmation.service';
import { MyDataDto, MyDataQuery } from '../my-data/my-data';
import { MY_DATA_HTML_CSP, renderMyDataHtml } from '../my-data/my-data-html';
import { MyDataService } from '../my-data/my-data.service';
import { UsersService } from './users.service';

/** The signed-in person's own account, whatever their roles. */
@ApiTags('me')
@ApiBearerAuth()
@Controller({ path: 'me', version: '1' })
export class MeController {
  constructor(
    private readonly users: UsersService,
    private readonly auth: AuthService,
    private readonly myData: MyDataService,
    private readonly erasure: AccountErasure,
    private readonly config: AppConfig,
    private readonly emailConfirmation: EmailConfirmationService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The signed-in person' })
  @ApiOkResponse({
    type: MeDto,
    description:
      'The person behind the access token, with `consent.required` when they must answer the ' +
      'personal-data notice again before using the app.',
  })
  @ApiProblems(401)
  me(@CurrentUser() user: AuthenticatedUser): Promise<MeDto> {
    return this.users.getMe(user.id);
  }

  @Patch()
  @ApiOperation({ summary: 'Edit one’s profile; fields left out are kept' })
  @ApiOkResponse({ type: MeDto, description: 'The profile after the change.' })
  @ApiProblems(400, 401)
  update(@CurrentUser() user: AuthenticatedUser, @Body() body: UpdateMeDto): Promise<MeDto> {
    return this.users.updateProfile(user.id, body);
  }

  @Post('password')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Change one’s password; every session ends, so sign in again' })
  @ApiNoContentResponse({ description: 'Password changed.' })
  @ApiProblems(400, 401)
  async changePassword(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: ChangePasswordDto,
  ): Promise<void> {
    await this.auth.changePassword(user.id, body.currentPassword, body.newPassword);
  }

  @Post('erasure')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'Erase one’s own account (law 09-08 erasure right); confirmed with the password',
    description:
      'Anonymises the person everywhere: name, email (replaced by a non-deliverable address), ' +
      'phone, free text in their records, consent addresses, pending emails (cancelled) and the ' +
      'stored PDFs of their certificates. Every session and link ends; signing in is no longer ' +
      'possible. What the indicators count stays, without identity: certificates remain ' +
      'verifiable without the holder’s name. Cannot be undone.',
  })
  @ApiNoContentResponse({ description: 'Erased; the refresh cookie is cleared.' })
  @ApiProblems(400, 401, 409, 429)
  async erase(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: EraseMeDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.erasure.eraseOwn(user.id, body.currentPassword);
    reply.clearCookie(REFRESH_COOKIE, refreshCookieOptions(this.config));
  }

  @Post('email-confirmation')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary: 'Email a new single-use link confirming one’s email address',
    description:
      'Nothing is sent when the address is already confirmed. Limited per account ' +
      '(EMAIL_CONFIRMATION_RESEND_PER_HOUR) and per client address (429 beyond).',
  })
  @ApiAcceptedResponse({ description: 'A new link is on its way (unless already confirmed).' })
  @ApiProblems(401, 429)
  async resendEmailConfirmation(
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    await this.emailConfirmation.resend(user.id, request.ip);
  }

  @Get('export')
  @ApiOperation({
    summary: 'Everything the platform holds about the signed-in person (law 09-08 access right)',
    description:
      'Profile, consents, enrollments with their baseline, module progress and attendance, ' +
      'certificates (with their verification link, not the PDF), situations with every version, ' +
      'follow-ups and answers, and audit events about the person (other actors named by role ' +
      'only). `?format=html` gives a readable document in the person’s language, as a download ' +
      'that runs no script. Each export is an audit event; 10 per hour per account (429 beyond).',
  })
  @ApiProduces('application/json', 'text/html')
  @ApiOkResponse({ type: MyDataDto, description: 'The export (JSON unless `format=html`).' })
  @ApiProblems(400, 401, 429)
  async export(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: MyDataQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MyDataDto | string> {
    const format = query.format ?? 'json';
    const data = await this.myData.export(user.id, format);
    reply.header('cache-control', 'no-store');
    const day = data.exportedAt.slice(0, 10);
    if (format === 'json') {
      reply.header('content-disposition', `attachment; filename="oris-my-data-${day}.json"`);
      return data;
    }
    reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', MY_DATA_HTML_CSP)
      .header('content-disposition', `attachment; filename="oris-my-data-${day}.html"`);
    return renderMyDataHtml(data, data.profile.locale);
  }
}
