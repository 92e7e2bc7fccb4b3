import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from '@oris/api/platform';
import { NotificationsModule } from '../notifications.module';
import { EmailDelivery } from './email-delivery.service';
import { EmailWorker } from './email-worker';
import {
  DEFAULT_EMAIL_WORKER_OPTIONS,
  EMAIL_WORKER_OPTIONS,
  type EmailWorkerOptions,
} from './email-worker.options';
import { createMailTransport, MAIL_TRANSPORT } from './mail-transport';
import { OutboxSweeper, outboxSweeperProvider } from './outbox-sweeper';
import { SendEmailProcessor } from './send-email.processor';

/**
 * Email processing, imported by the worker only: the BullMQ worker that sends outbox emails and
 * the sweeper that re-enqueues the ones not in the queue. Needs `JobsModule` and `DatabaseModule`.
 */
@Module({})
export class NotificationsWorkerModule {
  static forRoot(options: Partial<EmailWorkerOptions> = {}): DynamicModule {
    return {
      module: NotificationsWorkerModule,
      imports: [NotificationsModule],
      providers: [
        {
          provide: EMAIL_WORKER_OPTIONS,
          useValue: { ...DEFAULT_EMAIL_WORKER_OPTIONS, ...options },
        },
        {
          provide: MAIL_TRANSPORT,
          inject: [AppConfig],
          useFactory: (config: AppConfig) => createMailTransport(config),
        },
        EmailDelivery,
        SendEmailProcessor,
        EmailWorker,
        outboxSweeperProvider,
      ],
      exports: [OutboxSweeper],
    };
  }
}
