import { FormControl, FormGroup, Validators } from '@angular/forms';
import { toApiError } from '@oris/shared/api-client';
import { applyServerErrors } from './server-errors';

describe('applyServerErrors', () => {
  function form() {
    return new FormGroup({
      email: new FormControl('taken@oris.example', {
        nonNullable: true,
        validators: Validators.email,
      }),
      password: new FormControl('', { nonNullable: true }),
    });
  }

  it('puts each message next to its field', () => {
    const registration = form();

    applyServerErrors(
      registration,
      toApiError(409, {
        errors: [{ field: 'email', message: 'This email is already registered' }],
      }),
    );

    expect(registration.controls.email.errors).toEqual({
      server: 'This email is already registered',
    });
    expect(registration.controls.email.touched).toBe(true);
    expect(registration.controls.password.errors).toBeNull();
  });

  it('joins several messages for one field', () => {
    const registration = form();

    applyServerErrors(
      registration,
      toApiError(400, {
        errors: [
          { field: 'password', message: 'Too short.' },
          { field: 'password', message: 'Too common.' },
        ],
      }),
    );

    expect(registration.controls.password.errors).toEqual({ server: 'Too short. Too common.' });
  });

  it('clears the server message once the person edits the field', () => {
    const registration = form();
    applyServerErrors(
      registration,
      toApiError(400, { errors: [{ field: 'email', message: 'No' }] }),
    );

    registration.controls.email.setValue('other@oris.example');

    expect(registration.controls.email.errors).toBeNull();
  });

  it('ignores messages for fields the form does not have', () => {
    const registration = form();

    applyServerErrors(
      registration,
      toApiError(400, { errors: [{ field: 'consent', message: 'Required' }] }),
    );

    expect(registration.valid).toBe(true);
  });
});
