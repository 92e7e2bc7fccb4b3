import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
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
import { AssignmentSettings } from '../assignments/assignment-settings.service';
import { AssignmentDto, AssignmentInputDto } from '../dto/assignment.dto';

@ApiTags('assignments')
@ApiBearerAuth()
@Roles('trainer', 'admin')
@Controller({ path: 'modules/:moduleId/assignment', version: '1' })
export class ModuleAssignmentController {
  constructor(private readonly settings: AssignmentSettings) {}

  @Get()
  @ApiOperation({ summary: 'The module’s assignment (owners, administrators); 404 when none' })
  @ApiOkResponse({ type: AssignmentDto })
  @ApiProblems(400, 401, 403, 404)
  get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('moduleId', ParseUUIDPipe) moduleId: string,
  ): Promise<AssignmentDto> {
    return this.settings.get(user, moduleId);
  }

  @Put()
  @ApiOperation({
    summary: 'Add an assignment to the module, or change it (instructions, due date, rubric…)',
    description:
      'Graded with `rubric` (criteria with 2–8 levels, points in halves; 400 `invalid_rubric`) ' +
      'or, when null, a mark out of `maxMark`. Send back the ids of the rubric as read to keep ' +
      'the levels already graded with. Audited.',
  })
  @ApiOkResponse({ type: AssignmentDto })
  @ApiProblems(400, 401, 403, 404)
  put(
    @CurrentUser() user: AuthenticatedUser,
    @Param('moduleId', ParseUUIDPipe) moduleId: string,
    @Body() dto: AssignmentInputDto,
  ): Promise<AssignmentDto> {
    return this.settings.put(user, moduleId, dto);
  }

  @Delete()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove the module’s assignment, while it has no submission (409)' })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 404, 409)
  remove(
    @CurrentUser() user: AuthenticatedUser,
    @Param('moduleId', ParseUUIDPipe) moduleId: string,
  ): Promise<void> {
    return this.settings.remove(user, moduleId);
  }
}
