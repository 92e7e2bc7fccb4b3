import { FormControl } from '@angular/forms';
import { phoneNumber } from './phone-number';

describe('phoneNumber', () => {
  it.each([
    ['', null],
    ['  ', null],
    ['06 12 34 56 78', null],
    ['+33 6 12 34 56 78', null],
    ['08 12 34 56 78', { phone: true }],
    ['06 12', { phone: true }],
  ])('checks the optional phone %p by the API’s rule', (value, expected) => {
    expect(phoneNumber(new FormControl(value))).toEqual(expected);
  });
});
