import {
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  ParseEnumPipe,
  ParseUUIDPipe,
  Put,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import {
  ApiPageResponse,
  ApiProblems,
  AuthenticatedUser,
  CurrentUser,
  Page,
  Roles,
} from '@oris/api/platform';
import { ROLES, Role } from '@oris/shared/domain';
import { UserDto } from '../dto/user.dto';
import { UserListQuery } from '../dto/user-list.query';
import { AccountErasure } from '../erasure/account-erasure.service';
import { AccountDisabling } from './account-disabling.service';
import { RolesService } from './roles.service';
import { UsersService } from './users.service';

const ROLE_VALUES = Object.fromEntries(ROLES.map((role) => [role, role])) as Record<Role, Role>;
const RoleParam = () => new ParseEnumPipe(ROLE_VALUES);
const IdParam = () => new ParseUUIDPipe();

/** People and their roles, for administrators. */
@ApiTags('users')
@ApiBearerAuth()
@Roles('admin')
@Controller({ path: 'users', version: '1' })
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly roles: RolesService,
    private readonly disabling: AccountDisabling,
    private readonly erasure: AccountErasure,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Find people by email or name, and by role' })
  @ApiPageResponse(UserDto)
  @ApiProblems(400, 401, 403)
  list(@Query() query: UserListQuery): Promise<Page<UserDto>> {
    return this.users.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One person (the access is recorded in the audit trail)' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: UserDto, description: 'The person.' })
  @ApiProblems(400, 401, 403, 404)
  get(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', IdParam()) id: string,
  ): Promise<UserDto> {
    return this.users.getForStaff(actor.id, id);
  }

  @Put(':id/roles/:role')
  @ApiOperation({ summary: 'Grant a role (idempotent)' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiParam({ name: 'role', enum: ROLES })
  @ApiOkResponse({ type: UserDto, description: 'The person with the role.' })
  @ApiProblems(400, 401, 403, 404)
  grant(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', IdParam()) id: string,
    @Param('role', RoleParam()) role: Role,
  ): Promise<UserDto> {
    return this.roles.grant(actor.id, id, role);
  }

  @Delete(':id/roles/:role')
  @ApiOperation({ summary: 'Revoke a role (idempotent); the last administrator keeps theirs' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiParam({ name: 'role', enum: ROLES })
  @ApiOkResponse({ type: UserDto, description: 'The person without the role.' })
  @ApiProblems(400, 401, 403, 404, 409)
  revoke(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', IdParam()) id: string,
    @Param('role', RoleParam()) role: Role,
  ): Promise<UserDto> {
    return this.roles.revoke(actor.id, id, role);
  }

  @Put(':id/disabled')
  @ApiOperation({
    summary: 'Disable an account (idempotent): it cannot sign in, and its sessions end now',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: UserDto, description: 'The person, disabled.' })
  @ApiProblems(400, 401, 403, 404, 409)
  disable(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', IdParam()) id: string,
  ): Promise<UserDto> {
    return this.disabling.disable(actor.id, id);
  }

  @Delete(':id/disabled')
  @ApiOperation({ summary: 'Enable a disabled account again (idempotent)' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: UserDto, description: 'The person, active.' })
  @ApiProblems(400, 401, 403, 404)
  enable(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', IdParam()) id: string,
  ): Promise<UserDto> {
    return this.disabling.enable(actor.id, id);
  }

  @Post(':id/erasure')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Erase a person’s account on their request (law 09-08; idempotent, audited)',
    description:
      'Anonymises the person as `POST /api/v1/me/erasure` does. Repeating it changes nothing. ' +
      'An administrator erases their own account from their own data page (409 here); the last ' +
      'active administrator cannot be erased (409).',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: UserDto, description: 'The person, erased.' })
  @ApiProblems(400, 401, 403, 404, 409)
  erase(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', IdParam()) id: string,
  ): Promise<UserDto> {
    return this.erasure.eraseByAdmin(actor.id, id);
  }
}
