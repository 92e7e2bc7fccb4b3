import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Patch,
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
  Public,
  Roles,
  Viewer,
} from '@oris/api/platform';
import { PublicWithOptionalUser } from '@oris/api/identity';
import { todayInMorocco } from '@oris/shared/domain';
import type { Viewer as ViewerType } from '../common/access-rules';
import { CatalogueCache } from '../courses/catalogue-cache';
import { CatalogueQuery } from '../courses/catalogue-query';
import { CoursesService } from '../courses/courses.service';
import { CourseDuplication } from '../courses/course-duplication';
import { CreateCourseDto, DuplicateCourseDto, UpdateCourseDto } from '../dto/course-input.dto';
import { CourseListQuery, MyCoursesQuery } from '../dto/course-list.query';
import { AdminCourseSummaryDto, CourseDto, CourseSummaryDto } from '../dto/course.dto';

@ApiTags('courses')
@Controller({ path: 'courses', version: '1' })
export class CoursesController {
  constructor(
    private readonly courses: CoursesService,
    private readonly catalogue: CatalogueQuery,
    private readonly cache: CatalogueCache,
    private readonly duplication: CourseDuplication,
  ) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'The public catalogue: published courses, newest first' })
  @ApiPageResponse(CourseSummaryDto)
  @ApiProblems(400)
  // The cached answer is already JSON bytes (a `Page<CourseSummaryDto>`): serialising and encoding
  // a page of cards would cost more than everything else on a cache hit.
  @Header('Content-Type', 'application/json; charset=utf-8')
  list(@Query() query: CourseListQuery): Promise<Buffer> {
    const today = todayInMorocco();
    return this.cache.get(catalogueKey(query, today), async () =>
      Buffer.from(JSON.stringify(await this.catalogue.list(query, today))),
    );
  }

  @PublicWithOptionalUser()
  @Get(':id')
  @ApiOperation({
    summary: 'A course page',
    description:
      'Public for a published course. With an access token, owners and administrators also get ' +
      'drafts and archived courses (with every module); anyone else gets 404 for those.',
  })
  @ApiOkResponse({ type: CourseDto })
  @ApiProblems(400, 401, 404)
  get(@Viewer() viewer: ViewerType, @Param('id', ParseUUIDPipe) id: string): Promise<CourseDto> {
    return this.courses.get(viewer, id);
  }

  @ApiBearerAuth()
  @Roles('trainer', 'admin')
  @Post()
  @ApiOperation({
    summary: 'Create a draft course',
    description: 'A trainer becomes its owner; an administrator may name the owners (`ownerIds`).',
  })
  @ApiCreatedResponse({ type: CourseDto })
  @ApiProblems(400, 401, 403, 409)
  create(@CurrentUser() user: AuthenticatedUser, @Body() dto: CreateCourseDto): Promise<CourseDto> {
    return this.courses.create(user, dto);
  }

  @ApiBearerAuth()
  @Roles('trainer', 'admin')
  @Patch(':id')
  @ApiOperation({
    summary: 'Edit a course (owners, administrators); fields left out are kept',
    description: 'Only administrators change `ownerIds`. An archived course is read-only (409).',
  })
  @ApiOkResponse({ type: CourseDto })
  @ApiProblems(400, 401, 403, 404, 409)
  update(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateCourseDto,
  ): Promise<CourseDto> {
    return this.courses.update(user, id, dto);
  }

  @ApiBearerAuth()
  @Roles('trainer', 'admin')
  @Post(':id/publish')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Publish a draft course to the catalogue',
    description: 'Needs at least one published module (409 otherwise).',
  })
  @ApiOkResponse({ type: CourseDto })
  @ApiProblems(400, 401, 403, 404, 409)
  publish(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<CourseDto> {
    return this.courses.publish(user, id);
  }

  @ApiBearerAuth()
  @Roles('trainer', 'admin')
  @Post(':id/duplicate')
  @ApiOperation({
    summary: 'Duplicate a course to start a new edition (owners, administrators)',
    description:
      'A draft copy with the new `code` (and `title` if given): its owners, its modules in order ' +
      'with their status, their quizzes and question bank, their material (stored files are ' +
      'shared, never copied, and deleting from one course never removes the other’s) — not its ' +
      'sessions or enrollments. One transaction. 409 `course_code_taken` when the code is used.',
  })
  @ApiCreatedResponse({ type: CourseDto })
  @ApiProblems(400, 401, 403, 404, 409)
  async duplicate(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: DuplicateCourseDto,
  ): Promise<CourseDto> {
    return this.courses.get(user, await this.duplication.duplicate(user, id, dto));
  }

  @ApiBearerAuth()
  @Roles('trainer', 'admin')
  @Post(':id/archive')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Archive a course: out of the catalogue and read-only for good',
    description:
      'Every session of the course must be completed or cancelled first: 409 ' +
      '`course_has_live_sessions` names those still planned, open or running.',
  })
  @ApiOkResponse({ type: CourseDto })
  @ApiProblems(400, 401, 403, 404, 409)
  archive(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<CourseDto> {
    return this.courses.archive(user, id);
  }
}

@ApiTags('courses')
@ApiBearerAuth()
@Roles('trainer')
@Controller({ path: 'me/courses', version: '1' })
export class MyCoursesController {
  constructor(private readonly catalogue: CatalogueQuery) {}

  @Get()
  @ApiOperation({ summary: 'The courses I own, any status, most recently changed first' })
  @ApiPageResponse(CourseSummaryDto)
  @ApiProblems(400, 401, 403)
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: MyCoursesQuery,
  ): Promise<Page<CourseSummaryDto>> {
    return this.catalogue.owned(user.id, query);
  }
}

@ApiTags('courses')
@ApiBearerAuth()
@Roles('admin')
@Controller({ path: 'admin/courses', version: '1' })
export class AdminCoursesController {
  constructor(private readonly catalogue: CatalogueQuery) {}

  @Get()
  @ApiOperation({
    summary: 'Every course, any status, newest first, with its owners (administrators)',
    description: 'The same filters and cards as `GET /me/courses`, plus the owners.',
  })
  @ApiPageResponse(AdminCourseSummaryDto)
  @ApiProblems(400, 401, 403)
  list(@Query() query: MyCoursesQuery): Promise<Page<AdminCourseSummaryDto>> {
    return this.catalogue.all(query);
  }
}

/** Every input of a catalogue answer, in a fixed order ("today" decides what is upcoming). */
function catalogueKey(query: CourseListQuery, today: string): string {
  const { q, region, theme, mode, language, upcoming, page, pageSize } = query;
  return JSON.stringify([today, q, region, theme, mode, language, upcoming, page, pageSize]);
}
