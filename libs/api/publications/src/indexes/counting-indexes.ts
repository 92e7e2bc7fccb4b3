/**
 * Which indexes counted as known at an instant K, for the publications indicator's SQL.
 *
 * `oris_counting_indexes_known_at(K timestamptz)` (migration 1796543200000-ObservatoryIndexHistory)
 * is a STABLE SQL function returning the codes whose latest `observatory_index_change` at or
 * before K says `counts = true`. Use it in a condition, with K as a parameter:
 *
 * ```sql
 * c.index_code IN (SELECT oris_counting_indexes_known_at($1::timestamptz))
 * ```
 *
 * `countingIndexesKnownAtSql('$3')` writes that subquery for a given parameter placeholder.
 */
export const countingIndexesKnownAtSql = (knownAtParameter: string): string =>
  `(SELECT oris_counting_indexes_known_at(${knownAtParameter}::timestamptz))`;
