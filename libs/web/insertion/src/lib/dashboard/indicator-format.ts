import { type Locale, MOROCCO_TIME_ZONE } from '@oris/shared/domain';
import { intlLocale } from '@oris/web/ui';
import type { GroupBy, IndicatorGroup } from '../shared/insertion-types';

/** A count in the reader's language (Western digits in Arabic too, as Moroccan usage has it). */
export function formatCount(value: number | null, language: Locale): string {
  return value === null ? '—' : new Intl.NumberFormat(intlLocale(language)).format(value);
}

/**
 * A rate (0…1) as a percentage with one decimal; a rate with no denominator is `null` and shows
 * as a dash, never as 0 %.
 */
export function formatRate(value: number | null, language: Locale): string {
  return value === null
    ? '—'
    : new Intl.NumberFormat(intlLocale(language), {
        style: 'percent',
        minimumFractionDigits: 1,
        maximumFractionDigits: 1,
      }).format(value);
}

export function formatMoment(instant: string, language: Locale): string {
  return new Intl.DateTimeFormat(intlLocale(language), {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: MOROCCO_TIME_ZONE,
  }).format(new Date(instant));
}

/** How a group's key is named: a translation key, or text to show as it is. */
export type GroupName = { key: string } | { text: string };

const SHARED_KEYS: Readonly<Record<string, string>> = {
  unknown: 'insertion.dashboard.groups.unknown',
  other: 'insertion.dashboard.groups.other',
};

/** The name of a breakdown's group; regions are named by the caller (the list is fetched). */
export function groupName(
  groupBy: GroupBy,
  group: Pick<IndicatorGroup, 'key' | 'label'>,
  regionName: (code: string) => string,
): GroupName {
  const shared = SHARED_KEYS[group.key];
  if (shared) return { key: shared };
  switch (groupBy) {
    case 'region':
      return { text: regionName(group.key) };
    case 'gender':
      return { key: `genders.${group.key}` };
    case 'education':
      return { key: `insertion.education.${group.key}` };
    case 'kind':
      return { key: `insertion.kinds.${group.key}` };
    case 'ageBand':
      return { text: ageBandText(group.key) };
    case 'course':
    case 'session':
      return { text: group.label ?? group.key };
    case 'year':
      return { text: group.key };
  }
}

// '15-24' and '45+' read the same in the three languages once the hyphen is an en dash.
function ageBandText(key: string): string {
  return key.replace('-', '–');
}

/** One bar: its value against the chart's scale, with the text to show beside it. */
export interface Bar {
  name: GroupName;
  /** Share of the scale, 0…100, for the bar's length; 0 when unknown. */
  percent: number;
  value: string;
  /** For a rate: its n, the count it is computed on (a rate never shows without it). */
  n: string | null;
  detail: string;
}

/**
 * Bars of a rate (scaled to 100 %) or of a count (scaled to the largest), in the order the API
 * gives (regions in their official order, years ascending).
 */
export function rateBars(
  groups: readonly IndicatorGroup[],
  name: (group: IndicatorGroup) => GroupName,
  rate: (group: IndicatorGroup) => number | null,
  base: (group: IndicatorGroup) => number,
  detail: (group: IndicatorGroup) => string,
  language: Locale,
): Bar[] {
  return groups.map((group) => {
    const value = rate(group);
    return {
      name: name(group),
      percent: value === null ? 0 : Math.max(0, Math.min(100, value * 100)),
      value: formatRate(value, language),
      n: formatCount(base(group), language),
      detail: detail(group),
    };
  });
}

export function countBars(
  groups: readonly IndicatorGroup[],
  name: (group: IndicatorGroup) => GroupName,
  count: (group: IndicatorGroup) => number,
  total: number,
  language: Locale,
): Bar[] {
  const largest = Math.max(0, ...groups.map(count));
  return groups.map((group) => {
    const value = count(group);
    return {
      name: name(group),
      percent: largest ? (value / largest) * 100 : 0,
      value: formatCount(value, language),
      n: null,
      detail: total ? formatRate(value / total, language) : '—',
    };
  });
}
