import type { INestApplicationContext } from '@nestjs/common';
import type { Logger } from 'pino';
import { AppConfig } from '../config/app-config';
import { JobWorkers } from '../jobs/job-workers';
import { ROOT_LOGGER } from '../logging/logging.module';

/**
 * A deploy's SIGTERM (or Ctrl-C) to the worker process: every BullMQ worker stops taking jobs at
 * once, the running jobs finish, then the modules close (render threads, then the database and
 * Redis connections) and the process exits 0. Past `SHUTDOWN_TIMEOUT_MS` it exits 1 with jobs
 * still running: their locks expire and BullMQ's stalled check hands them to another worker,
 * where they run again from the start (every job is idempotent; docs/RELIABILITY.md).
 *
 * Nest's own `enableShutdownHooks` is not used: it closes the workers module by module (one keeps
 * taking jobs while another drains), has no deadline, and ends by re-raising the signal, so a
 * clean stop would not exit 0.
 */
export function handleWorkerShutdownSignals(app: INestApplicationContext): void {
  const config = app.get(AppConfig);
  const logger = app.get<Logger>(ROOT_LOGGER);
  const workers = app.get(JobWorkers);
  let shuttingDown = false;

  const shutDown = async (signal: NodeJS.Signals) => {
    if (shuttingDown) return;
    shuttingDown = true;
    const timeoutMs = config.SHUTDOWN_TIMEOUT_MS;
    // Not unref'd: a close stuck on a job must end here, not when the event loop empties.
    setTimeout(() => {
      logger.error({ signal, timeoutMs }, 'shutdown deadline passed; exiting with jobs running');
      process.exit(1);
    }, timeoutMs);
    logger.info({ signal, timeoutMs }, 'shutting down: no new jobs, running jobs finish');
    try {
      await workers.closeAll();
      logger.info({ signal }, 'running jobs finished; closing connections');
      await app.close();
      logger.info({ signal }, 'shut down cleanly');
      process.exit(0);
    } catch (error) {
      logger.error({ err: error, signal }, 'shutdown failed');
      process.exit(1);
    }
  };

  // A second signal (a process manager after a terminal's Ctrl-C) must not cut the drain short.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, shutDown);
}
