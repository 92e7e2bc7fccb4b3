import { isoToMoroccoTime, type Locale } from '@oris/shared/domain';
import type {
  InsertionCountsDto,
  InsertionGroupDto,
  InsertionIndicatorDto,
} from '../dto/insertion.dto';
import type { GroupBy } from '../engine/insertion-query';
import type { ExportLabels } from './export-labels';

export type ExportCell = string | number | null;

/** An export's content, whatever its format: title, the filters in words, then the table. */
export interface InsertionExportTable {
  locale: Locale;
  title: string;
  /** `[label, value]`: the filters, both dates, the source, the definition and any note. */
  about: [string, string][];
  columns: string[];
  /** Indexes of the rate columns: percentages with one decimal. */
  rateColumns: number[];
  /** The totals first, then each group; counts as numbers, rates rounded, `null` when none. */
  rows: ExportCell[][];
}

/** How the export names what the figures carry as codes and ids. */
export interface ExportNames {
  region: (code: string) => string;
  course: string | null;
  session: string | null;
}

const COUNT_COLUMNS = ['trained', 'eligible', 'responded', 'inserted', 'employed'] as const;
const RATE_COLUMNS = ['insertionRate', 'employmentRate', 'responseRate', 'lowerBoundRate'] as const;

/** A rate (0…1) as a percentage rounded to one decimal, as the dashboard shows it. */
export const percent = (rate: number | null): number | null =>
  rate === null ? null : Math.round(rate * 1000) / 10;

/** A Moroccan wall-clock moment, `YYYY-MM-DD HH:mm`. */
const moment = (iso: string) => {
  const { day, time } = isoToMoroccoTime(iso);
  return `${day} ${time}`;
};

/**
 * What the CSV and the XLSX both say, in the chosen language: labels, region names and the
 * names of the chosen course and session instead of codes and ids, rates as rounded percentages.
 */
export function insertionExportTable(
  result: InsertionIndicatorDto,
  labels: ExportLabels,
  names: ExportNames,
  locale: Locale,
): InsertionExportTable {
  const f = result.filters;
  const note = (code: keyof ExportLabels['notes'], persons?: number) =>
    labels.notes[code].replace('{count}', String(persons ?? 0));
  const about: [string, string][] = [
    [labels.filters.from, f.from ?? labels.any.from],
    [labels.filters.to, f.to],
    [labels.filters.months, String(f.months)],
    [labels.filters.asOf, f.asOf],
    [labels.filters.knownAt, moment(f.knownAt)],
    [labels.filters.region, f.region ? names.region(f.region) : labels.any.region],
    [labels.filters.course, f.course ? (names.course ?? f.course) : labels.any.course],
    [labels.filters.session, f.session ? (names.session ?? f.session) : labels.any.session],
    [labels.filters.groupBy, f.groupBy ? labels.groupBys[f.groupBy] : labels.any.groupBy],
    [labels.filters.source, labels.sources[result.freshness.source]],
    [
      labels.filters.computedAt,
      moment(result.freshness.refreshedAt ?? result.freshness.computedAt),
    ],
    [labels.filters.definition, result.definition[locale]],
    ...result.notes.map((item): [string, string] => [
      labels.filters.note,
      note(item.code, item.persons),
    ]),
  ];
  const figures = (counts: InsertionCountsDto): ExportCell[] => [
    ...COUNT_COLUMNS.map((column) => counts[column]),
    ...RATE_COLUMNS.map((column) => percent(counts[column])),
  ];
  const groupBy = f.groupBy;
  const rows: ExportCell[][] = [
    [labels.total, '', ...figures(result)],
    ...(groupBy
      ? result.breakdown.map((group) => [
          groupName(groupBy, group, labels, names),
          group.key,
          ...figures(group),
        ])
      : []),
  ];
  const columns = [
    groupBy ? labels.groupBys[groupBy] : labels.columns.group,
    labels.columns.code,
    ...COUNT_COLUMNS.map((column) => labels.columns[column]),
    ...RATE_COLUMNS.map((column) => labels.columns[column]),
  ];
  const firstRate = 2 + COUNT_COLUMNS.length;
  return {
    locale,
    title: labels.title,
    about,
    columns,
    rateColumns: RATE_COLUMNS.map((_, index) => firstRate + index),
    rows,
  };
}

/** A group's name in words: the dashboard's names, a region's official name. */
export function groupName(
  groupBy: GroupBy,
  group: Pick<InsertionGroupDto, 'key' | 'label'>,
  labels: ExportLabels,
  names: Pick<ExportNames, 'region'>,
): string {
  if (group.key === 'unknown' || group.key === 'other') return labels.groups[group.key];
  const known = <T extends string>(words: Record<T, string>) =>
    (words as Record<string, string>)[group.key] ?? group.key;
  switch (groupBy) {
    case 'region':
      return names.region(group.key);
    case 'gender':
      return known(labels.genders);
    case 'education':
      return known(labels.education);
    case 'kind':
      return known(labels.kinds);
    case 'ageBand':
      return group.key.replace('-', '–');
    case 'course':
    case 'session':
      return group.label ?? group.key;
    case 'year':
      return group.key;
  }
}
