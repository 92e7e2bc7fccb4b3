// The catalogue P2 measures (and P9, P10 read): published courses, their modules and sessions.

/**
 * `courses` published courses (P2 seeds 10,000) in one statement each for courses, modules and sessions: titles and
 * summaries combined from the kinds of training ORIS gives, 1–3 published modules per course, two
 * sessions per course in varied regions (some past, some upcoming, a few cancelled).
 */
const SEED_SQL = `
  WITH trainer AS (
    INSERT INTO users (email, password_hash, full_name, gender, birth_year, region_code, locale)
    VALUES ('bench.trainer@example.ma', 'not-a-password-hash', 'Nadia Bennani', 'female', 1984, 'MA-04', 'fr')
    RETURNING id
  ), role AS (
    INSERT INTO user_role (user_id, role) SELECT id, 'trainer' FROM trainer
  ), words AS (
    SELECT
      ARRAY['Entrepreneuriat social', 'Gestion de coopératives', 'Mesure d’impact social',
            'Ingénierie de projet associatif', 'Plaidoyer et partenariats', 'Inclusion numérique',
            'Finance solidaire', 'Design territorial', 'Économie circulaire', 'Gouvernance associative',
            'Insertion des jeunes', 'Agriculture solidaire', 'Tourisme rural responsable',
            'Marketing des produits du terroir', 'Leadership des femmes rurales', 'Montage de dossiers de financement',
            'Communication digitale des associations', 'Comptabilité des coopératives',
            'Évaluation de programmes sociaux', 'Innovation sociale en milieu urbain'] AS topics,
      ARRAY['de l’idée au modèle économique', 'initiation', 'perfectionnement', 'pour les porteurs de projet',
            'outils et méthodes', 'atelier pratique', 'parcours certifiant', 'en milieu rural',
            'pour les jeunes diplômés', 'cas marocains', 'niveau avancé', 'pour les coopératives féminines',
            'module intensif', 'à distance', 'avec accompagnement'] AS angles,
      ARRAY['Acquérir les bases pour lancer et piloter une activité à finalité sociale.',
            'Structurer une coopérative : statuts, gouvernance, comptabilité et accès au marché.',
            'Construire des indicateurs d’impact et les présenter aux financeurs.',
            'Concevoir, budgétiser et suivre un projet associatif de bout en bout.',
            'Mobiliser partenaires publics et privés autour d’une cause de territoire.',
            'Utiliser les outils numériques pour toucher et servir ses bénéficiaires.',
            'Comprendre microcrédit, finance participative et subventions.',
            'Associer habitants et collectivités à la conception de services publics.'] AS summaries,
      ARRAY['social_entrepreneurship', 'project_engineering', 'impact_measurement', 'cooperatives',
            'territorial_design', 'advocacy_partnerships', 'digital_inclusion', 'other'] AS themes,
      ARRAY['in_person', 'online', 'blended'] AS modes,
      ARRAY['Tanger', 'Oujda', 'Fès', 'Rabat', 'Béni Mellal', 'Casablanca', 'Marrakech', 'Errachidia',
            'Agadir', 'Guelmim', 'Laâyoune', 'Dakhla'] AS cities
  ), courses AS (
    INSERT INTO course (code, title, summary, description, description_html, theme, languages,
                        delivery_mode, duration_hours, status, published_at, created_at, updated_at)
    SELECT 'BN-' || lpad(i::text, 5, '0'),
           w.topics[1 + i % 20] || ' : ' || w.angles[1 + (i / 20) % 15],
           w.summaries[1 + (i / 7) % 8],
           'Une formation **pratique**, animée par des praticiens.',
           '<p>Une formation <strong>pratique</strong>, animée par des praticiens.</p>',
           w.themes[1 + i % 8],
           (CASE i % 4 WHEN 0 THEN ARRAY['fr'] WHEN 1 THEN ARRAY['fr', 'ar'] WHEN 2 THEN ARRAY['ar']
                       ELSE ARRAY['fr', 'ar', 'en'] END)::varchar[],
           w.modes[1 + (i / 3) % 3],
           6 + (i % 10) * 6,
           'published',
           now() - i * interval '37 minutes',
           now() - i * interval '37 minutes',
           now() - i * interval '37 minutes'
      FROM generate_series(1, $1::int) AS i, words w
    RETURNING id, code
  ), owners AS (
    INSERT INTO course_owner (course_id, user_id) SELECT c.id, t.id FROM courses c, trainer t
  ), modules AS (
    INSERT INTO course_module (course_id, position, title, content, content_html, estimated_minutes,
                               status, published_at)
    SELECT c.id, p, 'Module ' || p, 'Contenu du module.', '<p>Contenu du module.</p>', 45,
           'published', now()
      FROM courses c, generate_series(1, 3) AS p
     WHERE p <= 1 + substr(c.code, 4)::int % 3
  )
  INSERT INTO course_session (course_id, title, starts_on, ends_on, region_code, venue, capacity,
                              enrollment_opens_on, enrollment_closes_on, status)
  SELECT c.id, 'Cohorte ' || k || ' — ' || w.cities[r], s.starts_on, s.starts_on + 4,
         'MA-' || lpad(r::text, 2, '0'), 'Maison des associations, ' || w.cities[r], 20,
         s.starts_on - 30, s.starts_on,
         CASE WHEN n % 17 = 0 THEN 'cancelled'
              WHEN s.starts_on + 4 < current_date THEN 'completed'
              WHEN s.starts_on <= current_date THEN 'running'
              WHEN s.starts_on <= current_date + 30 THEN 'open'
              ELSE 'planned' END
    FROM courses c CROSS JOIN words w CROSS JOIN generate_series(1, 2) AS k
   CROSS JOIN LATERAL (SELECT substr(c.code, 4)::int AS n) num
   CROSS JOIN LATERAL (SELECT 1 + (n * 7 + k * 5) % 12 AS r) region
   CROSS JOIN LATERAL (SELECT current_date + ((n * 13 + k * 29) % 240 - 60) AS starts_on) s`;

/** Writes `courses` courses (in the caller's transaction). */
export const seedCatalogue = (client, courses) => client.query(SEED_SQL, [courses]);

/**
 * The mix of catalogue requests each connection cycles through: mostly the first pages, some
 * deep ones, text searches and region filters (alone and together).
 */
export function catalogueRequests(courses) {
  const lastPage = Math.max(1, Math.ceil(courses / 20));
  const pages = [1, 1, 1, 2, 2, 3, 5, 10, 25, 50, Math.ceil(lastPage / 2), lastPage];
  const paths = [
    ...pages.map((page) => `/api/v1/courses?page=${page}&pageSize=20`),
    ...['coop', 'numérique', 'impact', 'rural', 'financement'].flatMap((q) =>
      [1, 2].map((page) => `/api/v1/courses?q=${encodeURIComponent(q)}&page=${page}&pageSize=20`),
    ),
    ...['MA-01', 'MA-04', 'MA-06', 'MA-07', 'MA-09', 'MA-12'].flatMap((region) =>
      [1, 3].map((page) => `/api/v1/courses?region=${region}&page=${page}&pageSize=20`),
    ),
    `/api/v1/courses?q=${encodeURIComponent('coopératives')}&region=MA-03&page=1&pageSize=20`,
    `/api/v1/courses?q=social&region=MA-06&page=1&pageSize=20&upcoming=true`,
  ];
  return paths.map((path) => ({ method: 'GET', path }));
}
