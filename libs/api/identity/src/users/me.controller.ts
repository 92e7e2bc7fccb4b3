import { Body, Controller, Get, HttpCode, HttpStatus, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiProblems, AuthenticatedUser, CurrentUser } from '@oris/api/platform';
import { AuthService } from '../auth/auth.service';
import { ChangePasswordDto, UpdateMeDto } from '../dto/me.dto';
import { UserDto } from '../dto/user.dto';
import { UsersService } from './users.service';

/** The signed-in person's own account, whatever their roles. */
@ApiTags('me')
@ApiBearerAuth()
@Controller({ path: 'me', version: '1' })
export class MeController {
  constructor(
    private readonly users: UsersService,
    private readonly auth: AuthService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The signed-in person' })
  @ApiOkResponse({ type: UserDto, description: 'The person behind the access token.' })
  @ApiProblems(401)
  me(@CurrentUser() user: AuthenticatedUser): Promise<UserDto> {
    return this.users.get(user.id);
  }

  @Patch()
  @ApiOperation({ summary: 'Edit one’s profile; fields left out are kept' })
  @ApiOkResponse({ type: UserDto, description: 'The profile after the change.' })
  @ApiProblems(400, 401)
  update(@CurrentUser() user: AuthenticatedUser, @Body() body: UpdateMeDto): Promise<UserDto> {
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
}
