import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import {
  handleWorkerShutdownSignals,
  InvalidConfigError,
  loadEnvFile,
  PinoLoggerService,
} from '@oris/api/platform';
import { WorkerModule } from './app/worker.module';

/**
 * The worker runs jobs and has no HTTP server. On SIGTERM or SIGINT it stops taking jobs, lets
 * the running ones finish (within SHUTDOWN_TIMEOUT_MS), then closes Redis and PostgreSQL and
 * exits 0 (see handleWorkerShutdownSignals).
 */
async function bootstrap(): Promise<void> {
  loadEnvFile();
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(), {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(PinoLoggerService));
  handleWorkerShutdownSignals(app);
  app.get(PinoLoggerService).log('Worker started', 'Worker');
}

bootstrap().catch((error: unknown) => {
  // Before the logger exists, stderr is the only place a misconfiguration can be reported.
  process.stderr.write(
    `${error instanceof InvalidConfigError ? error.message : String((error as Error)?.stack ?? error)}\n`,
  );
  process.exit(1);
});
