// The certificates P4 verifies (and P9 reads): written by SQL, as rendered, some revoked.
import { randomBytes } from 'node:crypto';
import { withDatabase } from './http-load.mjs';

/** A code as the API issues them: 18 random bytes, base64url (24 characters). */
export const newCode = () => randomBytes(18).toString('base64url');

/**
 * An administrator (the issuer), a course and its completed sessions, one holder per code with a
 * completed enrollment and a rendered certificate (one in `revokedEvery` revoked), by SQL.
 */
export async function seedCertificates(
  databaseUrl,
  codes,
  { revokedEvery = 20, sessionSize = 250 } = {},
) {
  const CERTIFICATES = codes.length;
  return withDatabase(databaseUrl, async (client) => {
    await client.query('BEGIN');
    const {
      rows: [{ admin }],
    } = await client.query(
      `INSERT INTO users (email, password_hash, full_name, gender, birth_year, region_code, locale)
       VALUES ('bench.admin@example.ma', 'not-a-password-hash', 'Karim Alaoui', 'male', 1980, 'MA-04', 'fr')
       RETURNING id AS admin`,
    );
    await client.query(`INSERT INTO user_role (user_id, role) VALUES ($1, 'admin')`, [admin]);
    // Cohorts of SESSION_SIZE, as sessions are (a session seats at most 1,000).
    const { rows: sessions } = await client.query(
      `WITH course AS (
         INSERT INTO course (code, title, summary, theme, languages, delivery_mode, duration_hours,
                             status, published_at)
         VALUES ('BN-VERIFY', 'Gestion financière des associations (niveau 2)',
                 'Budget, comptabilité et redevabilité d’une association.', 'cooperatives', '{fr,ar}',
                 'in_person', 30, 'published', now())
         RETURNING id
       )
       INSERT INTO course_session (course_id, title, starts_on, ends_on, region_code, venue, capacity,
                                   enrollment_opens_on, enrollment_closes_on, status)
       SELECT id, 'Cohorte ' || k || ' — Agadir', current_date - 60, current_date - 40, 'MA-09',
              'Maison des associations, Agadir', $1, current_date - 90, current_date - 60, 'completed'
         FROM course, generate_series(1, $2::int) AS k
       RETURNING id`,
      [sessionSize, Math.ceil(CERTIFICATES / sessionSize)],
    );
    await client.query(
      `WITH holders AS (
         INSERT INTO users (email, password_hash, full_name, full_name_ar, gender, birth_year,
                            region_code, locale, email_confirmed_at)
         SELECT 'bench.holder.' || n || '@example.ma', 'not-a-password-hash', 'Stagiaire ' || n,
                CASE WHEN n % 3 = 2 THEN NULL ELSE 'متدرب ' || n END,
                CASE WHEN n % 2 = 0 THEN 'female' ELSE 'male' END, 1990 + n % 12, 'MA-09', 'fr',
                now()
           FROM generate_series(1, $2::int) AS n
         RETURNING id, full_name, full_name_ar
       ), numbered AS (
         SELECT h.*, row_number() OVER (ORDER BY h.id)::int AS n FROM holders h
       ), roles AS (
         INSERT INTO user_role (user_id, role) SELECT id, 'trainee' FROM numbered
       ), enrollments AS (
         INSERT INTO enrollment (session_id, user_id, status, baseline_situation, education_level,
                                 region_code, enrolled_by, confirmed_at, completed_on, validated_by,
                                 validated_at)
         SELECT ($1::uuid[])[1 + (n - 1) / $6], id, 'completed', 'seeking', 'licence', 'MA-09', $3,
                now() - interval '60 days', current_date - 40, $3, now() - interval '40 days'
           FROM numbered
         RETURNING id, user_id, session_id
       )
       INSERT INTO certificate (enrollment_id, user_id, session_id, serial, verification_code,
                                holder_name, holder_name_ar, course_title, hours, session_starts_on,
                                session_ends_on, region_code, region_name, region_name_ar,
                                completed_on, locale, issued_by, issued_on, status, revoked_at,
                                revoked_by, revoked_reason, revocation_note, render_state, rendered_at, sha256,
                                storage_key)
       SELECT e.id, e.user_id, e.session_id, 'ORIS-2026-' || lpad(h.n::text, 6, '0'),
              ($4::text[])[h.n], h.full_name, h.full_name_ar,
              'Gestion financière des associations (niveau 2)', 30, current_date - 60,
              current_date - 40, 'MA-09', 'Souss-Massa', 'سوس ماسة', current_date - 40, 'fr', $3,
              current_date - 38, CASE WHEN h.n % $5 = 0 THEN 'revoked' ELSE 'valid' END,
              CASE WHEN h.n % $5 = 0 THEN now() - interval '10 days' END,
              CASE WHEN h.n % $5 = 0 THEN $3::uuid END,
              CASE WHEN h.n % $5 = 0 THEN 'completion_withdrawn' END,
              CASE WHEN h.n % $5 = 0 THEN 'Heures de présence non justifiées' END,
              'rendered', now() - interval '38 days', encode(sha256(h.id::text::bytea), 'hex'),
              'certificates/' || e.id || '.pdf'
         FROM enrollments e JOIN numbered h ON h.id = e.user_id`,
      [sessions.map((row) => row.id), CERTIFICATES, admin, codes, revokedEvery, sessionSize],
    );
    // The serials above were written by hand: the counter the API issues from moves past them.
    await client.query(
      `INSERT INTO certificate_serial (year, last_value) VALUES (2026, $1)
       ON CONFLICT (year) DO UPDATE
         SET last_value = GREATEST(certificate_serial.last_value, EXCLUDED.last_value)`,
      [CERTIFICATES],
    );
    await client.query('COMMIT');
    // As autovacuum would soon after such a load: index-only visibility and fresh statistics.
    await client.query('VACUUM (ANALYZE) certificate');
  });
}
