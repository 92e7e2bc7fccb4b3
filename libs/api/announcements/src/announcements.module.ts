import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@oris/api/identity';
import { NotificationsModule } from '@oris/api/notifications';
import { AnnouncementEmailPreferences } from './email/announcement-email-preferences';
import {
  AnnouncementEmailQueue,
  announcementQueueProvider,
} from './email/announcement-email-queue';
import { Announcement } from './entities/announcement.entity';
import { AnnouncementErasure } from './erasure/announcement-erasure';
import {
  AnnouncementUnsubscribeController,
  MyAnnouncementEmailController,
} from './http/announcement-email.controller';
import { SessionAnnouncementsController } from './http/session-announcements.controller';
import { AnnouncementAccess } from './publishing/announcement-access';
import { AnnouncementBoard } from './publishing/announcement-board';

/** Announcements to a session: the API side (routes, posting, email preferences). */
@Module({
  imports: [TypeOrmModule.forFeature([Announcement]), IdentityModule, NotificationsModule],
  controllers: [
    SessionAnnouncementsController,
    MyAnnouncementEmailController,
    AnnouncementUnsubscribeController,
  ],
  providers: [
    announcementQueueProvider,
    AnnouncementEmailQueue,
    AnnouncementAccess,
    AnnouncementBoard,
    AnnouncementEmailPreferences,
    AnnouncementErasure,
  ],
  exports: [AnnouncementBoard],
})
export class AnnouncementsModule {}
