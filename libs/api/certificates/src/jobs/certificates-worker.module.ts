import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '@oris/api/notifications';
import { Certificate } from '../entities/certificate.entity';
import { RenderQueue, renderQueueProvider } from '../issuing/render-queue';
import { CertificateRenderer } from '../rendering/certificate-renderer';
import { CertificateRendering } from './certificate-rendering.service';
import { RenderSweeper } from './render-sweeper';
import { RenderWorker } from './render-worker';
import {
  DEFAULT_RENDER_WORKER_OPTIONS,
  RENDER_WORKER_OPTIONS,
  type RenderWorkerOptions,
} from './render-worker.options';

/**
 * Certificate rendering, imported by the worker only: the BullMQ worker of the certificate queue
 * and the sweeper of renders never enqueued. Needs `JobsModule`, `DatabaseModule` and a
 * `FILE_STORAGE` provider; writes the certificate emails through the notifications outbox.
 */
@Module({})
export class CertificatesWorkerModule {
  static forRoot(options: Partial<RenderWorkerOptions> = {}): DynamicModule {
    return {
      module: CertificatesWorkerModule,
      imports: [TypeOrmModule.forFeature([Certificate]), NotificationsModule],
      providers: [
        {
          provide: RENDER_WORKER_OPTIONS,
          useValue: { ...DEFAULT_RENDER_WORKER_OPTIONS, ...options },
        },
        renderQueueProvider,
        RenderQueue,
        CertificateRenderer,
        CertificateRendering,
        RenderWorker,
        RenderSweeper,
      ],
      exports: [RenderSweeper],
    };
  }
}
