import type { YearIndicatorFigures } from '@oris/shared/domain';
import { differencesBetween, type ImpactEntry, progressOf, trendYears } from './impact-figures';

const figures = (
  indicator: YearIndicatorFigures['indicator'],
  value: number,
  counted: string[],
  version = 'v1',
): ImpactEntry => ({
  indicator,
  available: true,
  target: null,
  baseline: null,
  figures: {
    indicator,
    year: 2025,
    asOf: '2026-01-31',
    knownAt: '2026-01-31T10:00:00.000Z',
    value,
    companions: [],
    breakdown: [],
    counted,
    definition: { version, text: { fr: '', ar: '', en: '' } },
  },
});

const unavailable = (indicator: ImpactEntry['indicator']): ImpactEntry => ({
  indicator,
  available: false,
  figures: null,
  target: null,
  baseline: null,
});

describe('the differences between two frozen versions', () => {
  it('gives each indicator its value change and the ids added and removed, sorted', () => {
    const before = [
      figures('insertion', 2, ['p1', 'p2']),
      figures('publications', 3, ['a', 'b', 'c']),
      unavailable('tools'),
      figures('partnerships', 1, ['x']),
    ];
    const after = [
      figures('insertion', 2, ['p3', 'p1']),
      figures('publications', 3, ['c', 'b', 'a']),
      figures('tools', 2, ['t2', 't1']),
      figures('partnerships', 1, ['x'], 'v2'),
    ];
    expect(differencesBetween(before, after)).toEqual([
      {
        indicator: 'insertion',
        changed: true,
        valueBefore: 2,
        valueAfter: 2,
        added: ['p3'],
        removed: ['p2'],
        definitionBefore: 'v1',
        definitionAfter: 'v1',
      },
      {
        indicator: 'publications',
        changed: false,
        valueBefore: 3,
        valueAfter: 3,
        added: [],
        removed: [],
        definitionBefore: 'v1',
        definitionAfter: 'v1',
      },
      {
        indicator: 'tools',
        changed: true,
        valueBefore: null,
        valueAfter: 2,
        added: ['t1', 't2'],
        removed: [],
        definitionBefore: null,
        definitionAfter: 'v1',
      },
      {
        indicator: 'partnerships',
        changed: true,
        valueBefore: 1,
        valueAfter: 1,
        added: [],
        removed: [],
        definitionBefore: 'v1',
        definitionAfter: 'v2',
      },
    ]);
  });

  it('finds nothing changed between a version and itself', () => {
    const version = [figures('insertion', 1, ['p1']), unavailable('publications')];
    expect(differencesBetween(version, version).every((diff) => !diff.changed)).toBe(true);
  });
});

describe('the trend', () => {
  it('covers the five years ending at the asked one, oldest first', () => {
    expect(trendYears(2026)).toEqual([2022, 2023, 2024, 2025, 2026]);
  });

  it('starts no earlier than 2000', () => {
    expect(trendYears(2001)).toEqual([2000, 2001]);
  });
});

describe('the progress towards a target', () => {
  it('is the share of the way from the baseline to the target', () => {
    expect(progressOf(30, 10, 50)).toBe(0.5);
    expect(progressOf(60, 10, 50)).toBe(1.25);
    expect(progressOf(5, 10, 50)).toBe(-0.125);
  });

  it('counts from zero without a baseline, and is null without a target or a distance', () => {
    expect(progressOf(10, null, 40)).toBe(0.25);
    expect(progressOf(10, 5, null)).toBeNull();
    expect(progressOf(10, 40, 40)).toBeNull();
    expect(progressOf(null, 0, 40)).toBeNull();
  });
});
