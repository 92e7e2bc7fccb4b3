import { FormControl, FormGroup } from '@angular/forms';
import { arabicScript, birthYearMax, matches, optionalText } from './account-rules';

describe('account rules', () => {
  it.each([
    ['سلمى الإدريسي', null],
    ['عبد الله بن-علي', null],
    ['', null],
    ['Salma', { arabicScript: true }],
    ['سلمى Idrissi', { arabicScript: true }],
  ])('checks that %p is written in Arabic script', (value, expected) => {
    expect(arabicScript(new FormControl(value))).toEqual(expected);
  });

  it('asks the confirmation to repeat the password', () => {
    const form = new FormGroup({
      password: new FormControl('a long password'),
      confirm: new FormControl('', { validators: matches('password') }),
    });

    form.controls.confirm.setValue('another password');
    expect(form.controls.confirm.errors).toEqual({ passwordMismatch: true });

    form.controls.confirm.setValue('a long password');
    expect(form.controls.confirm.errors).toBeNull();
  });

  it('accepts people aged 15 or more', () => {
    expect(birthYearMax(new Date('2026-06-01'))).toBe(2011);
  });

  it('stores an empty optional name as null', () => {
    expect(optionalText('  ')).toBeNull();
    expect(optionalText(' سلمى ')).toBe('سلمى');
  });
});
