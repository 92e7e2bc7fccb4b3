import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { inDays } from '../catalogue/catalogue-client';

/**
 * A hand-built dataset, written straight in SQL with real past dates so every figure is known:
 *
 * - S1 (course A, MA-01): starts 2024-01-08, completed 2024-03-01 → T+9 reference 2024-12-01.
 * - S2 (course B, MA-06): starts 2024-06-03, completed 2024-07-01 → T+9 reference 2025-04-01.
 * - S3 (course A, MA-01): recent, completed 30 days ago → not eligible yet at any horizon.
 *
 * p1  S1 and S2 (counts once, reference S1); wage job 2024-05-01, open → inserted, employed
 * p2  S1; the baseline job, since 2023-06-01, ongoing → responded, not inserted (kind `other`)
 * p3  S1; wage job 2025-01-15: after the T+9 reference (2024-12-01), before T+12 (2025-03-01)
 * p4  S1; further studies 2024-04-01 → responded, not inserted
 * p5  S2; certificate revoked 2024-08-01 → not trained (her validated job does not matter)
 * p6  S2; self-employment 2024-08-01 → 2024-10-31 → inserted, not employed on 2025-04-01
 * p7  S2; enterprise creation 2024-09-01, never validated → nothing
 * p8  S3 (recent) → trained, not eligible
 * p9  S1, no gender, no region at enrollment; cooperative 2024-06-01 validated on 2025-02-01,
 *     then changed on 2025-07-01 and not validated again → counted on 2025-05-01, not today
 * p10 S1; wage job 2024-04-15 recorded unvalidated, validated on 2025-06-01 → today, not 2025-05-01
 * p11 S1; certificate revoked on 2025-08-01 → trained on 2025-05-01, not today; no situation
 * p12 S2; no situation, answered the T+9 follow-up on 2025-03-15 → responded (kind `other`)
 */
export interface IndicatorDataset {
  courseA: string;
  courseB: string;
  s1: string;
  s2: string;
  s3: string;
  people: Record<string, string>;
}

