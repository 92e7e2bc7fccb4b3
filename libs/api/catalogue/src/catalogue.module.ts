import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule, OptionalUserGuard } from '@oris/api/identity';
import { SearchIndexModule } from '@oris/api/search';
import { People } from './common/people';
import { CatalogueCache } from './courses/catalogue-cache';
import { CatalogueQuery } from './courses/catalogue-query';
import { CourseAccess } from './courses/course-access';
import { CourseCopySteps } from './courses/course-copy-steps';
import { CourseDuplication } from './courses/course-duplication';
import { CourseOwner } from './entities/course-owner.entity';
import { Course } from './entities/course.entity';
import {
  AdminCoursesController,
  CoursesController,
  MyCoursesController,
} from './http/courses.controller';
import { CoursesService } from './courses/courses.service';
import { CourseModuleEntity } from './entities/course-module.entity';
import { CourseModulesController, ModulesController } from './http/modules.controller';
import { ModulesService } from './modules/modules.service';
import { CourseSession } from './entities/course-session.entity';
import { SessionMeeting } from './entities/session-meeting.entity';
import { SessionHooks } from './sessions/session-hooks';
import { SessionSeats } from './sessions/session-seats';
import { SessionTrainer } from './entities/session-trainer.entity';
import { CourseSessionsController, SessionsController } from './http/sessions.controller';
import { SessionReader } from './sessions/session-reader';
import { SessionWriter } from './sessions/session-writer';

/** Courses, their modules and their sessions: what ORIS offers and when. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      Course,
      CourseOwner,
      CourseModuleEntity,
      CourseSession,
      SessionTrainer,
      SessionMeeting,
    ]),
    IdentityModule,
    SearchIndexModule,
  ],
  controllers: [
    CoursesController,
    MyCoursesController,
    AdminCoursesController,
    CourseModulesController,
    ModulesController,
    CourseSessionsController,
    SessionsController,
  ],
  providers: [
    CatalogueCache,
    CatalogueQuery,
    CourseAccess,
    CourseCopySteps,
    CourseDuplication,
    CoursesService,
    ModulesService,
    SessionReader,
    SessionWriter,
    SessionSeats,
    SessionHooks,
    People,
    OptionalUserGuard,
  ],
  exports: [
    ModulesService,
    SessionReader,
    SessionWriter,
    SessionSeats,
    SessionHooks,
    CoursesService,
    CourseCopySteps,
  ],
})
export class CatalogueModule {}
