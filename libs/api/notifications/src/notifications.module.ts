import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationCentre } from './centre/notification-centre';
import { Notification } from './entities/notification.entity';
import { EmailOutbox } from './outbox/email-outbox';
import { OutboxEmail } from './entities/email-outbox.entity';
import { emailQueueProvider } from './outbox/email-queue';

/**
 * The producer side of email and in-app notifications, for any process that causes them (API
 * and worker). It never processes jobs: the processor and the sweeper live in
 * `NotificationsWorkerModule`. Needs `JobsModule` (queue prefix) and `DatabaseModule`.
 */
@Module({
  imports: [TypeOrmModule.forFeature([OutboxEmail, Notification])],
  providers: [emailQueueProvider, EmailOutbox, NotificationCentre],
  exports: [EmailOutbox, NotificationCentre],
})
export class NotificationsModule {}
