import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PlacementsService } from '@oris/api/placements';
import type { AuthenticatedUser } from '@oris/api/platform';
import type { ContractType, RegionCode, Role, SituationKind } from '@oris/shared/domain';
import type { DataSource } from 'typeorm';
import { addDays, type FollowupHorizon, todayInMorocco } from '@oris/shared/domain';
import type { PhoneAnswerDto, SurveyAnswerDto } from '../dto/answer.dto';
import { FollowupQueue } from '../queue/followup-queue.service';
import { FOLLOWUP_POLICY, hashSurveyToken } from '../rules/followup-policy';
import { FollowupScheduler } from '../scheduling/followup-scheduler.service';
import { SurveyService } from '../survey/survey.service';

export interface DemoFollowupsOptions {
  /** The placement officer who takes the phone answer and validates answers. */
  officerId: string;
  /** Ids of the demo trainees, in the order the enrollment seed was given them. */
  trainees: string[];
  /** The instant the replayed passes end at; defaults to now. "Today" is its day in Morocco. */
  now?: Date;
}

export interface DemoFollowupsResult {
  /** One line per step, for the CLI to print. */
  lines: string[];
  /** Emails (due and reminders) written by the replayed passes: 0 when run again the same day. */
  emailed: number;
  /** Follow-ups answered by this run: 0 when run again. */
  answered: number;
}

/** One answer of the demo, given to a person's follow-up at one horizon. */
interface DemoAnswer {
  /** Position of the person in `trainees`. */
  trainee: number;
  horizon: FollowupHorizon;
  channel: 'survey' | 'phone';
  /** An officer then validates the situation the answer became. */
  validate: boolean;
  kind: SituationKind;
  contract?: ContractType;
  employerName?: string;
  sector?: string;
  position?: string;
  regionCode: RegionCode;
  /** Days after the completion the follow-up is about (never after today). */
  startAfter: number;
  note?: string;
}

/**
 * Who answers what, for the demo's twelve learners (see the enrollment seed): learner02 took the
 * first cohort, over a year ago; learner07, 09 and 10 took MI-110's, about six months ago. The
 * other follow-ups stay as the passes left them: MI-110's other completers due (one email
 * each, so the survey journey finds one link per person), learner01's and learner03's 12-month
 * follow-ups overdue with two reminders, the first cohort's earlier horizons skipped (found too
 * late: "to call"), later cohorts scheduled. learner05 is left with no situation at all (still
 * "to follow"); the only person left with unvalidated situations only, learner10, is in the
 * Oujda cohort.
 */
const ANSWERS: DemoAnswer[] = [
  // A year on, answered from the reminder's link: a steady job, which the officer validated.
  {
    trainee: 1,
    horizon: 12,
    channel: 'survey',
    validate: true,
    kind: 'wage_employment',
    contract: 'permanent',
    employerName: 'Réseau marocain de l’économie sociale et solidaire',
    sector: 'Économie sociale et solidaire',
    position: 'Coordinatrice de projets',
    regionCode: 'MA-03',
    startAfter: 210,
  },
  // Six months on: a job found after the internship, validated…
  {
    trainee: 6,
    horizon: 6,
    channel: 'survey',
    validate: true,
    kind: 'wage_employment',
    contract: 'fixed_term',
    employerName: 'Association Tawasol',
    sector: 'Action sociale',
    position: 'Animateur·rice de quartier',
    regionCode: 'MA-04',
    startAfter: 105,
  },
  // … still seeking work, awaiting validation…
  {
    trainee: 9,
    horizon: 6,
    channel: 'survey',
    validate: false,
    kind: 'seeking',
    regionCode: 'MA-04',
    startAfter: 15,
  },
  // … and an answer an officer took by phone, awaiting validation.
  {
    trainee: 8,
    horizon: 6,
    channel: 'phone',
    validate: false,
    kind: 'internship',
    employerName: 'Espace associatif de Salé',
    sector: 'Accompagnement',
    position: 'Stagiaire en communication',
    regionCode: 'MA-04',
    startAfter: 150,
    note: 'Appel : stage de six mois pendant son master, convention signée.',
  },
];

