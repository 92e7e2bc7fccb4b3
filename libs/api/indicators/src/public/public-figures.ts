import type { InsertionCountsDto } from '../dto/insertion.dto';
import type { PublicIndicatorCellDto } from '../dto/public-indicators.dto';
import { hiddenCounts, type NestedCount } from './disclosure/disclosure';

/**
 * The cell as published: every count in `hidden` is null, and so is every rate whose numerator
 * or denominator is hidden, so that no hidden count can be read back from a rate.
 */
function publicCell(
  key: string,
  counts: InsertionCountsDto,
  hidden: ReadonlySet<NestedCount>,
): PublicIndicatorCellDto {
  const show = (name: NestedCount) => (hidden.has(name) ? null : counts[name]);
  const rate = (value: number | null, ...parts: NestedCount[]) =>
    parts.some((part) => hidden.has(part)) ? null : value;
  return {
    key,
    trained: show('trained'),
    eligible: show('eligible'),
    responded: show('responded'),
    inserted: show('inserted'),
    employed: show('employed'),
    insertionRate: rate(counts.insertionRate, 'inserted', 'responded'),
    employmentRate: rate(counts.employmentRate, 'employed', 'responded'),
    responseRate: rate(counts.responseRate, 'responded', 'eligible'),
    lowerBoundRate: rate(counts.lowerBoundRate, 'inserted', 'eligible'),
    suppressed: hidden.size > 0,
  };
}

/**
 * The total and the breakdowns of one population as published together, each count hidden or
 * shown by the disclosure rule (disclosure/disclosure.ts), which considers every table at once.
 */
export function publicFigures(
  total: InsertionCountsDto,
  tables: readonly (readonly (InsertionCountsDto & { key: string })[])[],
): { total: PublicIndicatorCellDto; tables: PublicIndicatorCellDto[][] } {
  const hidden = hiddenCounts(total, tables);
  return {
    total: publicCell('total', total, hidden.total),
    tables: tables.map((groups, table) =>
      groups.map((group, index) => publicCell(group.key, group, hidden.tables[table][index])),
    ),
  };
}
