import { BASELINE_SITUATIONS, EDUCATION_LEVELS } from '@oris/shared/domain';
import type { DataSource, EntityManager } from 'typeorm';

export interface DemoEnrollmentsOptions {
  /** Session ids by demo key, as `seedDemoCatalogue` returns them (`sessions`). */
  sessionIdsByKey: Record<string, string>;
  /** Ids of the demo trainees to enroll (the more, the fuller the sessions). */
  trainees: string[];
  /** The seed's "now": no request is dated after it. Default: now. */
  now?: Date;
}

export interface DemoEnrollmentsResult {
  /** One line per session, for the CLI to print. */
  lines: string[];
  /** Enrollments written by this run (0 when run again). */
  created: number;
}

interface SessionPlan {
  key: string;
  /** 'fill' takes every seat left. */
  confirmed?: number | 'fill';
  waitlisted?: number;
  pending?: number;
  /** Modules done by each confirmed trainee, in order ('all' for every published module). */
  progress?: (number | 'all')[];
  completed?: number;
  notCompleted?: number;
}

/**
 * The demo: the small open session full with a waitlist, a pending request where approval is
 * required, trainees part-way through the running session, and completers of past cohorts (the
 * oldest over a year ago) with their real (past) completion day, modules and attendance.
 */
const PLAN: SessionPlan[] = [
  { key: 'es101-open', confirmed: 'fill', waitlisted: 2 },
  { key: 'gp201-running', confirmed: 5, progress: [1, 2, 3, 'all', 0] },
  { key: 'coop120-open', pending: 2 },
  { key: 'es101-past', completed: 6, notCompleted: 1 },
  { key: 'gp201-past', completed: 5 },
  { key: 'mi110-past', completed: 8, notCompleted: 2 },
  { key: 'coop120-past', completed: 4 },
  { key: 'pl140-past', completed: 5, notCompleted: 1 },
  // Appended, so the cohorts above keep their people. With the twelve demo learners: the first
  // three, none of whom completed MI-110's cohort (the demo follow-ups rely on that).
  { key: 'es101-first', completed: 3 },
];

interface SessionRow {
  id: string;
  courseId: string;
  capacity: number;
  confirmedCount: number;
  startsOn: string;
  endsOn: string;
  trainerId: string | null;
}

/**
 * Writes the demo enrollments. Idempotent: a person already enrolled in a session is left as
 * they are, so a second run writes nothing. Plain SQL on the migrated schema, one transaction
 * per session with the session row locked, keeping `confirmed_count` true.
 */
export async function seedDemoEnrollments(
  dataSource: DataSource,
  options: DemoEnrollmentsOptions,
): Promise<DemoEnrollmentsResult> {
  const result: DemoEnrollmentsResult = { lines: [], created: 0 };
  for (const [index, plan] of PLAN.entries()) {
    const sessionId = options.sessionIdsByKey[plan.key];
    if (!sessionId || options.trainees.length === 0) continue;
    // Each session starts further along the list, so some people took several courses.
    const offset = (index * 3) % options.trainees.length;
    const people = [...options.trainees.slice(offset), ...options.trainees.slice(0, offset)];
    const created = await dataSource.transaction((manager) =>
      seedSession(manager, sessionId, plan, people, options.now ?? new Date()),
    );
    result.created += created;
    result.lines.push(
      `${created > 0 ? 'created' : 'kept   '} ${plan.key.padEnd(14)} ${created} enrollments`,
    );
  }
  return result;
}

