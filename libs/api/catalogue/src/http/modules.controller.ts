import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Put,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiProblems, AuthenticatedUser, CurrentUser, Roles } from '@oris/api/platform';
import { CreateModuleDto, ModuleDto, ReorderModulesDto, UpdateModuleDto } from '../dto/module.dto';
import { ModulesService } from '../modules/modules.service';

@ApiTags('modules')
@ApiBearerAuth()
@Controller({ path: 'courses/:courseId/modules', version: '1' })
export class CourseModulesController {
  constructor(private readonly modules: ModulesService) {}

  @Get()
  @ApiOperation({
    summary: 'Every module of a course with its content, in order (owners, administrators)',
  })
  @ApiOkResponse({ type: ModuleDto, isArray: true })
  @ApiProblems(400, 401, 403, 404)
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Param('courseId', ParseUUIDPipe) courseId: string,
  ): Promise<ModuleDto[]> {
    return this.modules.list(user, courseId);
  }

  @Roles('trainer', 'admin')
  @Post()
  @ApiOperation({ summary: 'Add a draft module at the end of the course' })
  @ApiCreatedResponse({ type: ModuleDto })
  @ApiProblems(400, 401, 403, 404, 409)
  create(
    @CurrentUser() user: AuthenticatedUser,
    @Param('courseId', ParseUUIDPipe) courseId: string,
    @Body() dto: CreateModuleDto,
  ): Promise<ModuleDto> {
    return this.modules.create(user, courseId, dto);
  }

  @Roles('trainer', 'admin')
  @Put('order')
  @ApiOperation({
    summary: 'Reorder the modules',
    description: 'The body lists every module of the course exactly once (409 otherwise).',
  })
  @ApiOkResponse({ type: ModuleDto, isArray: true })
  @ApiProblems(400, 401, 403, 404, 409)
  reorder(
    @CurrentUser() user: AuthenticatedUser,
    @Param('courseId', ParseUUIDPipe) courseId: string,
    @Body() dto: ReorderModulesDto,
  ): Promise<ModuleDto[]> {
    return this.modules.reorder(user, courseId, dto.moduleIds);
  }
}

@ApiTags('modules')
@ApiBearerAuth()
@Roles('trainer', 'admin')
@Controller({ path: 'modules', version: '1' })
export class ModulesController {
  constructor(private readonly modules: ModulesService) {}

  @Patch(':id')
  @ApiOperation({
    summary: 'Edit a module (course owners, administrators); fields left out are kept',
  })
  @ApiOkResponse({ type: ModuleDto })
  @ApiProblems(400, 401, 403, 404, 409)
  update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateModuleDto,
  ): Promise<ModuleDto> {
    return this.modules.update(user, id, dto);
  }

  @Post(':id/publish')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Publish a draft module (its title becomes public once the course is)' })
  @ApiOkResponse({ type: ModuleDto })
  @ApiProblems(400, 401, 403, 404, 409)
  publish(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ModuleDto> {
    return this.modules.publish(user, id);
  }
}
