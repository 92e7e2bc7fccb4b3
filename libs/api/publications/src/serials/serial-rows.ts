import { todayInMorocco } from '@oris/shared/domain';
import type { CoverageDto } from './dto/coverage.dto';
import type { SerialDto } from './dto/serial.dto';

/** A coverage whose evidence was checked before this day is stale (older than a year). */
export const staleBefore = (today: string = todayInMorocco()): string => {
  const [year, month, day] = today.split('-');
  // 29 February: a year earlier is 28 February, as PostgreSQL's `- interval '1 year'` gives.
  return month === '02' && day === '29'
    ? `${Number(year) - 1}-02-28`
    : `${Number(year) - 1}-${month}-${day}`;
};

/** The columns of a serial as `SerialDto`; `$1` must be the stale-before day. */
export const SERIAL_COLUMNS = `s.id, s.title, s.alternate_titles AS "alternateTitles",
  s.issn_print AS "issnPrint", s.issn_online AS "issnOnline", s.publisher, s.country,
  s.created_at AS "createdAt", s.updated_at AS "updatedAt",
  COALESCE((SELECT array_agg(DISTINCT c.index_code ORDER BY c.index_code) FROM serial_coverage c
             WHERE c.serial_id = s.id AND c.superseded_at IS NULL), '{}') AS indexes,
  EXISTS (SELECT 1 FROM serial_coverage c WHERE c.serial_id = s.id AND c.superseded_at IS NULL
             AND c.checked_on < $1::date) AS stale`;

export const toSerialDto = (row: Record<string, unknown>): SerialDto => ({
  ...(row as unknown as SerialDto),
  createdAt: (row['createdAt'] as Date).toISOString(),
  updatedAt: (row['updatedAt'] as Date).toISOString(),
});

export const COVERAGE_COLUMNS = `c.id, c.index_code AS index, c.from_year AS "fromYear",
  c.to_year AS "toYear", c.state, to_char(c.checked_on, 'YYYY-MM-DD') AS "checkedOn",
  c.evidence_sha256 AS "evidenceSha256", c.evidence_url AS "evidenceUrl",
  c.recorded_at AS "recordedAt", c.recorded_by AS "recordedBy", c.superseded_at AS "supersededAt"`;

export const toCoverageDto = (row: Record<string, unknown>): CoverageDto => ({
  ...(row as unknown as CoverageDto),
  recordedAt: (row['recordedAt'] as Date).toISOString(),
  supersededAt: row['supersededAt'] ? (row['supersededAt'] as Date).toISOString() : null,
});
