import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogueModule } from '@oris/api/catalogue';
import { IdentityModule } from '@oris/api/identity';
import { NotificationsModule } from '@oris/api/notifications';
import { IdempotencyModule } from '@oris/api/platform';
import { PendingApprovals } from './attention/pending-approvals';
import { EnrollmentAccess } from './access/enrollment-access';
import { AdmissionBatch } from './admission/admission-batch';
import { EnrollmentAdmission } from './admission/enrollment-admission.service';
import { WaitlistPromotion } from './admission/waitlist-promotion';
import { AttendanceService } from './attendance/attendance.service';
import { SessionSeatsAddedHandler } from './capacity/session-seats-added.handler';
import { SessionCancellationHandler } from './cancellation/session-cancellation.handler';
import { CompletionService } from './completion/completion.service';
import { EnrollmentEmails } from './emails/enrollment-emails';
import { EnrollmentErasure } from './erasure/enrollment-erasure';
import { AttendanceMark } from './entities/attendance-mark.entity';
import { Enrollment } from './entities/enrollment.entity';
import { CalendarFeed } from './entities/calendar-feed.entity';
import { ModuleProgress } from './entities/module-progress.entity';
import { EnrollmentEvents } from './events/enrollment-events';
import { CalendarFeedController, MyCalendarFeedController } from './http/calendar-feed.controller';
import { EnrollmentImportTemplateController } from './http/enrollment-import-template.controller';
import { EnrollmentsController } from './http/enrollments.controller';
import { EnrollmentImport } from './import/enrollment-import.service';
import { ImportAdmission } from './import/import-admission';
import { MeEnrollmentsController } from './http/me-enrollments.controller';
import { SessionEnrollmentsController } from './http/session-enrollments.controller';
import { ProgressService } from './progress/progress.service';
import { CalendarFeeds } from './timetable/calendar-feeds';
import { TimetableService } from './timetable/timetable.service';
import { EnrollmentReader } from './reading/enrollment-reader';
import { Withdrawals } from './withdrawals/withdrawals.service';

/** Who takes part in which session: admission, waitlist, progress, attendance and completion. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Enrollment, ModuleProgress, AttendanceMark, CalendarFeed]),
    CatalogueModule,
    IdentityModule,
    NotificationsModule,
    IdempotencyModule,
  ],
  controllers: [
    SessionEnrollmentsController,
    MeEnrollmentsController,
    EnrollmentsController,
    MyCalendarFeedController,
    CalendarFeedController,
    EnrollmentImportTemplateController,
  ],
  providers: [
    PendingApprovals,
    EnrollmentAccess,
    EnrollmentAdmission,
    AdmissionBatch,
    Withdrawals,
    EnrollmentReader,
    ProgressService,
    AttendanceService,
    CompletionService,
    EnrollmentEmails,
    EnrollmentEvents,
    SessionCancellationHandler,
    WaitlistPromotion,
    SessionSeatsAddedHandler,
    EnrollmentImport,
    ImportAdmission,
    EnrollmentErasure,
    TimetableService,
    CalendarFeeds,
  ],
  exports: [EnrollmentEvents, PendingApprovals],
})
export class EnrollmentsModule {}
