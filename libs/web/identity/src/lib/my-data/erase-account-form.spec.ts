import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { API_FETCH, AuthSession } from '@oris/web/core';
import { fakeApi, settle } from '@oris/web/testing';
import { Confirmation } from '@oris/web/ui/dialogs';
import { EraseAccountForm } from './erase-account-form';

async function render(routes: Parameters<typeof fakeApi>[0], confirmed: boolean) {
  const api = fakeApi(routes);
  const signOut = jest.fn(async () => undefined);
  const ask = jest.fn(async () => confirmed);
  TestBed.configureTestingModule({
    imports: [
      TranslocoTestingModule.forRoot({
        langs: { fr: {} },
        translocoConfig: { availableLangs: ['fr'], defaultLang: 'fr' },
        preloadLangs: true,
      }),
    ],
    providers: [
      provideRouter([
        { path: 'my-data', component: EraseAccountForm },
        { path: 'sign-in', children: [] },
      ]),
      { provide: API_FETCH, useValue: api.fetch },
      { provide: Confirmation, useValue: { ask } },
      {
        provide: AuthSession,
        useValue: {
          user: () => null,
          accessToken: () => 'token-in-memory',
          refresh: async () => null,
          signOut,
        },
      },
    ],
  });
  const harness = await RouterTestingHarness.create();
  await harness.navigateByUrl('/my-data', EraseAccountForm);
  await settle(harness);
  const element = harness.routeNativeElement as HTMLElement;
  const submit = async (password: string) => {
    const input = element.querySelector<HTMLInputElement>('input[type="password"]');
    if (!input) throw new Error('no password field');
    input.value = password;
    input.dispatchEvent(new Event('input'));
    element.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await settle(harness);
  };
  return { harness, element, calls: api.calls, signOut, ask, submit };
}

describe('EraseAccountForm', () => {
  it('asks for the password before anything, and sends nothing without it', async () => {
    const { calls, ask, submit } = await render({}, true);
    await submit('');
    expect(ask).not.toHaveBeenCalled();
    expect(calls).toEqual([]);
  });

  it('erases nothing when the confirmation is declined', async () => {
    const { calls, ask, submit } = await render({}, false);
    await submit('my-long-password');
    expect(ask).toHaveBeenCalledWith(expect.objectContaining({ destructive: true }));
    expect(calls).toEqual([]);
  });

  it('erases with the password once confirmed, then signs out and says so on the sign-in page', async () => {
    const { calls, signOut, submit } = await render(
      { 'POST /api/v1/me/erasure': () => new Response(null, { status: 204 }) },
      true,
    );
    await submit('my-long-password');
    expect(calls.map((call) => [call.method, call.path, call.body])).toEqual([
      ['POST', '/api/v1/me/erasure', { currentPassword: 'my-long-password' }],
    ]);
    expect(signOut).toHaveBeenCalled();
    expect(TestBed.inject(Router).url).toBe('/sign-in?accountErased=true');
  });

  it('shows a wrong password on the field and stays signed in', async () => {
    const { element, signOut, submit } = await render(
      {
        'POST /api/v1/me/erasure': () =>
          Response.json(
            {
              type: 'about:blank',
              title: 'Invalid request',
              status: 400,
              code: 'validation_failed',
              errors: [{ field: 'currentPassword', message: 'currentPassword is incorrect' }],
            },
            { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
          ),
      },
      true,
    );
    await submit('not-my-password');
    expect(signOut).not.toHaveBeenCalled();
    expect(element.querySelector('input[aria-invalid="true"]')).not.toBeNull();
  });
});
