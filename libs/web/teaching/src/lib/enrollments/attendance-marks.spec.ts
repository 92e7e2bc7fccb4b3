import type { AttendanceSheet } from '../shared/teaching-types';
import { attendanceEntries, defaultMeeting, marksAt } from './attendance-marks';

const meeting = (id: string, held: boolean) => ({
  id,
  startsAt: '2026-03-02T08:00:00Z',
  endsAt: '2026-03-02T11:00:00Z',
  label: null,
  held,
});

const sheet = {
  sessionId: 's',
  meetings: [meeting('m1', true), meeting('m2', true), meeting('m3', false)],
  meetingsHeld: 2,
  rows: [
    { enrollmentId: 'a', marks: [{ meetingId: 'm1', present: true }], attended: 1, percent: 50 },
    { enrollmentId: 'b', marks: [{ meetingId: 'm1', present: false }], attended: 0, percent: 0 },
  ],
} as unknown as AttendanceSheet;

describe('attendance marks', () => {
  it('reads the recorded marks of a meeting, unmarked as absent', () => {
    expect(marksAt(sheet, 'm1')).toEqual({ a: true, b: false });
    expect(marksAt(sheet, 'm2')).toEqual({ a: false, b: false });
  });

  it('records a mark for every trainee on the sheet', () => {
    expect(attendanceEntries(sheet, { b: true })).toEqual([
      { enrollmentId: 'a', present: false },
      { enrollmentId: 'b', present: true },
    ]);
  });

  it('opens on the latest meeting already started', () => {
    expect(defaultMeeting(sheet.meetings)?.id).toBe('m2');
    expect(defaultMeeting([meeting('x', false)])?.id).toBe('x');
    expect(defaultMeeting([])).toBeNull();
  });
});
