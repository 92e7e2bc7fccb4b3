import { demoSessionTitle } from './demo';

describe('demoSessionTitle', () => {
  it('names the season and year of the first day', () => {
    expect(demoSessionTitle('Cohorte {season} {year} — Fès', '2026-12-27', 'fr')).toBe(
      'Cohorte hiver 2026 — Fès',
    );
    expect(demoSessionTitle('Cohorte {season} {year} — Fès', '2027-02-28', 'fr')).toBe(
      'Cohorte hiver 2027 — Fès',
    );
    expect(demoSessionTitle('Classe virtuelle — {season} {year}', '2026-03-01', 'fr')).toBe(
      'Classe virtuelle — printemps 2026',
    );
    expect(demoSessionTitle('Virtual class — {season} {year}', '2026-08-31', 'en')).toBe(
      'Virtual class — summer 2026',
    );
    expect(demoSessionTitle('Cohorte {season} {year} — Tanger', '2026-11-30', 'fr')).toBe(
      'Cohorte automne 2026 — Tanger',
    );
  });

  it('leaves a name without a season as it is', () => {
    expect(demoSessionTitle('Session Rabat', '2026-05-01', 'fr')).toBe('Session Rabat');
  });
});
