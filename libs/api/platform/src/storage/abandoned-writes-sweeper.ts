import {
  Inject,
  Injectable,
  Logger,
  Module,
  OnApplicationBootstrap,
  OnModuleDestroy,
} from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { PeriodicSweep } from '../jobs/periodic-sweep';
import { FILE_STORAGE, type FileStorage } from './file-storage';

/** Leftovers are rare (a process killed mid-write) and harmless meanwhile: no need to look often. */
export const ABANDONED_WRITES_SWEEP_INTERVAL_MS = 10 * 60_000;

/**
 * At start and every few minutes, deletes the temporary files that writes interrupted by a crash
 * left in the file storage, once older than `STORAGE_TEMP_FILE_MAX_AGE_MINUTES`. Run by the
 * process that writes files (the worker); several workers sweeping the same folder is harmless.
 */
@Injectable()
export class AbandonedWritesSweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly periodic: PeriodicSweep;

  constructor(
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    private readonly config: AppConfig,
  ) {
    this.periodic = new PeriodicSweep({
      what: 'abandoned temporary file(s)',
      sweep: () => this.sweep(),
      intervalMs: ABANDONED_WRITES_SWEEP_INTERVAL_MS,
      logger: new Logger(AbandonedWritesSweeper.name),
      describeResult: (count) => `Deleted ${count} abandoned temporary file(s) from the storage`,
    });
  }

  onApplicationBootstrap(): void {
    this.periodic.start();
  }

  /** One sweep; returns how many files it deleted. */
  sweep(): Promise<number> {
    return this.storage.removeAbandonedWrites(
      this.config.STORAGE_TEMP_FILE_MAX_AGE_MINUTES * 60_000,
    );
  }

  onModuleDestroy(): Promise<void> {
    return this.periodic.stop();
  }
}

/** The sweep of abandoned writes; imported by the worker, beside `StorageModule`. */
@Module({ providers: [AbandonedWritesSweeper], exports: [AbandonedWritesSweeper] })
export class StorageSweepModule {}
