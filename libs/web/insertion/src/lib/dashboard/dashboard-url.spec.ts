import { convertToParamMap } from '@angular/router';
import { readState, writeState } from './dashboard-url';
import { GROUP_BYS } from './insertion-dashboard-page';

const COURSE = '3b1f6a0e-2c4d-4e5f-8a9b-0c1d2e3f4a02';
const SESSION = '3b1f6a0e-2c4d-4e5f-8a9b-0c1d2e3f4a01';

const read = (params: Record<string, string>) => readState(convertToParamMap(params), GROUP_BYS);

describe('dashboard address', () => {
  it('reads every filter and the table’s breakdown back from what it wrote', () => {
    const state = {
      filters: {
        from: '2025-01-01',
        to: '2025-12-31',
        months: 12 as const,
        asOf: '2026-06-30',
        knownAt: '2026-07-01',
        knownTime: '09:00',
        region: 'MA-04' as const,
        course: COURSE,
        session: SESSION,
      },
      table: 'gender' as const,
    };

    expect(read(writeState(state))).toEqual(state);
  });

  it('writes only what differs from the defaults', () => {
    expect(writeState(read({}))).toEqual({});
    expect(read({})).toEqual({
      filters: {
        from: '',
        to: '',
        months: 9,
        asOf: '',
        knownAt: '',
        knownTime: '',
        region: null,
        course: null,
        session: null,
      },
      table: 'region',
    });
  });

  it('leaves at their defaults the parameters it could not have written', () => {
    expect(
      read({
        months: '7',
        region: 'MA-99',
        asOf: '30/06/2026',
        knownAt: '2026-07-01',
        course: 'x',
        table: 'colour',
      }),
    ).toEqual(read({}));
  });

  it('writes the day and time of "as known on" as one moment, midnight when no time is given', () => {
    const { filters } = read({});
    expect(writeState({ filters: { ...filters, knownAt: '2026-07-01' }, table: 'region' })).toEqual(
      { knownAt: '2026-07-01T00:00' },
    );
    expect(read({ knownAt: '2026-07-01T18:30' }).filters).toMatchObject({
      knownAt: '2026-07-01',
      knownTime: '18:30',
    });
  });

  it('keeps a session only with its course', () => {
    expect(read({ session: SESSION }).filters.session).toBeNull();
    expect(read({ course: COURSE, session: SESSION }).filters.session).toBe(SESSION);
  });
});
