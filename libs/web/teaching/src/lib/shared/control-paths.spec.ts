import { FormArray, FormControl, FormGroup } from '@angular/forms';
import { controlPaths } from './control-paths';

describe('controlPaths', () => {
  it('names nested groups and list items as the API does', () => {
    const form = new FormGroup({
      title: new FormControl(''),
      completionRule: new FormGroup({ minAttendancePercent: new FormControl(80) }),
      meetings: new FormArray([
        new FormGroup({ startsAt: new FormControl(''), endsAt: new FormControl('') }),
      ]),
    });

    expect(controlPaths(form)).toEqual([
      'title',
      'completionRule',
      'completionRule.minAttendancePercent',
      'meetings',
      'meetings.0',
      'meetings.0.startsAt',
      'meetings.0.endsAt',
    ]);
  });
});
