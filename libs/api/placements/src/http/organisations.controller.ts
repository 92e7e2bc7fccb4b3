import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  ApiPageResponse,
  ApiProblems,
  AuthenticatedUser,
  CurrentUser,
  Page,
  Roles,
} from '@oris/api/platform';
import {
  CreateOrganisationDto,
  OrganisationDto,
  OrganisationListQuery,
  UpdateOrganisationDto,
} from '../dto/organisation.dto';
import { OrganisationsService } from '../organisations/organisations.service';

@ApiTags('organisations')
@ApiBearerAuth()
@Roles('placement_officer', 'partnership_officer', 'admin')
@Controller({ path: 'organisations', version: '1' })
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Get()
  @ApiOperation({
    summary: 'The registry of partner organisations',
    description: 'By name; filters `q` (part of the name), `kind`, `region`, `stakeholderGroup`.',
  })
  @ApiPageResponse(OrganisationDto)
  @ApiProblems(400, 401, 403)
  list(@Query() query: OrganisationListQuery): Promise<Page<OrganisationDto>> {
    return this.organisations.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A partner organisation' })
  @ApiOkResponse({ type: OrganisationDto })
  @ApiProblems(400, 401, 403, 404)
  get(@Param('id', ParseUUIDPipe) id: string): Promise<OrganisationDto> {
    return this.organisations.get(id);
  }

  @Post()
  @ApiOperation({
    summary: 'Register a partner organisation',
    description: 'Its name is unique in its region, whatever the case (409 otherwise).',
  })
  @ApiCreatedResponse({ type: OrganisationDto })
  @ApiProblems(400, 401, 403, 409)
  create(
    @CurrentUser() user: AuthenticatedUser,
    @Body() dto: CreateOrganisationDto,
  ): Promise<OrganisationDto> {
    return this.organisations.create(user, dto);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Rename, re-kind, regroup or move a partner organisation' })
  @ApiOkResponse({ type: OrganisationDto })
  @ApiProblems(400, 401, 403, 404, 409)
  update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateOrganisationDto,
  ): Promise<OrganisationDto> {
    return this.organisations.update(user, id, dto);
  }
}
