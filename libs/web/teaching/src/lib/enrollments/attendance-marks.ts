import type { AttendanceEntry, AttendanceMeeting, AttendanceSheet } from '../shared/teaching-types';

/** Who was marked present at a meeting; a trainee without a mark starts unticked (absent). */
export function marksAt(sheet: AttendanceSheet, meetingId: string): Record<string, boolean> {
  return Object.fromEntries(
    sheet.rows.map((row) => [
      row.enrollmentId,
      row.marks.find((mark) => mark.meetingId === meetingId)?.present ?? false,
    ]),
  );
}

/** Every trainee on the sheet, present or absent: saving records a mark for each. */
export function attendanceEntries(
  sheet: AttendanceSheet,
  present: Record<string, boolean>,
): AttendanceEntry[] {
  return sheet.rows.map((row) => ({
    enrollmentId: row.enrollmentId,
    present: present[row.enrollmentId] ?? false,
  }));
}

/**
 * The meeting to open the sheet on: the latest one already started (the one just taught), else
 * the first one.
 */
export function defaultMeeting(meetings: readonly AttendanceMeeting[]): AttendanceMeeting | null {
  const held = meetings.filter((meeting) => meeting.held);
  return held[held.length - 1] ?? meetings[0] ?? null;
}
