import { progressPercent } from '@oris/shared/domain';
import type { ModuleCounts } from '@oris/shared/domain';
import { EntityManager } from 'typeorm';
import type { ProgressDto } from '../dto/enrollment.dto';

export const NO_MODULES: ModuleCounts = {
  requiredTotal: 0,
  requiredDone: 0,
  publishedTotal: 0,
  publishedDone: 0,
};

/**
 * Published and required modules of each enrollment's course, and how many the trainee marked
 * done, in one statement whatever the number of enrollments. Only published modules count: a
 * draft is invisible to trainees, so it can neither be done nor be missing.
 */
export async function moduleCounts(
  manager: EntityManager,
  enrollmentIds: string[],
): Promise<Map<string, ModuleCounts>> {
  const counts = new Map<string, ModuleCounts>(enrollmentIds.map((id) => [id, NO_MODULES]));
  if (enrollmentIds.length === 0) return counts;
  const rows: (ModuleCounts & { id: string })[] = await manager.query(
    `SELECT e.id,
            count(*) FILTER (WHERE m.required)::int AS "requiredTotal",
            count(p.module_id) FILTER (WHERE m.required)::int AS "requiredDone",
            count(*)::int AS "publishedTotal",
            count(p.module_id)::int AS "publishedDone"
       FROM enrollment e
       JOIN course_session s ON s.id = e.session_id
       JOIN course_module m ON m.course_id = s.course_id AND m.status = 'published'
       LEFT JOIN module_progress p ON p.enrollment_id = e.id AND p.module_id = m.id
      WHERE e.id = ANY($1)
      GROUP BY e.id`,
    [enrollmentIds],
  );
  for (const { id, ...row } of rows) counts.set(id, row);
  return counts;
}

export const toProgress = (counts: ModuleCounts): ProgressDto => ({
  ...counts,
  percent: progressPercent(counts),
});

export async function progressOf(
  manager: EntityManager,
  enrollmentId: string,
): Promise<ProgressDto> {
  const counts = await moduleCounts(manager, [enrollmentId]);
  return toProgress(counts.get(enrollmentId) ?? NO_MODULES);
}
