// Decorators of the imported libs read metadata as soon as they load.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import {
  InsertionIndicators,
  lastClosedQuarter,
  NESTED_COUNTS,
  PublicReleaseScheduler,
  PublicReleases,
  type PublicIndicatorCellDto,
  type PublicIndicatorsDto,
} from '@oris/api/indicators';
import { todayInMorocco } from '@oris/shared/domain';
import { client } from '../catalogue/catalogue-client';
import { database } from '../enrollments/enrollment-client';
import { startIdentityTestApp } from '../identity/support/identity-test-app';
import { PlacementCast, placementCast } from '../placements/placement-client';
import type { TestApp } from '../support/test-app';
import { IndicatorDataset, seedIndicatorDataset } from './indicator-dataset';

/** Mid-October 2025 in Morocco: the release due is 2025-Q3, as of 30 September 2025. */
const IN_2025_Q4 = new Date('2025-10-15T10:00:00Z');
/** Mid-January 2026: the release due is 2025-Q4. */
const IN_2026_Q1 = new Date('2026-01-10T10:00:00Z');

describe('public indicators: frozen quarterly releases', () => {
  let api: TestApp;
  let cast: PlacementCast;
  let http: ReturnType<typeof client>;
  let data: IndicatorDataset;
  let releases: PublicReleases;

  beforeAll(async () => {
    api = await startIdentityTestApp();
    cast = await placementCast(api);
    http = client(api);
    data = await seedIndicatorDataset(database(api), cast.admin.user.id);
    releases = api.app.get(PublicReleases);
  });

  afterAll(() => api.close());

  /** One more trainee of S2 (MA-06, completed 2024-07-01), recorded now. */
  async function anotherCompletion(): Promise<void> {
    const db = database(api);
    const [{ id: userId }] = await db.query(
      `INSERT INTO users (email, password_hash, full_name, gender, birth_year, region_code)
       VALUES ($1, 'x', 'Late record', 'female', 1994, 'MA-06') RETURNING id`,
      [`late-${randomUUID()}@indicators.test`],
    );
    await db.query(
      `INSERT INTO enrollment (session_id, user_id, status, baseline_situation, education_level, region_code,
                               enrolled_by, enrolled_at, completed_on, validated_by, validated_at)
       VALUES ($1, $2, 'completed', 'seeking', 'licence', 'MA-06', $3, '2024-05-01', '2024-07-01', $3, '2024-07-01')`,
      [data.s2, userId, cast.admin.user.id],
    );
  }

  it('answers 404 problem+json before the first release', async () => {
    const response = await http.anonymous.get('/api/v1/public/indicators').expect(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.code).toBe('no_public_release');
  });

  it('releases the last quarter over, as of its last day, once', async () => {
    expect(await releases.releaseDue(IN_2025_Q4)).toBe('2025-Q3');
    expect(await releases.releaseDue(IN_2025_Q4)).toBeNull();
    const later = new Date(IN_2025_Q4.getTime() + 30 * 86_400_000);
    expect(await releases.releaseDue(later)).toBeNull();

    const { body, headers } = await http.anonymous.get('/api/v1/public/indicators').expect(200);
    expect(headers['cache-control']).toBe('public, max-age=300');
    expect(body).toMatchObject({
      quarter: '2025-Q3',
      asOf: '2025-09-30',
      releasedOn: '2025-10-15',
      releasedAt: IN_2025_Q4.toISOString(),
      nextReleaseOn: '2026-01-01',
      months: 9,
      minimumCellSize: 5,
    });
    expect(body.definition.fr).toContain('Taux d’insertion');
    // The figures are the engine's as of the quarter's last day: 9 persons, where today's
    // figures have 10 with p8 (completed 30 days ago).
    const live = await api.app
      .get(InsertionIndicators)
      .compute({ months: 9, asOf: '2025-09-30', groupBy: 'region' }, 'live');
    expect(live.trained).toBe(9);
    expect(body.total.trained).toBe(9);
    expectHonest(body as PublicIndicatorsDto);
  });

  it('keeps serving the same frozen figures after new data, until the next quarter’s release', async () => {
    const before = (await http.anonymous.get('/api/v1/public/indicators').expect(200)).body;
    await anotherCompletion();
    const live = await api.app
      .get(InsertionIndicators)
      .compute({ months: 9, asOf: '2025-09-30', groupBy: 'region' }, 'live');
    expect(live.trained).toBe(10);

    // Later in the same quarter: nothing is produced, nothing changes.
    expect(await releases.releaseDue(new Date('2025-12-31T12:00:00Z'))).toBeNull();
    const after = (await http.anonymous.get('/api/v1/public/indicators').expect(200)).body;
    expect(after).toEqual(before);

    // The next quarter's release has the new person; the old one is kept as it was.
    expect(await releases.releaseDue(IN_2026_Q1)).toBe('2025-Q4');
    const next = (await http.anonymous.get('/api/v1/public/indicators').expect(200)).body;
    expect(next).toMatchObject({
      quarter: '2025-Q4',
      asOf: '2025-12-31',
      releasedOn: '2026-01-10',
      nextReleaseOn: '2026-04-01',
    });
    expect(next.total.trained).toBe(10);
    expectHonest(next as PublicIndicatorsDto);
    const [stored] = await database(api).query(
      `SELECT figures FROM public_indicator_release WHERE quarter = '2025-Q3'`,
    );
    expect(stored.figures.total).toEqual(before.total);
  });

  it('is produced by the worker’s scheduler as soon as it starts: the last quarter over', async () => {
    const due = lastClosedQuarter(todayInMorocco());
    const scheduler = new PublicReleaseScheduler(releases, 3_600_000);
    scheduler.onApplicationBootstrap();
    try {
      const deadline = Date.now() + 20_000;
      let rows: unknown[] = [];
      while (rows.length === 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        rows = await database(api).query(
          `SELECT 1 FROM public_indicator_release WHERE quarter = $1`,
          [due.quarter],
        );
      }
      expect(rows).toHaveLength(1);
    } finally {
      await scheduler.onModuleDestroy();
    }
    const { body } = await http.anonymous.get('/api/v1/public/indicators').expect(200);
    expect(body).toMatchObject({ quarter: due.quarter, asOf: due.endsOn });
    expectHonest(body as PublicIndicatorsDto);
  });

  it('refuses to rewrite or delete a release in the database itself', async () => {
    const db = database(api);
    await expect(
      db.query(`UPDATE public_indicator_release SET figures = '{}' WHERE quarter = '2025-Q3'`),
    ).rejects.toThrow(/frozen/);
    await expect(
      db.query(`DELETE FROM public_indicator_release WHERE quarter = '2025-Q3'`),
    ).rejects.toThrow(/frozen/);
  });
});

/** What every release must satisfy, whatever the data. */
function expectHonest(release: PublicIndicatorsDto): void {
  const cells: PublicIndicatorCellDto[] = [release.total, ...release.byRegion, ...release.byYear];
  for (const cell of cells) {
    for (const name of NESTED_COUNTS) {
      if (cell[name] !== null) expect(cell[name]).toBeGreaterThanOrEqual(5);
    }
  }
  for (const table of [release.byRegion, release.byYear]) {
    for (const name of NESTED_COUNTS) {
      const total = release.total[name];
      const hidden = table.filter((cell) => cell[name] === null);
      if (total === null || hidden.length === 0) continue;
      // Never one group alone, never a sum of fewer than 5 persons.
      expect(hidden.length).toBeGreaterThanOrEqual(2);
      const shown = table.reduce((sum, cell) => sum + (cell[name] ?? 0), 0);
      expect(total - shown).toBeGreaterThanOrEqual(5);
    }
  }
}
