import type { IndicatorGroup } from '../shared/insertion-types';
import { countBars, formatCount, formatRate, groupName, rateBars } from './indicator-format';

const NBSP = /[\u00a0\u202f]/g;

function aGroup(key: string, changes: Partial<IndicatorGroup> = {}): IndicatorGroup {
  return {
    key,
    trained: 10,
    eligible: 8,
    responded: 6,
    inserted: 3,
    employed: 2,
    insertionRate: 0.5,
    employmentRate: 2 / 6,
    responseRate: 0.75,
    lowerBoundRate: 3 / 8,
    ...changes,
  };
}

describe('formatRate', () => {
  it('writes a percentage with one decimal in the reader’s language', () => {
    expect(formatRate(0.4567, 'fr').replace(NBSP, ' ')).toBe('45,7 %');
    expect(formatRate(0.4567, 'en')).toBe('45.7%');
    // Western digits in Arabic, as Moroccan usage has it.
    expect(formatRate(0.4567, 'ar')).toMatch(/45[.,٫]7/);
  });

  it('shows a rate without denominator as a dash, never as 0 %', () => {
    expect(formatRate(null, 'fr')).toBe('—');
  });
});

describe('formatCount', () => {
  it('groups thousands as the language does in Morocco', () => {
    // CLDR's fr-MA groups with a dot, as Moroccan French writing does.
    expect(formatCount(12345, 'fr')).toBe('12.345');
    expect(formatCount(12345, 'en')).toBe('12,345');
  });
});

describe('groupName', () => {
  const regionName = (code: string) => (code === 'MA-02' ? 'L’Oriental' : code);

  it('names each kind of group', () => {
    expect(groupName('region', aGroup('MA-02'), regionName)).toEqual({ text: 'L’Oriental' });
    expect(groupName('gender', aGroup('female'), regionName)).toEqual({ key: 'genders.female' });
    expect(groupName('kind', aGroup('cooperative'), regionName)).toEqual({
      key: 'insertion.kinds.cooperative',
    });
    expect(groupName('education', aGroup('licence'), regionName)).toEqual({
      key: 'insertion.education.licence',
    });
    expect(groupName('ageBand', aGroup('15-24'), regionName)).toEqual({ text: '15–24' });
    expect(
      groupName('course', aGroup('c1', { label: 'COOP-120 Coopératives' }), regionName),
    ).toEqual({
      text: 'COOP-120 Coopératives',
    });
    expect(groupName('year', aGroup('2025'), regionName)).toEqual({ text: '2025' });
  });

  it('says "not known" for people without the information, whatever the breakdown', () => {
    expect(groupName('region', aGroup('unknown'), regionName)).toEqual({
      key: 'insertion.dashboard.groups.unknown',
    });
  });
});

describe('bars', () => {
  it('draws rates against 100 %, a missing rate as an empty bar', () => {
    const bars = rateBars(
      [aGroup('a'), aGroup('b', { insertionRate: null })],
      (group) => ({ text: group.key }),
      (group) => group.insertionRate,
      (group) => group.responded,
      (group) => `${group.inserted} / ${group.responded}`,
      'en',
    );
    // Each rate with its n, even when the rate itself cannot be computed.
    expect(bars.map((bar) => [bar.percent, bar.value, bar.n, bar.detail])).toEqual([
      [50, '50.0%', '6', '3 / 6'],
      [0, '—', '6', '3 / 6'],
    ]);
  });

  it('draws counts against the largest, with each one’s share of the total', () => {
    const bars = countBars(
      [aGroup('a', { responded: 6 }), aGroup('b', { responded: 2 })],
      (group) => ({ text: group.key }),
      (group) => group.responded,
      8,
      'en',
    );
    expect(bars.every((bar) => bar.n === null)).toBe(true);
    expect(bars.map((bar) => [bar.percent, bar.value, bar.detail])).toEqual([
      [100, '6', '75.0%'],
      [(2 / 6) * 100, '2', '25.0%'],
    ]);
  });
});
