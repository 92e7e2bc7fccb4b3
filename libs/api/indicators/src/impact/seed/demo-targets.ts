import { type ImpactIndicator, todayInMorocco } from '@oris/shared/domain';
import type { DataSource } from 'typeorm';

/** Last year's and this year's targets and baselines (relative to the seed day). */
const TARGETS: Record<ImpactIndicator, [last: [number, number], current: [number, number]]> = {
  insertion: [
    [20, 10],
    [30, 20],
  ],
  publications: [
    [6, 4],
    [8, 6],
  ],
  tools: [
    [3, 1],
    [4, 3],
  ],
  partnerships: [
    [10, 6],
    [12, 10],
  ],
};

/**
 * The demo's targets of the four indicators for last year and this year, set by the demo
 * administrator. Idempotent: a year and indicator that has a target keeps it.
 */
export async function seedDemoTargets(
  dataSource: DataSource,
  options: { adminId: string; today?: string },
): Promise<{ lines: string[] }> {
  const year = Number((options.today ?? todayInMorocco()).slice(0, 4));
  let added = 0;
  for (const [indicator, [last, current]] of Object.entries(TARGETS)) {
    for (const [offset, [target, baseline]] of [
      [1, last],
      [0, current],
    ] as const) {
      const rows: unknown[] = await dataSource.query(
        `INSERT INTO indicator_target (indicator, year, target, baseline, set_by)
         SELECT $1::varchar, $2::smallint, $3::numeric, $4::numeric, $5::uuid
          WHERE NOT EXISTS (SELECT 1 FROM indicator_target
                             WHERE indicator = $1::varchar AND year = $2::smallint AND superseded_at IS NULL)
         RETURNING id`,
        [indicator, year - offset, target, baseline, options.adminId],
      );
      added += rows.length;
    }
  }
  return { lines: [`Impact targets: ${added} set for ${year - 1} and ${year}.`] };
}
