import { Injectable } from '@nestjs/common';
import { AppConfig } from '@oris/api/platform';
import { toCsv } from '@oris/shared/domain';
import { withRates } from '../engine/insertion-indicators.service';
import { publicFigures } from '../public/public-figures';
import type { ImpactEntry } from './impact-figures';
import { ImpactReports } from './impact-reports.service';
import type {
  PublicImpactDto,
  PublicImpactIndicatorDto,
  PublicImpactYearDto,
} from './public-impact.dto';

/** The licence of the open data: attribution only, the funders' and the public sector's usual one. */
export const OPEN_DATA_LICENCE = {
  id: 'CC-BY-4.0',
  name: 'Creative Commons Attribution 4.0 International',
  url: 'https://creativecommons.org/licenses/by/4.0/',
};

const DICTIONARY = [
  ['year', 'The year the figures are about (a calendar year).'],
  ['version', 'The frozen version of the year published here (the latest).'],
  ['restated', 'true when this version corrects an earlier one (a restatement).'],
  ['frozen_at', 'When the version was frozen (ISO 8601).'],
  ['as_of', 'Reference day: facts counted by their own dates up to it.'],
  ['known_at', 'Instant of knowledge: only what was recorded by then was counted (the freeze).'],
  [
    'indicator',
    'insertion (professionals trained and inserted), publications (indexed scientific publications), tools (knowledge tools), partnerships (partnerships with the ecosystem).',
  ],
  [
    'measure',
    'value (the indicator), or a companion figure: for insertion trained, eligible, responded, employed and the rates insertionRate, employmentRate, responseRate, lowerBoundRate (shares between 0 and 1).',
  ],
  ['figure', 'The number; empty when not available or hidden.'],
  [
    'suppressed',
    'true when a count of persons is hidden: fewer than 5 persons, or a count from which a hidden one could be worked out (insertion only).',
  ],
  [
    'definition_version',
    'The version of the counting rule; the rule itself is given per year and indicator.',
  ],
] as const;

const INSERTION_COUNTS = ['trained', 'eligible', 'responded', 'employed'] as const;

/**
 * The public figures of one indicator of a frozen year: the insertion cell with counts under 5
 * persons hidden as the public insertion figures are (disclosure rule, `publicFigures`); the
 * registries' figures (publications, tools, partnerships: not persons) as frozen. Counted ids
 * are never published.
 */
export function publicIndicator(entry: ImpactEntry): PublicImpactIndicatorDto {
  const figures = entry.figures;
  if (!figures) {
    return {
      indicator: entry.indicator,
      available: false,
      value: null,
      suppressed: false,
      companions: [],
      definition: null,
    };
  }
  if (entry.indicator !== 'insertion') {
    return {
      indicator: entry.indicator,
      available: true,
      value: figures.value,
      suppressed: false,
      companions: figures.companions.map(({ key, value }) => ({ key, value })),
      definition: figures.definition,
    };
  }
  const count = (key: string) =>
    Number(figures.companions.find((companion) => companion.key === key)?.value ?? 0);
  const cell = publicFigures(
    withRates({
      trained: count('trained'),
      eligible: count('eligible'),
      responded: count('responded'),
      employed: count('employed'),
      inserted: figures.value,
    }),
    [],
  ).total;
  return {
    indicator: 'insertion',
    available: true,
    value: cell.inserted,
    suppressed: cell.suppressed,
    companions: [
      ...INSERTION_COUNTS.map((key) => ({ key, value: cell[key] })),
      { key: 'insertionRate', value: cell.insertionRate },
      { key: 'employmentRate', value: cell.employmentRate },
      { key: 'responseRate', value: cell.responseRate },
      { key: 'lowerBoundRate', value: cell.lowerBoundRate },
    ],
    definition: figures.definition,
  };
}

/** The public impact page and its open data: frozen reports only, the latest version of each year. */
@Injectable()
export class PublicImpact {
  constructor(
    private readonly reports: ImpactReports,
    private readonly config: AppConfig,
  ) {}

  async figures(): Promise<PublicImpactDto> {
    const versions = await this.reports.latestVersions();
    const years: PublicImpactYearDto[] = versions.map((version) => ({
      year: version.year,
      version: version.version,
      restated: version.restatement,
      frozenAt: version.frozenAt,
      asOf: version.asOf,
      knownAt: version.knownAt,
      indicators: version.indicators.map(publicIndicator),
    }));
    const updatedAt = versions.reduce<string | null>(
      (latest, version) =>
        latest === null || version.frozenAt > latest ? version.frozenAt : latest,
      null,
    );
    return {
      title: 'ORIS — the four impact indicators, by year',
      publisher: 'ORIS — Observatoire Régional de l’Innovation Sociale',
      licence: OPEN_DATA_LICENCE,
      source: `${this.config.PUBLIC_WEB_URL.replace(/\/+$/, '')}/impact`,
      updatedAt,
      dictionary: DICTIONARY.map(([field, description]) => ({ field, description })),
      years,
    };
  }

  /**
   * The open data as CSV (the project's writer, `;`, BOM): the metadata as `label;value` lines
   * (title, publisher, licence, source, date), the data dictionary, the figures in long form (one
   * line per year, indicator and measure), then each year's definitions in the three languages.
   */
  async csv(): Promise<string> {
    const data = await this.figures();
    const rows: (string | number | boolean | null)[][] = [
      ['title', data.title],
      ['publisher', data.publisher],
      ['licence', `${data.licence.id} (${data.licence.url})`],
      ['source', data.source],
      ['updated_at', data.updatedAt],
      [],
      ['field', 'description'],
      ...data.dictionary.map((entry) => [entry.field, entry.description]),
      [],
      [
        'year',
        'version',
        'restated',
        'frozen_at',
        'as_of',
        'known_at',
        'indicator',
        'measure',
        'figure',
        'suppressed',
        'definition_version',
      ],
    ];
    for (const year of data.years) {
      for (const indicator of year.indicators) {
        const line = (measure: string, figure: number | null) => [
          year.year,
          year.version,
          year.restated,
          year.frozenAt,
          year.asOf,
          year.knownAt,
          indicator.indicator,
          measure,
          figure,
          indicator.suppressed,
          indicator.definition?.version ?? null,
        ];
        rows.push(line('value', indicator.value));
        for (const companion of indicator.companions)
          rows.push(line(companion.key, companion.value));
      }
    }
    rows.push(
      [],
      [
        'year',
        'indicator',
        'definition_version',
        'definition_fr',
        'definition_ar',
        'definition_en',
      ],
    );
    for (const year of data.years) {
      for (const indicator of year.indicators) {
        if (!indicator.definition) continue;
        const { version, text } = indicator.definition;
        rows.push([year.year, indicator.indicator, version, text.fr, text.ar, text.en]);
      }
    }
    return toCsv(rows);
  }
}