/**
 * The passes are replayed over this many days: as if the worker had run its pass daily since,
 * so older horizons of past cohorts are found too late and skipped (FOLLOWUP_POLICY.graceDays),
 * exactly as for a cohort imported that long ago.
 */
const REPLAY_DAYS: number = FOLLOWUP_POLICY.graceDays;

/** The survey's rate limit counts per address: the seed has a budget of its own. */
const SEED_ADDRESS = 'demo-seed';

interface TargetFollowup {
  id: string;
  status: string;
  completedOn: string;
  placementId: string | null;
  tokenHash: Buffer | null;
}

/**
 * Demo follow-ups in every state, through the feature's own paths: the worker's pass replayed day
 * by day over the last 60 days (due emails, reminders, late horizons skipped), answers given
 * through the survey link each person was emailed or taken by phone by the officer, and some of
 * the resulting situations validated by the officer. Idempotent: a second run the same day
 * replays passes that find nothing to do, and answers only follow-ups still unanswered.
 */
@Injectable()
export class DemoFollowups {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scheduler: FollowupScheduler,
    private readonly survey: SurveyService,
    private readonly queue: FollowupQueue,
    private readonly placements: PlacementsService,
  ) {}

  async seed(options: DemoFollowupsOptions): Promise<DemoFollowupsResult> {
    const end = options.now ?? new Date();
    const today = todayInMorocco(end);
    const scheduled = await this.scheduler.schedule();
    let emailed = 0;
    let skipped = 0;
    let reminded = 0;
    for (let back = REPLAY_DAYS; back >= 0; back--) {
      // Mid-morning in Morocco on each past day; the last pass is now.
      const now = back === 0 ? end : new Date(`${addDays(today, -back)}T10:00:00+01:00`);
      const due = await this.scheduler.markDue({ now });
      emailed += due.emailed;
      skipped += due.skipped;
      reminded += await this.scheduler.remind({ now });
    }

    const officer = await this.officer(options.officerId);
    let answered = 0;
    let byPhone = 0;
    let validated = 0;
    for (const plan of ANSWERS) {
      const userId = options.trainees[plan.trainee];
      if (!userId) continue;
      const followup = await this.followupOf(userId, plan.horizon);
      if (!followup) continue;
      let placementId = followup.placementId;
      if (followup.status !== 'answered') {
        placementId = await this.answer(officer, followup, plan, today);
        if (!placementId) continue;
        answered++;
        if (plan.channel === 'phone') byPhone++;
      }
      if (plan.validate && placementId) {
        // Idempotent: a validated situation is left as it is, and nothing is recorded.
        const before = await this.placements.get(placementId);
        if (!before.validated) {
          await this.placements.validate(officer, placementId);
          validated++;
        }
      }
    }

    const withdrawn = await this.withdrawDeadLinks(options.trainees, end);

    return {
      emailed: emailed + reminded,
      answered,
      lines: [
        `${scheduled + emailed + skipped + reminded > 0 ? 'created' : 'kept   '} followups      ${scheduled} scheduled; passes of the last ${REPLAY_DAYS} days: ${emailed} emailed, ${reminded} reminders, ${skipped} skipped`,
        `${answered + validated > 0 ? 'created' : 'kept   '} answers        ${answered} (${byPhone} by phone), ${validated} validated`,
        `${withdrawn > 0 ? 'created' : 'kept   '} survey emails  ${withdrawn} with a link that no longer works left unsent`,
      ],
    };
  }

  /**
   * The replayed passes wrote their emails days apart, but the worker delivers them all at its
   * first start: the earlier ones would arrive with a link already replaced by a reminder's,
   * expired, or spent by an answer. Those are cancelled before delivery, so that every survey
   * link the demo's mailbox receives opens the survey.
   */
  private async withdrawDeadLinks(trainees: string[], now: Date): Promise<number> {
    const rows: unknown[] = await this.dataSource.query(
      `UPDATE email_outbox o SET status = 'cancelled', next_attempt_at = NULL
        WHERE o.status = 'pending' AND o.user_id = ANY($1::uuid[])
          AND o.template IN ('followup_due', 'followup_reminder')
          AND NOT EXISTS (
                SELECT 1 FROM followup f
                 WHERE f.user_id = o.user_id AND f.status = 'due' AND f.token_expires_at > $2
                   AND f.token_hash = sha256(convert_to(o.params->>'surveyToken', 'UTF8')))
       RETURNING o.id`,
      [trainees, now],
    );
    return rows.length;
  }

  /** The person's follow-up at this horizon of their reference (earliest) completed enrollment. */
  private async followupOf(
    userId: string,
    horizon: FollowupHorizon,
  ): Promise<TargetFollowup | undefined> {
    const [row]: TargetFollowup[] = await this.dataSource.query(
      `SELECT f.id, f.status, to_char(e.completed_on, 'YYYY-MM-DD') AS "completedOn",
              f.placement_id AS "placementId", f.token_hash AS "tokenHash"
         FROM followup f JOIN enrollment e ON e.id = f.enrollment_id
        WHERE f.user_id = $1 AND f.horizon = $2 AND e.status = 'completed'
        ORDER BY e.completed_on, e.id
        LIMIT 1`,
      [userId, horizon],
    );
    return row;
  }

  /** Answers through the survey link or by phone; the new situation's id, or null if no link. */
  private async answer(
    officer: AuthenticatedUser,
    followup: TargetFollowup,
    plan: DemoAnswer,
    today: string,
  ): Promise<string | null> {
    const startOn = addDays(followup.completedOn, plan.startAfter);
    const body: SurveyAnswerDto = {
      kind: plan.kind,
      contract: plan.contract ?? null,
      employerName: plan.employerName ?? null,
      sector: plan.sector ?? null,
      position: plan.position ?? null,
      regionCode: plan.regionCode,
      startOn: startOn > today ? today : startOn,
      endOn: null,
    };
    if (plan.channel === 'phone') {
      const phone: PhoneAnswerDto = { ...body, note: plan.note ?? null };
      const answered = await this.queue.recordPhoneAnswer(officer, followup.id, phone);
      return answered.placementId;
    }
    const token = await this.emailedToken(followup);
    if (!token) return null;
    await this.survey.answer(SEED_ADDRESS, token, body);
    const [row]: { placementId: string }[] = await this.dataSource.query(
      `SELECT placement_id AS "placementId" FROM followup WHERE id = $1`,
      [followup.id],
    );
    return row.placementId;
  }

  /**
   * The link the person was last emailed, read from their email as they would: the outbox keeps
   * the plain token until the email is sent, and only the one matching the stored hash still works.
   * None once sent (or never emailed): that follow-up is left unanswered.
   */
  private async emailedToken(followup: TargetFollowup): Promise<string | null> {
    if (!followup.tokenHash) return null;
    const rows: { token: string }[] = await this.dataSource.query(
      `SELECT o.params->>'surveyToken' AS token
         FROM email_outbox o JOIN followup f ON f.user_id = o.user_id
        WHERE f.id = $1 AND o.template IN ('followup_due', 'followup_reminder')
          AND o.params->>'surveyToken' IS NOT NULL
        ORDER BY o.created_at DESC`,
      [followup.id],
    );
    const stored = followup.tokenHash;
    return rows.find((row) => hashSurveyToken(row.token).equals(stored))?.token ?? null;
  }

  private async officer(id: string): Promise<AuthenticatedUser> {
    const [row]: { id: string; email: string; roles: Role[] }[] = await this.dataSource.query(
      `SELECT u.id, u.email, array_remove(array_agg(r.role ORDER BY r.role), NULL) AS roles
         FROM users u LEFT JOIN user_role r ON r.user_id = u.id
        WHERE u.id = $1 GROUP BY u.id`,
      [id],
    );
    if (!row) throw new Error(`No officer with id ${id}`);
    return row;
  }
}
