import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
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
  CreateRectificationRequestDto,
  RectificationListQuery,
  RectificationRequestDto,
  ResolveRectificationRequestDto,
} from '../dto/rectification.dto';
import { RectificationRequests } from '../rectification/rectification-requests.service';

/** A trainee's own requests to correct their situation (law 09-08 rectification). */
@ApiTags('me')
@ApiBearerAuth()
@Controller({ path: 'me/rectification-requests', version: '1' })
export class MyRectificationRequestsController {
  constructor(private readonly requests: RectificationRequests) {}

  @Get()
  @ApiOperation({ summary: 'One’s requests to correct a situation, latest first, with answers' })
  @ApiOkResponse({ type: RectificationRequestDto, isArray: true })
  @ApiProblems(401)
  list(@CurrentUser() user: AuthenticatedUser): Promise<RectificationRequestDto[]> {
    return this.requests.listMine(user);
  }

  @Post()
  @ApiOperation({
    summary: 'Ask the placement officers to correct a situation recorded about oneself',
    description:
      'With `placementId`, about one of one’s own situations (404 for any other); without, ' +
      'about a situation missing or not listed. The request is open until an officer answers. ' +
      'Audited (`rectification.requested`). Never refused for consent: it is a right.',
  })
  @ApiCreatedResponse({ type: RectificationRequestDto })
  @ApiProblems(400, 401, 404)
  create(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: CreateRectificationRequestDto,
  ): Promise<RectificationRequestDto> {
    return this.requests.create(user, body);
  }
}

/** The officers' queue of rectification requests. */
@ApiTags('placements')
@ApiBearerAuth()
@Controller({ path: 'rectification-requests', version: '1' })
export class RectificationRequestsController {
  constructor(private readonly requests: RectificationRequests) {}

  @Get()
  @Roles('placement_officer', 'admin')
  @ApiOperation({
    summary: 'Rectification requests (placement officers, administrators)',
    description: 'Open ones first, oldest first; then resolved ones, latest first.',
  })
  @ApiPageResponse(RectificationRequestDto)
  @ApiProblems(400, 401, 403)
  list(@Query() query: RectificationListQuery): Promise<Page<RectificationRequestDto>> {
    return this.requests.list(query);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'One rectification request: the person who asked, officers, administrators',
    description: 'Anyone else gets 404, as for a request that does not exist.',
  })
  @ApiOkResponse({ type: RectificationRequestDto })
  @ApiProblems(400, 401, 404)
  get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<RectificationRequestDto> {
    return this.requests.get(user, id);
  }

  @Post(':id/resolve')
  @Roles('placement_officer', 'admin')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Resolve a request with an answer the person reads',
    description:
      'Correct the situation first through the placement routes (every change is versioned), ' +
      'then answer here. 409 if already resolved. Audited (`rectification.resolved`).',
  })
  @ApiOkResponse({ type: RectificationRequestDto })
  @ApiProblems(400, 401, 403, 404, 409)
  resolve(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ResolveRectificationRequestDto,
  ): Promise<RectificationRequestDto> {
    return this.requests.resolve(user, id, body.answer);
  }
}