async function seedSession(
  manager: EntityManager,
  sessionId: string,
  plan: SessionPlan,
  people: string[],
  now: Date,
): Promise<number> {
  const [session]: SessionRow[] = await manager.query(
    `SELECT s.id, s.course_id AS "courseId", s.capacity, s.confirmed_count AS "confirmedCount",
            s.starts_on::text AS "startsOn", s.ends_on::text AS "endsOn",
            (SELECT t.user_id FROM session_trainer t WHERE t.session_id = s.id LIMIT 1) AS "trainerId"
       FROM course_session s WHERE s.id = $1 FOR UPDATE`,
    [sessionId],
  );
  if (!session) return 0;
  const enrolled: unknown[] = await manager.query(
    `SELECT 1 FROM enrollment WHERE session_id = $1 LIMIT 1`,
    [sessionId],
  );
  // Seeded once per session: a session with any enrollment is kept as it is.
  if (enrolled.length > 0) return 0;

  const seatsLeft = session.capacity - session.confirmedCount;
  const wanted = (count: number | 'fill' | undefined) =>
    count === 'fill' ? seatsLeft : Math.min(count ?? 0, seatsLeft);
  const queue = [...people];
  const take = (count: number) => queue.splice(0, count);
  const groups = {
    completed: take(Math.min(plan.completed ?? 0, seatsLeft)),
    notCompleted: [] as string[],
    confirmed: [] as string[],
    waitlisted: [] as string[],
    pending: [] as string[],
  };
  groups.notCompleted = take(Math.min(plan.notCompleted ?? 0, seatsLeft - groups.completed.length));
  groups.confirmed = take(wanted(plan.confirmed));
  groups.waitlisted = take(plan.waitlisted ?? 0);
  groups.pending = take(plan.pending ?? 0);

  const validator = session.trainerId;
  let created = 0;
  let ticket = 0;
  const insert = async (userId: string, status: string, index: number) => {
    const waitlistTicket = status === 'waitlisted' ? ++ticket : null;
    const seat = ['confirmed', 'completed', 'not_completed'].includes(status);
    const finished = status === 'completed' || status === 'not_completed';
    // Requests came in some weeks before the start, and never after now (a session starting
    // soon got its requests yesterday); outcomes were recorded on the last day.
    const enrolledAt = new Date(`${session.startsOn}T09:00:00Z`);
    enrolledAt.setUTCDate(enrolledAt.getUTCDate() - 20);
    const yesterday = new Date(now.getTime() - 86_400_000);
    if (enrolledAt > yesterday) enrolledAt.setTime(yesterday.getTime());
    enrolledAt.setUTCMinutes(index, 0, 0);
    const [{ id }]: { id: string }[] = await manager.query(
      `INSERT INTO enrollment (session_id, user_id, status, waitlist_ticket, baseline_situation,
         education_level, region_code, enrolled_by, enrolled_at, confirmed_at, completed_on,
         validated_by, validated_at)
       SELECT $1, u.id, $2, $3, $4, $5, u.region_code, u.id, $6, $7, $8, $9, $10
         FROM users u WHERE u.id = $11
       RETURNING id`,
      [
        session.id,
        status,
        waitlistTicket,
        BASELINE_SITUATIONS[index % BASELINE_SITUATIONS.length],
        EDUCATION_LEVELS[2 + (index % (EDUCATION_LEVELS.length - 2))],
        enrolledAt,
        seat ? enrolledAt : null,
        status === 'completed' ? session.endsOn : null,
        finished ? (validator ?? userId) : null,
        finished ? new Date(`${session.endsOn}T17:00:00+01:00`) : null,
        userId,
      ],
    );
    created++;
    return id;
  };

  let index = 0;
  for (const userId of groups.completed) {
    const id = await insert(userId, 'completed', index++);
    await markModules(manager, id, session.courseId, 'all');
    await markAttendance(manager, id, session.id, 1, validator ?? userId);
  }
  for (const userId of groups.notCompleted) {
    const id = await insert(userId, 'not_completed', index++);
    await markModules(manager, id, session.courseId, 1);
    await markAttendance(manager, id, session.id, 0.5, validator ?? userId);
  }
  for (const [position, userId] of groups.confirmed.entries()) {
    const id = await insert(userId, 'confirmed', index++);
    await markModules(manager, id, session.courseId, plan.progress?.[position] ?? 0);
  }
  for (const userId of groups.waitlisted) await insert(userId, 'waitlisted', index++);
  for (const userId of groups.pending) await insert(userId, 'pending', index++);

  const seats = groups.completed.length + groups.notCompleted.length + groups.confirmed.length;
  await manager.query(
    `UPDATE course_session SET confirmed_count = confirmed_count + $2 WHERE id = $1`,
    [session.id, seats],
  );
  return created;
}

/** Marks the first `count` published modules of the course done (by position). */
async function markModules(
  manager: EntityManager,
  enrollmentId: string,
  courseId: string,
  count: number | 'all',
): Promise<void> {
  if (count === 0) return;
  await manager.query(
    `INSERT INTO module_progress (enrollment_id, module_id)
     SELECT $1, m.id FROM course_module m
      WHERE m.course_id = $2 AND m.status = 'published'
      ORDER BY m.position
      LIMIT $3
     ON CONFLICT DO NOTHING`,
    [enrollmentId, courseId, count === 'all' ? null : count],
  );
}

/** Present at the given share of the session's past meetings (the first ones), absent after. */
async function markAttendance(
  manager: EntityManager,
  enrollmentId: string,
  sessionId: string,
  share: number,
  recordedBy: string,
): Promise<void> {
  await manager.query(
    `INSERT INTO attendance_mark (meeting_id, enrollment_id, present, recorded_by)
     SELECT m.id, $1, row_number() OVER (ORDER BY m.starts_at) <= ceil(count(*) OVER () * $3::numeric), $4
       FROM session_meeting m
      WHERE m.session_id = $2 AND m.starts_at <= now()
     ON CONFLICT DO NOTHING`,
    [enrollmentId, sessionId, share, recordedBy],
  );
}
