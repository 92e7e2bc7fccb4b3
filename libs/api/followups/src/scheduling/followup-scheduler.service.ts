import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EmailOutbox } from '@oris/api/notifications';
import type { Locale } from '@oris/shared/domain';
import { DataSource, EntityManager } from 'typeorm';
import { addDays, FOLLOWUP_HORIZONS, todayInMorocco } from '@oris/shared/domain';
import { FOLLOWUP_POLICY, hashSurveyToken, newSurveyToken } from '../rules/followup-policy';

/** When a pass runs: tests and catch-up runs pass their own instant instead of sleeping. */
export interface PassClock {
  /** Defaults to the current instant; "today" is its day in Morocco. */
  now?: Date;
}

export interface PassReport {
  created: number;
  emailed: number;
  skipped: number;
  reminded: number;
}

interface ClaimedFollowup {
  id: string;
  horizon: number;
  dueOn: string;
  userId: string;
  email: string;
  locale: Locale;
  fullName: string;
  disabled: boolean;
  withdrawn: boolean;
  courseTitle: string;
  enrollmentCompleted: boolean;
  laterDue: boolean;
}

const HORIZONS = [...FOLLOWUP_HORIZONS];

/**
 * The follow-ups' work, all of it re-derived from the data so that it is safe to run twice, at the
 * same time in several workers, or after days of downtime:
 * 1. `schedule`: every completed enrollment has its three follow-ups (unique per horizon);
 * 2. `markDue`: each scheduled follow-up whose day has come is claimed alone (`FOR UPDATE SKIP
 *    LOCKED`) and, in the same transaction, marked due with a fresh link and its email written to
 *    the outbox, or skipped when found too late (see FOLLOWUP_POLICY.graceDays);
 * 3. `remind`: same claim for due follow-ups unanswered since the last email.
 */
@Injectable()
export class FollowupScheduler {
  private readonly logger = new Logger(FollowupScheduler.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: EmailOutbox,
  ) {}

  /** The periodic pass of the worker: the three steps, then the outbox is handed its emails. */
  async run(clock: PassClock = {}): Promise<PassReport> {
    const created = await this.schedule();
    const { emailed, skipped } = await this.markDue(clock);
    const reminded = await this.remind(clock);
    if (emailed + reminded > 0) this.outbox.dispatchPending();
    if (created + emailed + skipped + reminded > 0)
      this.logger.log(
        `Follow-ups: ${created} scheduled, ${emailed} emailed, ${skipped} skipped, ${reminded} reminded`,
      );
    return { created, emailed, skipped, reminded };
  }

  /**
   * A person withdrew consent to follow-up: their due follow-ups are skipped and their survey
   * links revoked, in the withdrawal's transaction. Scheduled ones stay: the pass skips them
   * if they fall due while consent is still withdrawn, and sends them if it was given again.
   */
  async withdrawPerson(manager: EntityManager, userId: string): Promise<number> {
    const rows: unknown[] = await manager.query(
      `UPDATE followup SET status = 'skipped', token_hash = NULL, token_expires_at = NULL,
              updated_at = now()
        WHERE user_id = $1 AND status = 'due'
       RETURNING id`,
      [userId],
    );
    return rows.length;
  }

  /** The three follow-ups of one completed enrollment (nothing if it is not completed, or done). */
  async scheduleEnrollment(enrollmentId: string): Promise<number> {
    return this.insertMissing('AND e.id = $2', [HORIZONS, enrollmentId]);
  }

  /** The follow-ups of every completed enrollment that lacks some: past cohorts get theirs too. */
  async schedule(): Promise<number> {
    return this.insertMissing('', [HORIZONS]);
  }

  /** Marks due (and emails) or skips every scheduled follow-up whose day has come. */
  async markDue(clock: PassClock = {}): Promise<{ emailed: number; skipped: number }> {
    const now = clock.now ?? new Date();
    const today = todayInMorocco(now);
    let emailed = 0;
    let skipped = 0;
    for (;;) {
      const outcome = await this.dataSource.transaction(async (manager) => {
        const followup = await this.claim(
          manager,
          today,
          `f.status = 'scheduled' AND f.due_on <= $1`,
          [],
        );
        if (!followup) return 'none';
        const tooLate = followup.dueOn < addDays(today, -FOLLOWUP_POLICY.graceDays);
        // Consent to follow-up withdrawn (law 09-08): no email, no call; the row stays as a trace.
        if (!followup.enrollmentCompleted || followup.laterDue || tooLate || followup.withdrawn) {
          await manager.query(
            `UPDATE followup SET status = 'skipped', updated_at = now() WHERE id = $1`,
            [followup.id],
          );
          return 'skipped';
        }
        if (followup.disabled) {
          // No email to a closed account: the follow-up waits in the officers' queue for a call.
          await manager.query(
            `UPDATE followup SET status = 'due', updated_at = now() WHERE id = $1`,
            [followup.id],
          );
          return 'held';
        }
        await manager.query(
          `UPDATE followup SET status = 'due', emailed_at = $2, updated_at = now() WHERE id = $1`,
          [followup.id, now],
        );
        await this.sendLink(manager, followup, 'followup_due', now);
        return 'emailed';
      });
      if (outcome === 'none') return { emailed, skipped };
      if (outcome === 'emailed') emailed++;
      if (outcome === 'skipped') skipped++;
    }
  }

