import {
  Injectable,
  Logger,
  Module,
  OnApplicationBootstrap,
  OnModuleDestroy,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EmailOutbox, NotificationsModule } from '@oris/api/notifications';
import { AppConfig, IdempotencyModule, IdempotencyStore, PeriodicSweep } from '@oris/api/platform';
import { DataSource } from 'typeorm';

/** Retention periods are days and months: an hourly look keeps every purge within the hour. */
export const RETENTION_SWEEP_INTERVAL_MS = 60 * 60_000;

/** What one retention sweep removed, by kind. */
export interface RetentionSweepResult {
  expiredRefreshTokens: number;
  expiredPasswordResetTokens: number;
  expiredEmailConfirmationTokens: number;
  emailContentsCleared: number;
  consentAddressesErased: number;
  expiredIdempotencyRecords: number;
}

/**
 * Applies the retention periods of docs/PRIVACY.md, at start and every hour: deletes expired
 * refresh tokens (a family expires whole, so no replay evidence is lost), password-reset and
 * email-confirmation tokens,
 * clears the content of emails sent or failed more than `RETENTION_EMAIL_CONTENT_DAYS` ago, erases
 * the address of consents older than `RETENTION_CONSENT_IP_MONTHS`, and deletes expired idempotency
 * records (the API also purges them, but only while idempotent requests arrive). Run by the
 * worker; every statement is idempotent, so several workers sweeping side by side is harmless.
 */
@Injectable()
export class RetentionSweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly periodic: PeriodicSweep;
  private lastSummary = '';

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: EmailOutbox,
    private readonly idempotency: IdempotencyStore,
    private readonly config: AppConfig,
  ) {
    this.periodic = new PeriodicSweep({
      what: 'expired personal data',
      sweep: async () => {
        const result = await this.sweep();
        this.lastSummary = describe(result);
        return Object.values(result).reduce((sum, count) => sum + count, 0);
      },
      intervalMs: RETENTION_SWEEP_INTERVAL_MS,
      logger: new Logger(RetentionSweeper.name),
      describeResult: () => `Retention sweep: ${this.lastSummary}`,
    });
  }

  onApplicationBootstrap(): void {
    this.periodic.start();
  }

  /** One sweep. */
  async sweep(): Promise<RetentionSweepResult> {
    return {
      expiredRefreshTokens: await this.affectedRows(
        `DELETE FROM refresh_token WHERE expires_at < now()`,
      ),
      expiredPasswordResetTokens: await this.affectedRows(
        `DELETE FROM password_reset_token WHERE expires_at < now()`,
      ),
      expiredEmailConfirmationTokens: await this.affectedRows(
        `DELETE FROM email_confirmation_token WHERE expires_at < now()`,
      ),
      emailContentsCleared: await this.outbox.clearDeliveredContent(
        this.config.RETENTION_EMAIL_CONTENT_DAYS,
      ),
      consentAddressesErased: await this.affectedRows(
        `UPDATE consent SET ip = NULL
          WHERE ip IS NOT NULL AND given_at < now() - make_interval(months => $1)`,
        [this.config.RETENTION_CONSENT_IP_MONTHS],
      ),
      expiredIdempotencyRecords: await this.idempotency.purgeExpired(),
    };
  }

  onModuleDestroy(): Promise<void> {
    return this.periodic.stop();
  }

  /** Runs an UPDATE or DELETE; returns how many rows it touched. */
  private async affectedRows(sql: string, parameters: unknown[] = []): Promise<number> {
    const [, affected]: [unknown, number] = await this.dataSource.query(sql, parameters);
    return affected;
  }
}

function describe(result: RetentionSweepResult): string {
  return Object.entries(result)
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => `${kind}=${count}`)
    .join(', ');
}

/**
 * The retention sweep; imported by the worker only. Needs `DatabaseModule` and `JobsModule` (the
 * outbox it clears lives beside the email queue).
 */
@Module({
  imports: [NotificationsModule, IdempotencyModule],
  providers: [RetentionSweeper],
  exports: [RetentionSweeper],
})
export class RetentionWorkerModule {}
