import type { Locale } from '@oris/shared/domain';
import { progressOf } from './impact-figures';
import type { ReportVersionDto } from './impact.dto';
import { RATE_KEYS, REPORT_LABELS } from './report-labels';

type Cell = string | number | null;

/** A frozen version laid out for a file: a title, a `label;value` block, then sections of rows. */
export interface ReportTable {
  locale: Locale;
  title: string;
  sheet: string;
  about: [string, string][];
  sections: { title: string | null; columns: string[]; rows: Cell[][] }[];
}

const percent = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);

/** The frozen version in the reader's language: the same numbers whatever the language. */
export function reportTable(version: ReportVersionDto, locale: Locale): ReportTable {
  const labels = REPORT_LABELS[locale];
  const name = (indicator: keyof typeof labels.indicators) => labels.indicators[indicator];
  const about: [string, string][] = [
    [
      labels.version,
      version.restatement ? `${version.version} (${labels.restatement})` : `${version.version}`,
    ],
    [labels.frozenAt, version.frozenAt],
    [labels.asOf, version.asOf],
    [labels.knownAt, version.knownAt],
    [labels.frozenBy, version.frozenBy?.name ?? ''],
    ...(version.reason ? ([[labels.reason, version.reason]] as [string, string][]) : []),
  ];
  const c = labels.columns;
  const sections: ReportTable['sections'] = [
    {
      title: null,
      columns: [
        c.indicator,
        c.value,
        c.baseline,
        c.target,
        c.progress,
        c.counted,
        c.definitionVersion,
      ],
      rows: version.indicators.map((entry) => [
        name(entry.indicator),
        entry.figures ? entry.figures.value : labels.notAvailable,
        entry.baseline,
        entry.target,
        percent(progressOf(entry.figures?.value ?? null, entry.baseline, entry.target)),
        entry.figures ? entry.figures.counted.length : null,
        entry.figures?.definition.version ?? null,
      ]),
    },
    {
      title: labels.companions,
      columns: [c.indicator, labels.companion, c.value],
      rows: version.indicators.flatMap((entry) =>
        (entry.figures?.companions ?? []).map((companion): Cell[] => [
          name(entry.indicator),
          labels.companionKeys[companion.key] ?? companion.key,
          RATE_KEYS.test(companion.key) ? percent(companion.value) : companion.value,
        ]),
      ),
    },
  ];
  if (version.differences) {
    const d = labels.differenceColumns;
    sections.push({
      title: labels.differences,
      columns: [c.indicator, d.before, d.after, d.added, d.removed],
      rows: version.differences
        .filter((difference) => difference.changed)
        .map((difference) => [
          name(difference.indicator),
          difference.valueBefore,
          difference.valueAfter,
          difference.added.length,
          difference.removed.length,
        ]),
    });
  }
  sections.push({
    title: labels.definitions,
    columns: [c.indicator, c.definitionVersion, labels.definitions],
    rows: version.indicators.map((entry) => [
      name(entry.indicator),
      entry.figures?.definition.version ?? null,
      entry.figures ? entry.figures.definition.text[locale] : labels.notAvailable,
    ]),
  });
  return {
    locale,
    title: labels.title(version.year, version.version),
    sheet: labels.sheet,
    about,
    sections,
  };
}
