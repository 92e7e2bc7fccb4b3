import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EmailOutbox } from './outbox/email-outbox';
import { OutboxEmail } from './entities/email-outbox.entity';
import { emailQueueProvider } from './outbox/email-queue';

/**
 * The producer side of email, for any process that causes emails (API and worker). It never
 * processes jobs: the processor and the sweeper live in `NotificationsWorkerModule`.
 * Needs `JobsModule` (queue prefix) and `DatabaseModule`.
 */
@Module({
  imports: [TypeOrmModule.forFeature([OutboxEmail])],
  providers: [emailQueueProvider, EmailOutbox],
  exports: [EmailOutbox],
})
export class NotificationsModule {}
