import '@fastify/cookie';
import { Body, Controller, HttpCode, HttpStatus, Post, Req, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiProblems, AppConfig, Public } from '@oris/api/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  ConfirmEmailDto,
  ForgotPasswordDto,
  LoginDto,
  RegisterDto,
  ResetPasswordDto,
} from '../dto/auth.dto';
import { AuthSessionDto } from '../dto/consent.dto';
import { REFRESH_COOKIE, refreshCookieOptions } from '../http/refresh-cookie';
import { IdentityException } from '../identity.exception';
import { AuthService, SignedIn } from './auth.service';
import { EmailConfirmationService } from './email-confirmation.service';
import { PasswordResetService } from './password-reset.service';

const SET_REFRESH_COOKIE = {
  'Set-Cookie': {
    description: `${REFRESH_COOKIE}: httpOnly, SameSite=Strict, Path=/api/v1/auth; the browser keeps it.`,
    schema: { type: 'string' },
  },
};

/**
 * Sign-in and sessions. These routes are public: the refresh and logout routes are authenticated
 * by the httpOnly refresh cookie (SameSite=Strict), not by an access token that may have expired.
 */
@ApiTags('auth')
@Controller({ path: 'auth', version: '1' })
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly passwordReset: PasswordResetService,
    private readonly emailConfirmation: EmailConfirmationService,
    private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('register')
  @ApiOperation({
    summary: 'Create a trainee account (consent required) and sign in',
    description:
      'The account starts with its email unconfirmed (`emailConfirmedAt` null): a welcome email ' +
      'carries a single-use confirmation link. Until it is opened the person signs in but cannot ' +
      'enroll themself (403 `email_not_confirmed`) nor be issued certificates.',
  })
  @ApiCreatedResponse({
    type: AuthSessionDto,
    description: 'Signed in; the refresh token is set as the oris_refresh cookie.',
    headers: SET_REFRESH_COOKIE,
  })
  @ApiProblems(400, 409, 429)
  async register(
    @Body() body: RegisterDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AuthSessionDto> {
    return this.answer(reply, await this.auth.register(body, request.ip));
  }

  @Public()
  @Post('login')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Sign in with email and password' })
  @ApiOkResponse({
    type: AuthSessionDto,
    description: 'Signed in; the refresh token is set as the oris_refresh cookie.',
    headers: SET_REFRESH_COOKIE,
  })
  @ApiProblems(400, 401, 429)
  async login(
    @Body() body: LoginDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AuthSessionDto> {
    return this.answer(reply, await this.auth.login(body, request.ip));
  }

  @Public()
  @Post('refresh')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Exchange the refresh cookie for a new access token; the cookie is rotated',
    description: `Authenticated by the httpOnly ${REFRESH_COOKIE} cookie, not by a bearer token.`,
  })
  @ApiOkResponse({
    type: AuthSessionDto,
    description: 'A new access token; the cookie is replaced.',
    headers: SET_REFRESH_COOKIE,
  })
  @ApiProblems(401)
  async refresh(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AuthSessionDto> {
    try {
      return this.answer(reply, await this.auth.refresh(request.cookies[REFRESH_COOKIE]));
    } catch (error) {
      // A refused cookie is dead for good: drop it so the client stops sending it. Any other
      // failure (the database unreachable: 503) says nothing about the session, which must
      // survive the outage.
      if (error instanceof IdentityException && error.status === HttpStatus.UNAUTHORIZED)
        reply.clearCookie(REFRESH_COOKIE, refreshCookieOptions(this.config));
      throw error;
    }
  }

  @Public()
  @Post('logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'End the session of the refresh cookie and clear it',
    description: `Uses the httpOnly ${REFRESH_COOKIE} cookie, not a bearer token.`,
  })
  @ApiNoContentResponse({ description: 'Signed out (also when there was no session).' })
  async logout(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.auth.logout(request.cookies[REFRESH_COOKIE]);
    reply.clearCookie(REFRESH_COOKIE, refreshCookieOptions(this.config));
  }

  @Public()
  @Post('password/forgot')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Email a single-use password reset link valid for one hour' })
  @ApiAcceptedResponse({ description: 'Always, whether or not the address has an account.' })
  @ApiProblems(400, 429)
  async forgotPassword(
    @Body() body: ForgotPasswordDto,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    await this.passwordReset.requestReset(body.email, request.ip);
  }

  @Public()
  @Post('password/reset')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Set a new password with the emailed token; ends every session' })
  @ApiNoContentResponse({ description: 'Password changed; sign in again.' })
  @ApiProblems(400)
  async resetPassword(@Body() body: ResetPasswordDto): Promise<void> {
    await this.passwordReset.reset(body.token, body.password);
  }

  @Public()
  @Post('email/confirm')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'Confirm one’s email address with the emailed token (single use)',
    description:
      'Public: the link may be opened in a browser where nobody is signed in. Spends every ' +
      'pending confirmation link of the person.',
  })
  @ApiNoContentResponse({ description: 'The address is confirmed (also if it already was).' })
  @ApiProblems(400)
  async confirmEmail(@Body() body: ConfirmEmailDto): Promise<void> {
    await this.emailConfirmation.confirm(body.token);
  }

  private answer(reply: FastifyReply, signedIn: SignedIn): AuthSessionDto {
    reply.setCookie(
      REFRESH_COOKIE,
      signedIn.refreshToken,
      refreshCookieOptions(this.config, signedIn.refreshExpiresAt),
    );
    return {
      accessToken: signedIn.accessToken,
      expiresIn: signedIn.expiresIn,
      user: signedIn.user,
    };
  }
}
