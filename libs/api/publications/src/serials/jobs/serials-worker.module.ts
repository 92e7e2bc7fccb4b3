import { Injectable, Logger, Module } from '@nestjs/common';
import { NotificationsModule } from '@oris/api/notifications';
import { PeriodicSweep } from '@oris/api/platform';
import { SerialEvidenceCheck } from '../stale/serial-evidence-check';

/** How often the worker looks for stale coverage evidence (idempotent: once per serial and year). */
export const SERIAL_EVIDENCE_CHECK_INTERVAL_MS = 6 * 60 * 60_000;

/** The yearly evidence check as a periodic sweep of each worker process. */
@Injectable()
export class SerialEvidenceSweep extends PeriodicSweep {
  constructor(check: SerialEvidenceCheck) {
    super({
      what: 'serial(s) with stale coverage evidence',
      sweep: () => check.run(),
      intervalMs: SERIAL_EVIDENCE_CHECK_INTERVAL_MS,
      logger: new Logger(SerialEvidenceSweep.name),
      describeResult: (count) =>
        `reported ${count} serial(s) with stale coverage evidence to the editors`,
    });
  }
}

/**
 * The serials' periodic work, imported by the worker only: the yearly evidence check, emailing
 * the observatory editors through the outbox. Needs `JobsModule` and `DatabaseModule`.
 */
@Module({
  imports: [NotificationsModule],
  providers: [SerialEvidenceCheck, SerialEvidenceSweep],
})
export class SerialsWorkerModule {}
