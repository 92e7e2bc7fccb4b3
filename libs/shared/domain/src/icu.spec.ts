import { resolveIcu } from './icu';

const SEATS = '{count, plural, =0 {aucune place} one {# place} other {# places}} sur {{capacity}}';
const HOURS_AR =
  '{count, plural, zero {# ساعة} one {ساعة واحدة} two {ساعتان} few {# ساعات} many {# ساعة} other {# ساعة}}';

describe('resolveIcu', () => {
  it('chooses the French case by number, an exact case first', () => {
    expect(resolveIcu(SEATS, { count: 0 }, 'fr')).toBe('aucune place sur {{capacity}}');
    expect(resolveIcu(SEATS, { count: 1 }, 'fr')).toBe('1 place sur {{capacity}}');
    expect(resolveIcu(SEATS, { count: 12 }, 'fr')).toBe('12 places sur {{capacity}}');
  });

  it('knows the six Arabic categories and writes Western digits', () => {
    const hours = (count: number) => resolveIcu(HOURS_AR, { count }, 'ar');
    expect(hours(1)).toBe('ساعة واحدة');
    expect(hours(2)).toBe('ساعتان');
    expect(hours(3)).toBe('3 ساعات');
    expect(hours(11)).toBe('11 ساعة');
    expect(hours(100)).toBe('100 ساعة');
  });

  it('prints large numbers as the language groups digits', () => {
    expect(resolveIcu('{n, plural, one {# item} other {# items}}', { n: 1234 }, 'en')).toBe(
      '1,234 items',
    );
  });

  it('resolves several plurals and plurals nested in a case', () => {
    const message =
      '{done, plural, one {# généré} other {# générés}}, {failed, plural, =0 {sans échec} other {{total, plural, one {# sur # échoue} other {# échecs}}}}';
    expect(resolveIcu(message, { done: 1, failed: 0, total: 3 }, 'fr')).toBe(
      '1 généré, sans échec',
    );
    expect(resolveIcu(message, { done: 2, failed: 2, total: 2 }, 'fr')).toBe('2 générés, 2 échecs');
  });

  it('writes `{name, number}` as the language writes numbers', () => {
    expect(resolveIcu('{n, number} sur {{total}}', { n: 1234 }, 'fr')).toBe('1.234 sur {{total}}');
    expect(resolveIcu('منهم {n, number}', { n: 25 }, 'ar')).toBe('منهم 25');
  });

  it('falls back to the other case when the value is not a number', () => {
    expect(resolveIcu('{n, plural, one {# item} other {# items}}', { n: 'many' }, 'en')).toBe(
      'many items',
    );
  });

  it('leaves a message without plurals as it is', () => {
    expect(resolveIcu('Page {{page}} of {{pages}}', { page: 1 }, 'en')).toBe(
      'Page {{page}} of {{pages}}',
    );
  });
});
