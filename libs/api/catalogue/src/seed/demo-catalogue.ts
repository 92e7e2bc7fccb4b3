import type { DataSource, EntityManager } from 'typeorm';
import { addDays, demoSessionTitle, type Locale, todayInMorocco } from '@oris/shared/domain';
import { renderMarkdown } from '../common/markdown';
import { DEMO_COURSES, DemoCourse, DemoSession } from './demo-courses';

export interface DemoCatalogueOptions {
  /** The demo trainer: owner of every demo course and trainer of every demo session. */
  trainerId: string;
  /** Day the relative session dates count from; default today in Morocco. */
  today?: string;
}

export interface DemoCatalogueResult {
  /** One line per course, for the CLI to print. */
  lines: string[];
  /**
   * Session ids by key, for the enrollment seed: `es101-open` is the small (4 seats) session to
   * fill up with a waitlist; `*-past` sessions are completed cohorts; `gp201-running` is running.
   */
  sessions: Record<string, string>;
}

/**
 * Writes the demo catalogue: ten courses (one a draft) on social-innovation themes, their
 * modules and sessions in several regions. Idempotent by course code: a course already there is
 * kept as it is. Plain SQL, so any DataSource on the migrated schema will do.
 */
export async function seedDemoCatalogue(
  dataSource: DataSource,
  options: DemoCatalogueOptions,
): Promise<DemoCatalogueResult> {
  const today = options.today ?? todayInMorocco();
  const result: DemoCatalogueResult = { lines: [], sessions: {} };
  for (const course of DEMO_COURSES) {
    await dataSource.transaction(async (manager) => {
      const existing: { id: string }[] = await manager.query(
        `SELECT id FROM course WHERE code = $1`,
        [course.code],
      );
      if (existing.length > 0) {
        const sessions: { id: string; title: string; startsOn: string }[] = await manager.query(
          `SELECT id, title, to_char(starts_on, 'YYYY-MM-DD') AS "startsOn"
             FROM course_session WHERE course_id = $1`,
          [existing[0].id],
        );
        // A session's name follows its own first day, which was fixed when it was written. Two
        // sessions of a course may share a name's template (and even a season): they are matched
        // in the order of their first days, each written session claimed once.
        const byStart = [...sessions].sort((a, b) => a.startsOn.localeCompare(b.startsOn));
        const claimed = new Set<string>();
        for (const demo of [...course.sessions].sort((a, b) => a.startIn - b.startIn)) {
          const found = byStart.find(
            (session) =>
              !claimed.has(session.id) &&
              session.title === demoSessionTitle(demo.title, session.startsOn, course.languages[0]),
          );
          if (!found) continue;
          claimed.add(found.id);
          result.sessions[demo.key] = found.id;
        }
        result.lines.push(`kept    ${course.code}`);
        return;
      }
      const courseId = await insertCourse(manager, course, options.trainerId);
      for (const demo of course.sessions) {
        result.sessions[demo.key] = await insertSession(
          manager,
          courseId,
          demo,
          options.trainerId,
          today,
          course.languages[0],
        );
      }
      result.lines.push(
        `created ${course.code.padEnd(11)} ${course.status.padEnd(9)} ${course.modules.length} modules, ${course.sessions.length} sessions`,
      );
    });
  }
  return result;
}

async function insertCourse(
  manager: EntityManager,
  course: DemoCourse,
  trainerId: string,
): Promise<string> {
  const published = course.status === 'published';
  const [{ id }]: { id: string }[] = await manager.query(
    `INSERT INTO course (code, title, summary, description, description_html, theme, languages,
       delivery_mode, duration_hours, learning_outcomes, requires_modules, min_attendance_percent,
       requires_trainer_validation, status, published_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, true, $11, $12, $13, $14)
     RETURNING id`,
    [
      course.code,
      course.title,
      course.summary,
      course.description,
      renderMarkdown(course.description),
      course.theme,
      course.languages,
      course.deliveryMode,
      course.durationHours,
      course.learningOutcomes,
      course.minAttendancePercent,
      course.trainerValidation,
      course.status,
      published ? new Date() : null,
    ],
  );
  await manager.query(`INSERT INTO course_owner (course_id, user_id) VALUES ($1, $2)`, [
    id,
    trainerId,
  ]);
  for (const [index, module] of course.modules.entries()) {
    await manager.query(
      `INSERT INTO course_module (course_id, position, title, content, content_html,
         estimated_minutes, resources, required, status, published_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        id,
        index + 1,
        module.title,
        module.content,
        renderMarkdown(module.content),
        module.minutes,
        JSON.stringify(module.resources ?? []),
        module.required ?? true,
        published ? 'published' : 'draft',
        published ? new Date() : null,
      ],
    );
  }
  return id;
}

async function insertSession(
  manager: EntityManager,
  courseId: string,
  session: DemoSession,
  trainerId: string,
  today: string,
  locale: Locale,
): Promise<string> {
  const startsOn = addDays(today, session.startIn);
  const endsOn = addDays(startsOn, session.days - 1);
  const opensOn = addDays(startsOn, -45);
  const closesOn = addDays(startsOn, -1);
  const [{ id }]: { id: string }[] = await manager.query(
    `INSERT INTO course_session (course_id, title, starts_on, ends_on, region_code, venue, online_url,
       capacity, enrollment_opens_on, enrollment_closes_on, approval_required, status)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     RETURNING id`,
    [
      courseId,
      demoSessionTitle(session.title, startsOn, locale),
      startsOn,
      endsOn,
      session.regionCode,
      session.venue ?? null,
      session.onlineUrl ?? null,
      session.capacity,
      opensOn,
      closesOn,
      session.approvalRequired ?? false,
      session.status,
    ],
  );
  await manager.query(`INSERT INTO session_trainer (session_id, user_id) VALUES ($1, $2)`, [
    id,
    trainerId,
  ]);
  if (session.meetingHour !== undefined) {
    const hour = String(session.meetingHour).padStart(2, '0');
    const endHour = String(session.meetingHour + 3).padStart(2, '0');
    for (let day = 0; day < session.days; day++) {
      const on = addDays(startsOn, day);
      await manager.query(
        `INSERT INTO session_meeting (session_id, starts_at, ends_at, label) VALUES ($1, $2, $3, $4)`,
        [id, `${on}T${hour}:00:00+01:00`, `${on}T${endHour}:00:00+01:00`, `Jour ${day + 1}`],
      );
    }
  }
  return id;
}
