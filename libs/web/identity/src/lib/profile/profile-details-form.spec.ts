import { TestBed } from '@angular/core/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import type { UserDto } from '@oris/shared/api-client';
import { API_FETCH, AuthSession, LanguageService } from '@oris/web/core';
import { fakeApi, settle } from '@oris/web/testing';
import { ProfileDetailsForm } from './profile-details-form';

const user: UserDto = {
  id: 'u1',
  email: 'salma@oris.example',
  fullName: 'Salma Idrissi',
  fullNameAr: null,
  gender: 'female',
  birthYear: 1994,
  regionCode: 'MA-04',
  phone: '+212612345678',
  locale: 'fr',
  roles: ['trainee'],
  createdAt: '2026-01-01T00:00:00Z',
  disabledAt: null,
  erasedAt: null,
  emailConfirmedAt: '2026-01-01T00:00:00Z',
};

async function render() {
  const api = fakeApi({
    'GET /api/v1/regions': () => Response.json([]),
    'PATCH /api/v1/me': (call) => Response.json({ ...user, ...(call.body as object) }),
  });
  const updateUser = jest.fn();
  TestBed.configureTestingModule({
    imports: [
      TranslocoTestingModule.forRoot({
        langs: { fr: {} },
        translocoConfig: { availableLangs: ['fr'], defaultLang: 'fr' },
        preloadLangs: true,
      }),
    ],
    providers: [
      { provide: API_FETCH, useValue: api.fetch },
      { provide: AuthSession, useValue: { user: () => null, updateUser } },
      // Saving applies the account's language; that is the language service's own spec.
      {
        provide: LanguageService,
        useValue: { language: () => 'fr', switchTo: jest.fn(async () => undefined) },
      },
    ],
  });
  const fixture = TestBed.createComponent(ProfileDetailsForm);
  fixture.componentRef.setInput('user', user);
  await settle(fixture);
  const element = fixture.nativeElement as HTMLElement;
  const phone = () => element.querySelector<HTMLInputElement>('oris-phone-field input');
  const typePhone = async (value: string) => {
    const input = phone();
    if (!input) throw new Error('no phone field');
    input.value = value;
    input.dispatchEvent(new Event('input'));
    element.querySelector('form')?.dispatchEvent(new Event('submit'));
    await settle(fixture);
  };
  const patches = () =>
    api.calls.filter((call) => call.method === 'PATCH').map((call) => call.body);
  return { element, phone, typePhone, patches, updateUser };
}

describe('ProfileDetailsForm: the phone number', () => {
  it('shows the saved phone in a telephone field', async () => {
    const { phone } = await render();
    expect(phone()?.value).toBe('+212612345678');
    expect(phone()?.getAttribute('type')).toBe('tel');
  });
});
