import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A search that forgives accents, case, punctuation, spacing, Arabic diacritics and the usual
 * variants of Arabic spelling: `oris_search_normalize(text)`, the SQL twin of `normalizeForSearch`
 * (libs/shared/domain/src/search.ts, where the rules are explained; the API test
 * apps/api/test/catalogue/search.api-test.ts proves both agree). The constants below are a frozen
 * copy of that file's, as a migration must not change when the code does.
 *
 * The catalogue's trigram indexes are rebuilt on the normalised text: the course's code (also
 * without its spaces, so `es101` finds `ES-101`), title and summary, and a session's title and
 * venue (`meknes` finds a course given in Meknès).
 */

const ARABIC_FOLD_FROM = 'أإآٱىیئؤةک٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹';
const ARABIC_FOLD_TO = 'اااايييوهك01234567890123456789';
/** Code point ranges dropped: Arabic marks, tatweel, combining Latin accents, joiners, direction marks. */
const DROPPED_RANGES: [number, number][] = [
  [0x0610, 0x061a],
  [0x0640, 0x0640],
  [0x064b, 0x065f],
  [0x0670, 0x0670],
  [0x06d6, 0x06dc],
  [0x06df, 0x06e4],
  [0x06e7, 0x06e8],
  [0x06ea, 0x06ed],
  [0x0300, 0x036f],
  [0x061c, 0x061c],
  [0x200c, 0x200f],
  [0x202a, 0x202e],
  [0x2066, 0x2069],
];
const KEPT = '0-9a-z\u0621-\u063A\u0641-\u064A\u0671-\u06D3\u06D5\u2D30-\u2D7F';

const DROPPED = DROPPED_RANGES.flatMap(([from, to]) =>
  Array.from({ length: to - from + 1 }, (_, index) => String.fromCodePoint(from + index)),
).join('');

const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

export class ForgivingSearch1796542300000 implements MigrationInterface {
  name = 'ForgivingSearch1796542300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // A trusted extension since PostgreSQL 13, like pg_trgm.
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public`);
    // `unaccent(text)` is only STABLE (it looks its dictionary up by name); naming the dictionary
    // makes the result depend on the input alone. A SQL-standard body binds both at creation.
    await queryRunner.query(`
      CREATE FUNCTION oris_unaccent(input text) RETURNS text
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        RETURN public.unaccent('public.unaccent'::regdictionary, input)`);
    await queryRunner.query(`
      CREATE FUNCTION oris_search_normalize(input text) RETURNS text
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        RETURN btrim(regexp_replace(
          translate(lower(oris_unaccent(normalize(input, NFC))),
                    ${literal(ARABIC_FOLD_FROM + DROPPED)}, ${literal(ARABIC_FOLD_TO)}),
          ${literal(`[^${KEPT}]+`)}, ' ', 'g'))`);
    // What the catalogue search compares a query with: the code twice (as written, and without
    // spaces), the title and the summary.
    await queryRunner.query(`
      CREATE FUNCTION oris_course_search_text(code text, title text, summary text) RETURNS text
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        RETURN oris_search_normalize(code) || ' ' || replace(oris_search_normalize(code), ' ', '')
               || ' ' || oris_search_normalize(title) || ' ' || oris_search_normalize(summary)`);
    await queryRunner.query(`DROP INDEX course_search_idx`);
    await queryRunner.query(
      `CREATE INDEX course_search_idx ON course USING gin (oris_course_search_text(code, title, summary) gin_trgm_ops)`,
    );
    await queryRunner.query(
      `CREATE INDEX course_session_search_idx ON course_session USING gin (oris_search_normalize(title || ' ' || coalesce(venue, '')) gin_trgm_ops)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX course_session_search_idx`);
    await queryRunner.query(`DROP INDEX course_search_idx`);
    await queryRunner.query(
      `CREATE INDEX course_search_idx ON course USING gin ((code || ' ' || title || ' ' || summary) gin_trgm_ops)`,
    );
    await queryRunner.query(`DROP FUNCTION oris_course_search_text(text, text, text)`);
    await queryRunner.query(`DROP FUNCTION oris_search_normalize(text)`);
    await queryRunner.query(`DROP FUNCTION oris_unaccent(text)`);
    // unaccent stays, like pg_trgm: dropping an extension needs more rights.
  }
}