export async function seedIndicatorDataset(
  db: DataSource,
  actorId: string,
): Promise<IndicatorDataset> {
  const suffix = randomUUID().slice(0, 6).toUpperCase();
  const course = async (code: string) => {
    const [{ id }] = await db.query(
      `INSERT INTO course (code, title, summary, theme, languages, delivery_mode, duration_hours, status, published_at)
       VALUES ($1, $2, 'Résumé', 'social_entrepreneurship', ARRAY['fr'], 'in_person', 40, 'published', now())
       RETURNING id`,
      [code, `Cours ${code}`],
    );
    return id as string;
  };
  const courseA = await course(`IND-A${suffix}`);
  const courseB = await course(`IND-B${suffix}`);
  const session = async (courseId: string, startsOn: string, endsOn: string, region: string) => {
    const [{ id }] = await db.query(
      `INSERT INTO course_session (course_id, title, starts_on, ends_on, region_code, venue, capacity,
                                   enrollment_opens_on, enrollment_closes_on, status)
       VALUES ($1, $2, $3, $4, $5, 'Salle 1', 100, $3, $3, 'completed') RETURNING id`,
      [courseId, `Session ${startsOn}`, startsOn, endsOn, region],
    );
    return id as string;
  };
  const s1 = await session(courseA, '2024-01-08', '2024-02-28', 'MA-01');
  const s2 = await session(courseB, '2024-06-03', '2024-06-28', 'MA-06');
  const s3 = await session(courseA, inDays(-60), inDays(-31), 'MA-01');

  const people: Record<string, string> = {};
  const person = async (label: string, gender: string | null, birthYear: number | null) => {
    const [{ id }] = await db.query(
      `INSERT INTO users (email, password_hash, full_name, gender, birth_year, region_code,
                          email_confirmed_at)
       VALUES ($1, 'x', $2, $3, $4, 'MA-01', now()) RETURNING id`,
      [`${label}-${suffix.toLowerCase()}@indicators.test`, `Person ${label}`, gender, birthYear],
    );
    people[label] = id;
    return id as string;
  };
  await person('p1', 'female', 1998);
  await person('p2', 'male', 1990);
  await person('p3', 'female', 2001);
  await person('p4', 'male', 1970);
  await person('p5', 'female', null);
  await person('p6', 'male', 1995);
  await person('p7', 'female', 1999);
  await person('p8', 'male', 1985);
  await person('p9', null, 1992);
  await person('p10', 'male', 1988);
  await person('p11', 'female', 1996);
  await person('p12', 'male', 2000);

  const enrollments: Record<string, string> = {};
  const complete = async (
    label: string,
    sessionId: string,
    completedOn: string,
    region: string | null,
    education = 'licence',
  ) => {
    const [{ id }] = await db.query(
      `INSERT INTO enrollment (session_id, user_id, status, baseline_situation, education_level, region_code,
                               enrolled_by, enrolled_at, completed_on, validated_by, validated_at)
       VALUES ($1, $2, 'completed', 'seeking', $3, $4, $5, $6::date - 60, $6, $5, $6::date)
       RETURNING id`,
      [sessionId, people[label], education, region, actorId, completedOn],
    );
    enrollments[`${label}@${sessionId}`] = id;
    return id as string;
  };
  await complete('p1', s1, '2024-03-01', 'MA-01');
  await complete('p1', s2, '2024-07-01', 'MA-06');
  await complete('p2', s1, '2024-03-01', 'MA-01', 'master');
  await complete('p3', s1, '2024-03-01', 'MA-01', 'baccalaureate');
  await complete('p4', s1, '2024-03-01', 'MA-01', 'bac_plus_2');
  const p5Enrollment = await complete('p5', s2, '2024-07-01', 'MA-06');
  await complete('p6', s2, '2024-07-01', 'MA-06');
  await complete('p7', s2, '2024-07-01', 'MA-06');
  await complete('p8', s3, inDays(-30), 'MA-01');
  await complete('p9', s1, '2024-03-01', null);
  await complete('p10', s1, '2024-03-01', 'MA-01');
  const p11Enrollment = await complete('p11', s1, '2024-03-01', 'MA-01');
  const p12Enrollment = await complete('p12', s2, '2024-07-01', 'MA-06');

  let serial = 0;
  const certificate = async (enrollmentId: string, revokedAt: string | null) => {
    serial += 1;
    await db.query(
      `INSERT INTO certificate (enrollment_id, user_id, session_id, serial, verification_code, holder_name,
                                course_title, hours, session_starts_on, session_ends_on, region_code,
                                region_name, region_name_ar, completed_on, locale, issued_by, issued_on,
                                status, revoked_at, revoked_by, revoked_reason)
       SELECT e.id, e.user_id, e.session_id, $2, $3, 'Holder', 'Cours', 40, s.starts_on, s.ends_on,
              s.region_code, 'Région', 'جهة', e.completed_on, 'fr', $4, e.completed_on,
              CASE WHEN $5::timestamptz IS NULL THEN 'valid' ELSE 'revoked' END,
              $5::timestamptz, CASE WHEN $5::timestamptz IS NULL THEN NULL ELSE $4::uuid END,
              CASE WHEN $5::timestamptz IS NULL THEN NULL ELSE 'issued_in_error' END
         FROM enrollment e JOIN course_session s ON s.id = e.session_id WHERE e.id = $1`,
      [
        enrollmentId,
        `ORIS-2024-${String(900000 + serial).padStart(6, '0')}${suffix.replace(/[^0-9]/g, '')}`,
        `code${randomUUID().replace(/-/g, '')}`,
        actorId,
        revokedAt,
      ],
    );
  };
  await certificate(p5Enrollment, '2024-08-01T10:00:00Z');
  await certificate(p11Enrollment, '2025-08-01T10:00:00Z');
  await certificate(enrollments[`p1@${s1}`], null);

  /** A placement and its versions: [facts, created at, validated?, superseded at]. */
  const placement = async (
    label: string,
    versions: {
      kind: string;
      startOn: string;
      endOn?: string;
      at: string;
      validated: boolean;
      supersededAt?: string;
    }[],
  ) => {
    const [{ id }] = await db.query(
      `INSERT INTO placement (user_id, created_by, created_at) VALUES ($1, $2, $3) RETURNING id`,
      [people[label], actorId, versions[0].at],
    );
    for (const [index, v] of versions.entries()) {
      const wage = v.kind === 'wage_employment';
      const place = [
        'wage_employment',
        'enterprise_creation',
        'cooperative',
        'internship',
      ].includes(v.kind);
      await db.query(
        `INSERT INTO placement_version (placement_id, version, user_id, kind, contract, employer_name, sector,
                                        position, region_code, start_on, end_on, source, evidence,
                                        validated_by, validated_at, recorded_by, created_at, superseded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'MA-01', $9, $10, 'officer', 'confirmed',
                 $11, $12, $13, $14, $15)`,
        [
          id,
          index + 1,
          people[label],
          v.kind,
          wage ? 'permanent' : null,
          place ? 'Employeur' : null,
          place ? 'ESS' : null,
          place ? 'Poste' : null,
          v.startOn,
          v.endOn ?? null,
          v.validated ? actorId : null,
          v.validated ? v.at : null,
          actorId,
          v.at,
          v.supersededAt ?? null,
        ],
      );
    }
  };
  await placement('p1', [
    { kind: 'wage_employment', startOn: '2024-05-01', at: '2024-05-10', validated: true },
  ]);
  await placement('p2', [
    { kind: 'wage_employment', startOn: '2023-06-01', at: '2024-04-01', validated: true },
  ]);
  await placement('p3', [
    { kind: 'wage_employment', startOn: '2025-01-15', at: '2025-02-01', validated: true },
  ]);
  await placement('p4', [
    { kind: 'further_studies', startOn: '2024-04-01', at: '2024-05-01', validated: true },
  ]);
  await placement('p5', [
    { kind: 'wage_employment', startOn: '2024-09-01', at: '2024-09-10', validated: true },
  ]);
  await placement('p6', [
    {
      kind: 'self_employment',
      startOn: '2024-08-01',
      endOn: '2024-10-31',
      at: '2024-11-05',
      validated: true,
    },
  ]);
  await placement('p7', [
    { kind: 'enterprise_creation', startOn: '2024-09-01', at: '2024-09-15', validated: false },
  ]);
  await placement('p9', [
    {
      kind: 'cooperative',
      startOn: '2024-06-01',
      at: '2024-07-01',
      validated: false,
      supersededAt: '2025-02-01',
    },
    {
      kind: 'cooperative',
      startOn: '2024-06-01',
      at: '2025-02-01',
      validated: true,
      supersededAt: '2025-07-01',
    },
    { kind: 'cooperative', startOn: '2024-06-15', at: '2025-07-01', validated: false },
  ]);
  await placement('p10', [
    {
      kind: 'wage_employment',
      startOn: '2024-04-15',
      at: '2024-05-01',
      validated: false,
      supersededAt: '2025-06-01',
    },
    { kind: 'wage_employment', startOn: '2024-04-15', at: '2025-06-01', validated: true },
  ]);

  await db.query(
    `INSERT INTO followup (enrollment_id, user_id, horizon, due_on, status, answered_at, answer_channel)
     VALUES ($1, $2, 9, '2025-04-01', 'answered', '2025-03-15T09:00:00Z', 'survey')`,
    [p12Enrollment, people['p12']],
  );
  return { courseA, courseB, s1, s2, s3, people };
}
