import { lastClosedQuarter, quarterAfter } from './release-calendar';

describe('release calendar', () => {
  it('names the last quarter over, its last day and the day its release is due', () => {
    expect(lastClosedQuarter('2026-12-06')).toEqual({
      quarter: '2026-Q3',
      endsOn: '2026-09-30',
      dueOn: '2026-10-01',
    });
    expect(lastClosedQuarter('2026-10-01').quarter).toBe('2026-Q3');
    expect(lastClosedQuarter('2026-09-30').quarter).toBe('2026-Q2');
    expect(lastClosedQuarter('2026-04-01')).toEqual({
      quarter: '2026-Q1',
      endsOn: '2026-03-31',
      dueOn: '2026-04-01',
    });
  });

  it('crosses the year boundary both ways', () => {
    expect(lastClosedQuarter('2027-01-01')).toEqual({
      quarter: '2026-Q4',
      endsOn: '2026-12-31',
      dueOn: '2027-01-01',
    });
    expect(lastClosedQuarter('2027-03-31').quarter).toBe('2026-Q4');
    expect(quarterAfter('2026-Q4')).toEqual({
      quarter: '2027-Q1',
      endsOn: '2027-03-31',
      dueOn: '2027-04-01',
    });
    expect(quarterAfter('2026-Q1')).toEqual({
      quarter: '2026-Q2',
      endsOn: '2026-06-30',
      dueOn: '2026-07-01',
    });
  });
});