  /**
   * Reminds due, unanswered follow-ups whose last email is `remindAfterDays` old, at most
   * `maxReminders` times. Each reminder carries a fresh link; the previous one stops working.
   */
  async remind(clock: PassClock = {}): Promise<number> {
    const now = clock.now ?? new Date();
    const cutoff = new Date(now.getTime() - FOLLOWUP_POLICY.remindAfterDays * 86_400_000);
    let reminded = 0;
    for (;;) {
      const done = await this.dataSource.transaction(async (manager) => {
        const followup = await this.claim(
          manager,
          todayInMorocco(now),
          `f.status = 'due' AND f.emailed_at IS NOT NULL AND f.reminder_count < $2
             AND coalesce(f.last_reminded_at, f.emailed_at) <= $3 AND u.disabled_at IS NULL
             AND u.followup_withdrawn_at IS NULL`,
          [FOLLOWUP_POLICY.maxReminders, cutoff],
        );
        if (!followup) return true;
        await this.sendLink(manager, followup, 'followup_reminder', now);
        await manager.query(
          `UPDATE followup SET reminder_count = reminder_count + 1, last_reminded_at = $2,
                  updated_at = now() WHERE id = $1`,
          [followup.id, now],
        );
        return false;
      });
      if (done) return reminded;
      reminded++;
    }
  }

  private async insertMissing(condition: string, params: unknown[]): Promise<number> {
    // `date + interval 'N months'` adds calendar months and clamps to the month's last day.
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO followup (enrollment_id, user_id, horizon, due_on)
       SELECT e.id, e.user_id, h.horizon, (e.completed_on + make_interval(months => h.horizon))::date
         FROM enrollment e
         JOIN users u ON u.id = e.user_id
         CROSS JOIN unnest($1::smallint[]) AS h (horizon)
        WHERE e.status = 'completed' AND u.followup_withdrawn_at IS NULL ${condition}
          AND NOT EXISTS (SELECT 1 FROM followup f WHERE f.enrollment_id = e.id AND f.horizon = h.horizon)
       ON CONFLICT (enrollment_id, horizon) DO NOTHING
       RETURNING id`,
      params,
    );
    return rows.length;
  }

  /**
   * Locks one matching follow-up (`condition` numbers its parameters from $2; $1 is today) until the transaction ends; rows another pass holds are skipped,
   * so concurrent passes share the work and never handle the same row.
   */
  private async claim(
    manager: EntityManager,
    today: string,
    condition: string,
    params: unknown[],
  ): Promise<ClaimedFollowup | undefined> {
    const [row]: ClaimedFollowup[] = await manager.query(
      `SELECT f.id, f.horizon, to_char(f.due_on, 'YYYY-MM-DD') AS "dueOn", f.user_id AS "userId",
              u.email, u.locale, u.full_name AS "fullName", u.disabled_at IS NOT NULL AS disabled,
              u.followup_withdrawn_at IS NOT NULL AS withdrawn,
              c.title AS "courseTitle", e.status = 'completed' AS "enrollmentCompleted",
              EXISTS (SELECT 1 FROM followup later
                       WHERE later.enrollment_id = f.enrollment_id AND later.horizon > f.horizon
                         AND later.due_on <= $1) AS "laterDue"
         FROM followup f
         JOIN users u ON u.id = f.user_id
         JOIN enrollment e ON e.id = f.enrollment_id
         JOIN course_session s ON s.id = e.session_id
         JOIN course c ON c.id = s.course_id
        WHERE ${condition}
        ORDER BY f.due_on, f.id
        LIMIT 1
        FOR UPDATE OF f SKIP LOCKED`,
      [today, ...params],
    );
    return row;
  }

  /** A fresh link (replacing any previous one) and its email, in the caller's transaction. */
  private async sendLink(
    manager: EntityManager,
    followup: ClaimedFollowup,
    template: 'followup_due' | 'followup_reminder',
    now: Date,
  ): Promise<void> {
    const token = newSurveyToken();
    const expiresAt = new Date(now.getTime() + FOLLOWUP_POLICY.linkValidDays * 86_400_000);
    await manager.query(
      `UPDATE followup SET token_hash = $2, token_expires_at = $3 WHERE id = $1`,
      [followup.id, hashSurveyToken(token), expiresAt],
    );
    await this.outbox.add(manager, {
      to: followup.email,
      template,
      locale: followup.locale,
      userId: followup.userId,
      params: {
        fullName: followup.fullName,
        courseTitle: followup.courseTitle,
        months: String(followup.horizon),
        surveyToken: token,
        expiresOn: todayInMorocco(expiresAt),
      },
    });
  }
}
