import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
} from '@nestjs/common';
import { PeriodicSweep } from '@oris/api/platform';
import { PublicReleases } from '../public/public-releases.service';

export const PUBLIC_RELEASE_CHECK_INTERVAL_MS = Symbol('PUBLIC_RELEASE_CHECK_INTERVAL_MS');

/**
 * Produces the quarterly public release once its quarter is over: on start (so the public page
 * has figures from the first deployment on: the last quarter over, as of its last day) and then
 * every `intervalMs`, which puts a release within that long of midnight on the first day of a
 * quarter (Morocco). Several worker processes may check at once: a quarter is released once.
 */
@Injectable()
export class PublicReleaseScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly periodic: PeriodicSweep;

  constructor(
    private readonly releases: PublicReleases,
    @Inject(PUBLIC_RELEASE_CHECK_INTERVAL_MS) intervalMs: number,
  ) {
    this.periodic = new PeriodicSweep({
      what: 'public indicator release(s)',
      // Nothing is handed to a queue: the release is produced right here, and logged by it.
      sweep: async () => {
        await this.releases.releaseDue();
        return 0;
      },
      intervalMs,
      logger: new Logger(PublicReleaseScheduler.name),
    });
  }

  onApplicationBootstrap(): void {
    this.periodic.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.periodic.stop();
  }
}
