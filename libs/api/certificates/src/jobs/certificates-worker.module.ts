import { DynamicModule, Module, type Provider } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '@oris/api/notifications';
import { AppConfig } from '@oris/api/platform';
import { CredentialIssuing } from '../credentials/credential-issuing';
import { CredentialSigner } from '../credentials/credential-signer';
import { IssuerIdentity } from '../credentials/issuer-identity';
import { Certificate } from '../entities/certificate.entity';
import { RenderQueue, renderQueueProvider } from '../issuing/render-queue';
import { RenderThreadPool } from '../rendering/render-thread-pool';
import { CertificateRendering } from './certificate-rendering.service';
import { RenderSweeper, renderSweeperProvider } from './render-sweeper';
import { RenderWorker } from './render-worker';
import {
  RENDER_WORKER_OPTIONS,
  renderWorkerOptions,
  type RenderWorkerOptions,
} from './render-worker.options';

/**
 * The render threads, started with the module (each parses the fonts before the first job) and
 * ended before the application shuts down: after every module's `onModuleDestroy`, so once the
 * BullMQ workers have closed and their running renders have come back.
 */
const renderThreadPoolProvider: Provider = {
  provide: RenderThreadPool,
  inject: [RENDER_WORKER_OPTIONS, AppConfig],
  useFactory: ({ threads, renderTimeoutMs }: RenderWorkerOptions, config: AppConfig) => {
    const pool = new RenderThreadPool({
      threads,
      renderTimeoutMs,
      swcProject: config.SWC_NODE_PROJECT,
    });
    return Object.assign(pool, { beforeApplicationShutdown: () => pool.close() });
  },
};

/**
 * Certificate rendering, imported by the worker only: the BullMQ worker of the certificate queue,
 * the threads that draw the PDFs, and the sweeper of renders never enqueued. Needs `JobsModule`,
 * `DatabaseModule` and a `FILE_STORAGE` provider; writes the certificate emails through the
 * notifications outbox.
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
          inject: [AppConfig],
          useFactory: (config: AppConfig) => renderWorkerOptions(config, options),
        },
        renderQueueProvider,
        RenderQueue,
        renderThreadPoolProvider,
        IssuerIdentity,
        CredentialSigner,
        CredentialIssuing,
        CertificateRendering,
        RenderWorker,
        renderSweeperProvider,
      ],
      exports: [RenderSweeper],
    };
  }
}
