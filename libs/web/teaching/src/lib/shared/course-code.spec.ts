import { FormControl } from '@angular/forms';
import { courseCode } from './course-code';

describe('courseCode', () => {
  it.each(['SI-101', 'si-101', ' ess2026 ', ''])('accepts "%s"', (code) => {
    expect(courseCode(new FormControl(code))).toBeNull();
  });

  it.each(['SI 101', 'SI--101', 'É-1'])('refuses "%s"', (code) => {
    expect(courseCode(new FormControl(code))).toEqual({ courseCode: true });
  });
});
