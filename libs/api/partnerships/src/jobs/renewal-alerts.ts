import {
  Injectable,
  Logger,
  Module,
  OnApplicationBootstrap,
  OnModuleDestroy,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EmailOutbox, NotificationsModule } from '@oris/api/notifications';
import { PeriodicSweep } from '@oris/api/platform';
import { type Locale, partnershipStatus, todayInMorocco } from '@oris/shared/domain';
import { DataSource } from 'typeorm';
import { factsOf, familiesOf, PartnershipRecords } from '../partnerships/partnership-records';

/** Alerts are about days: a look every hour is soon enough. */
export const RENEWAL_ALERT_INTERVAL_MS = 60 * 60_000;

interface Officer {
  id: string;
  email: string;
  fullName: string;
  locale: Locale;
}

/** A family due for its renewal alert: its head, current end and notice day. */
export interface DueRenewal {
  id: string;
  title: string;
  endsOn: string;
  noticeFrom: string;
  tacit: boolean;
}

/**
 * Emails every partnership officer (in their language, through the email outbox) once a
 * family's current end minus its notice days has come (OBSERVATORY.md "Renewal alerts"): signed,
 * not terminated, with an end (never an open-ended one), not yet past it. The sent-marker
 * `partnership_renewal_alert` (agreement, end date) is written in the transaction that writes the
 * emails, so two workers or a restart never send twice; a renewal or a tacit extension gives a
 * new end, hence a new alert when its own notice comes.
 */
@Injectable()
export class PartnershipRenewalAlerts {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly records: PartnershipRecords,
    private readonly outbox: EmailOutbox,
  ) {}

  /** The families due on `today`, whether or not their alert was sent. */
  async due(today: string): Promise<DueRenewal[]> {
    const { heads, membersOf } = familiesOf(await this.records.load(this.dataSource.manager));
    return heads.flatMap((head) => {
      if (head.terminatedOn !== null) return [];
      const facts = factsOf(head, membersOf.get(head.id) ?? []);
      const status = partnershipStatus(facts, today);
      const { currentEnd, renewalDueFrom } = status;
      if (status.signedOn === null || currentEnd === null || renewalDueFrom === null) return [];
      if (today < renewalDueFrom || today > currentEnd) return [];
      return [
        {
          id: head.id,
          title: head.title,
          endsOn: currentEnd,
          noticeFrom: renewalDueFrom,
          tacit: head.renewalMode === 'tacit',
        },
      ];
    });
  }

  /** Writes the alerts due at `now`; resolves to how many families were alerted. */
  async sweep(now: Date = new Date()): Promise<number> {
    let alerted = 0;
    for (const renewal of await this.due(todayInMorocco(now))) {
      const sent = await this.dataSource.transaction(async (manager) => {
        const marked: unknown[] = await manager.query(
          `INSERT INTO partnership_renewal_alert (partnership_id, ends_on) VALUES ($1, $2)
           ON CONFLICT DO NOTHING RETURNING partnership_id`,
          [renewal.id, renewal.endsOn],
        );
        if (marked.length === 0) return false;
        const officers: Officer[] = await manager.query(
          `SELECT u.id, u.email, u.full_name AS "fullName", u.locale
             FROM users u JOIN user_role r ON r.user_id = u.id AND r.role = 'partnership_officer'
            WHERE u.disabled_at IS NULL AND u.erased_at IS NULL
            ORDER BY u.id`,
        );
        for (const officer of officers) {
          await this.outbox.add(manager, {
            to: officer.email,
            template: 'partnership_renewal_due',
            locale: officer.locale,
            userId: officer.id,
            params: {
              fullName: officer.fullName,
              title: renewal.title,
              endsOn: renewal.endsOn,
              noticeFrom: renewal.noticeFrom,
              tacit: renewal.tacit ? 'yes' : '',
              partnershipId: renewal.id,
            },
          });
        }
        return true;
      });
      if (sent) alerted += 1;
    }
    if (alerted > 0) this.outbox.dispatchPending();
    return alerted;
  }
}

/** Runs `PartnershipRenewalAlerts` at the worker's start and every hour. */
@Injectable()
export class PartnershipRenewalAlertSweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly periodic: PeriodicSweep;

  constructor(alerts: PartnershipRenewalAlerts) {
    this.periodic = new PeriodicSweep({
      what: 'partnership renewal alert(s)',
      sweep: () => alerts.sweep(),
      intervalMs: RENEWAL_ALERT_INTERVAL_MS,
      logger: new Logger(PartnershipRenewalAlertSweeper.name),
      describeResult: (count) => `Alerted the partnership officers about ${count} renewal(s)`,
    });
  }

  onApplicationBootstrap(): void {
    this.periodic.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.periodic.stop();
  }
}

/**
 * The partnerships' periodic work; imported by the worker only. Needs `DatabaseModule` and
 * `JobsModule` (the email outbox).
 */
@Module({
  imports: [NotificationsModule],
  providers: [PartnershipRecords, PartnershipRenewalAlerts, PartnershipRenewalAlertSweeper],
  exports: [PartnershipRenewalAlerts],
})
export class PartnershipsWorkerModule {}
