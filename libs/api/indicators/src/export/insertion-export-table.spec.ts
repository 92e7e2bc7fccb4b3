import type { InsertionIndicatorDto } from '../dto/insertion.dto';
import { insertionCsv } from '../engine/insertion-csv';
import { EXPORT_LABELS } from './export-labels';
import { insertionExportTable, percent } from './insertion-export-table';

const counts = (trained: number, eligible: number, responded: number, inserted: number) => ({
  trained,
  eligible,
  responded,
  inserted,
  employed: inserted,
  insertionRate: responded ? inserted / responded : null,
  employmentRate: responded ? inserted / responded : null,
  responseRate: eligible ? responded / eligible : null,
  lowerBoundRate: eligible ? inserted / eligible : null,
});

const result: InsertionIndicatorDto = {
  ...counts(7, 6, 3, 2),
  filters: {
    from: null,
    to: '2026-06-30',
    months: 9,
    asOf: '2026-06-30',
    knownAt: '2026-07-01T08:00:00.000Z',
    region: 'MA-04',
    course: null,
    session: null,
    groupBy: 'region',
  },
  breakdown: [
    { key: 'MA-04', ...counts(5, 5, 3, 2) },
    { key: 'unknown', ...counts(2, 1, 0, 0) },
  ],
  definition: { fr: 'Définition', en: 'Definition', ar: 'تعريف' },
  freshness: {
    source: 'rollup',
    refreshedAt: '2026-07-01T07:30:00.000Z',
    computedAt: '2026-07-01T08:00:00.000Z',
  },
  notes: [],
};

const names = {
  region: (code: string) => (code === 'MA-04' ? 'Rabat-Salé-Kénitra' : code),
  course: null,
  session: null,
};

describe('insertionExportTable', () => {
  it('rounds rates to a percentage with one decimal, and keeps "no denominator" empty', () => {
    expect(percent(2 / 3)).toBe(66.7);
    expect(percent(0.5)).toBe(50);
    expect(percent(null)).toBeNull();
  });

  it('names the filters, the groups and the columns in the chosen language', () => {
    const table = insertionExportTable(result, EXPORT_LABELS.fr, names, 'fr');
    expect(table.title).toBe('ORIS Academy — Professionnels formés et insérés');
    expect(table.about).toContainEqual(['Région', 'Rabat-Salé-Kénitra']);
    expect(table.about).toContainEqual(['Achèvement du', 'Début des données']);
    expect(table.about).toContainEqual(['Ventilation', 'Région']);
    // 08:00 UTC is 09:00 in Morocco on that day (UTC+1).
    expect(table.about).toContainEqual(['Connu au (heure du Maroc)', '2026-07-01 09:00']);
    expect(table.columns.slice(0, 3)).toEqual(['Région', 'Code', 'Formées']);
    expect(table.rows).toEqual([
      ['Total', '', 7, 6, 3, 2, 2, 66.7, 66.7, 50, 33.3],
      ['Rabat-Salé-Kénitra', 'MA-04', 5, 5, 3, 2, 2, 66.7, 66.7, 60, 40],
      ['Non connu', 'unknown', 2, 1, 0, 0, 0, null, null, 0, 0],
    ]);
  });

  it('writes the CSV with the language’s decimal mark', () => {
    const fr = insertionCsv(insertionExportTable(result, EXPORT_LABELS.fr, names, 'fr'));
    expect(fr).toContain('Total;;7;6;3;2;2;66,7;66,7;50,0;33,3\r\n');
    const en = insertionCsv(insertionExportTable(result, EXPORT_LABELS.en, names, 'en'));
    expect(en).toContain('Total;;7;6;3;2;2;66.7;66.7;50.0;33.3\r\n');
    expect(en).toContain('Not known;unknown;2;1;0;0;0;;;0.0;0.0\r\n');
    const ar = insertionCsv(insertionExportTable(result, EXPORT_LABELS.ar, names, 'ar'));
    expect(ar).toContain('المجموع;;7;6;3;2;2;66,7');
  });
});
