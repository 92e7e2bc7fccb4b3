// The chaos run's people: staff, a published course, open sessions and the learners spread
// over them.
import { recordSeedConsent } from '../bench/lib/consent.mjs';
import { withClient } from './database.mjs';

/** The most seats a session may have (the catalogue's limit): learners are spread over sessions. */
export const SEATS = 1_000;

/** Staff, a published course without modules, one open session already started, and learners. */
export async function seed(url, learnerCount) {
  return withClient(url, async (client) => {
    await client.query('BEGIN');
    const staff = {};
    for (const [role, email, name] of [
      ['admin', 'chaos.admin@example.ma', 'Karim Alaoui'],
      ['trainer', 'chaos.trainer@example.ma', 'Nadia Bennani'],
      ['placement_officer', 'chaos.officer@example.ma', 'Samir Tazi'],
    ]) {
      const {
        rows: [user],
      } = await client.query(
        `INSERT INTO users (email, password_hash, full_name, gender, birth_year, region_code, locale)
         VALUES ($1, 'not-a-password-hash', $2, 'male', 1982, 'MA-09', 'fr') RETURNING id, email`,
        [email, name],
      );
      await client.query(`INSERT INTO user_role (user_id, role) VALUES ($1, $2)`, [user.id, role]);
      staff[role] = user;
    }
    const {
      rows: [{ course }],
    } = await client.query(
      `INSERT INTO course (code, title, summary, theme, languages, delivery_mode, duration_hours,
                           status, published_at)
       VALUES ('CH-R8', 'Gestion financière des coopératives',
               'Tenir les comptes d’une coopérative et préparer son assemblée générale.',
               'social_entrepreneurship', '{fr,ar}', 'in_person', 18, 'published', now())
       RETURNING id AS course`,
    );
    await client.query(`INSERT INTO course_owner (course_id, user_id) VALUES ($1, $2)`, [
      course,
      staff.trainer.id,
    ]);
    const { rows: sessions } = await client.query(
      `INSERT INTO course_session (course_id, title, starts_on, ends_on, region_code, venue, capacity,
                                   enrollment_opens_on, enrollment_closes_on, status)
       SELECT $1, 'Cohorte R8 ' || n || ' — Agadir', current_date - 1, current_date + 10, 'MA-09',
              'Maison des associations, Agadir', $2, current_date - 10, current_date + 10, 'open'
         FROM generate_series(1, $3::int) AS n
       RETURNING id`,
      [course, SEATS, Math.ceil(learnerCount / SEATS)],
    );
    await client.query(
      `INSERT INTO session_trainer (session_id, user_id) SELECT unnest($1::uuid[]), $2`,
      [sessions.map((row) => row.id), staff.trainer.id],
    );
    const { rows: learners } = await client.query(
      `INSERT INTO users (email, password_hash, full_name, full_name_ar, gender, birth_year,
                          region_code, locale, email_confirmed_at)
       SELECT 'chaos.learner.' || n || '@example.ma', 'not-a-password-hash', 'Stagiaire ' || n,
              CASE WHEN n % 3 = 0 THEN 'متدرب ' || n END,
              CASE WHEN n % 2 = 0 THEN 'female' ELSE 'male' END, 1990 + n % 12, 'MA-09',
              (ARRAY['fr', 'ar', 'en'])[1 + n % 3], now()
         FROM generate_series(1, $1::int) AS n
       RETURNING id, email`,
      [learnerCount],
    );
    await recordSeedConsent(
      client,
      learners.map((learner) => learner.id),
    );
    await client.query(
      `INSERT INTO user_role (user_id, role) SELECT unnest($1::uuid[]), 'trainee'`,
      [learners.map((learner) => learner.id)],
    );
    await client.query('COMMIT');
    return {
      staff,
      sessions: sessions.map((row) => row.id),
      // Each learner's session: a seat for everyone, every enrollment confirmed.
      learners: learners.map((learner, i) => ({
        ...learner,
        session: sessions[Math.floor(i / SEATS)].id,
      })),
    };
  });
}
