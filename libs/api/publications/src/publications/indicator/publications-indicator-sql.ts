import { countingIndexesKnownAtSql } from '../../indexes/counting-indexes';

/**
 * The publications of year $1 as known at $3 (an instant) and as of $2 (a day), one row per
 * ORIS-attributed validated publication that is not a merged duplicate, with the counting
 * indexes that index it ($1 year, $2 asOf, $3 knownAt).
 *
 * - `known`: the version of each publication current at $3 (recorded by then, not superseded by
 *   then): a correction after validation leaves an earlier `knownAt` its earlier facts; a record
 *   validated after $3 is not validated there.
 * - published in $1 and on or before $2 (a year-precision date is stored as 1 January of its
 *   year, so it counts in its year); not retracted on or before $2.
 * - `family`: the record and the duplicates merged into it as known at $3 (their item-level
 *   records count for it; the duplicates themselves are never rows).
 * - indexes: item-level records known at $3 verified on or before $2, or the serial's coverage
 *   rows known at $3, checked on or before $2, whose years include $1; only the indexes that
 *   counted as known at $3 (an admin's change of which indexes count is history too).
 */
export const PUBLICATIONS_OF_YEAR_SQL = `
WITH known AS (
  SELECT v.* FROM publication_version v
   WHERE v.recorded_at <= $3 AND (v.superseded_at IS NULL OR v.superseded_at > $3)
),
attributed AS (
  SELECT k.publication_id AS id, k.type, k.language, k.open_access, k.serial_id, k.title,
         k.published_on::text AS published_on
    FROM known k
   WHERE k.status = 'validated' AND k.merged_into_id IS NULL AND k.attribution IS NOT NULL
     AND k.published_on >= make_date($1::int, 1, 1) AND k.published_on < make_date($1::int + 1, 1, 1)
     AND k.published_on <= $2::date
     AND (k.retracted_on IS NULL OR k.retracted_on > $2::date)
),
family AS (
  SELECT a.id AS kept, a.id AS member FROM attributed a
  UNION
  SELECT k.merged_into_id, k.publication_id FROM known k JOIN attributed a ON a.id = k.merged_into_id
),
indexed AS (
  SELECT f.kept AS id, r.index_code
    FROM family f
    JOIN publication_index_record r ON r.publication_id = f.member
   WHERE r.index_code IN ${countingIndexesKnownAtSql('$3')}
     AND r.recorded_at <= $3 AND (r.superseded_at IS NULL OR r.superseded_at > $3)
     AND r.verified_on <= $2::date
  UNION
  SELECT a.id, sc.index_code
    FROM attributed a
    JOIN serial_coverage sc ON sc.serial_id = a.serial_id
   WHERE sc.index_code IN ${countingIndexesKnownAtSql('$3')}
     AND sc.recorded_at <= $3 AND (sc.superseded_at IS NULL OR sc.superseded_at > $3)
     AND sc.checked_on <= $2::date
     AND sc.from_year <= $1::int AND $1::int <= coalesce(sc.to_year, 9999)
)
SELECT a.id, a.type, a.language, a.open_access, a.title, a.published_on,
       coalesce(array_agg(DISTINCT x.index_code::text) FILTER (WHERE x.index_code IS NOT NULL), '{}'::text[]) AS indexes
  FROM attributed a
  LEFT JOIN indexed x ON x.id = a.id
 GROUP BY a.id, a.type, a.language, a.open_access, a.title, a.published_on
 ORDER BY a.id`;
