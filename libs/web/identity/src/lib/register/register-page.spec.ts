import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { API_FETCH, AuthSession } from '@oris/web/core';
import { RegisterPage } from './register-page';

const regions = [
  {
    code: 'MA-01',
    nameFr: 'Tanger-Tétouan-Al Hoceïma',
    nameAr: 'طنجة تطوان الحسيمة',
    nameEn: 'Tangier-Tetouan-Al Hoceima',
  },
  {
    code: 'MA-06',
    nameFr: 'Casablanca-Settat',
    nameAr: 'الدار البيضاء سطات',
    nameEn: 'Casablanca-Settat',
  },
];

function user(body: Record<string, unknown>) {
  return {
    ...body,
    id: 'u9',
    roles: ['trainee'],
    fullNameAr: body['fullNameAr'] ?? null,
    locale: 'fr',
    createdAt: '2026-01-01T00:00:00Z',
  };
}

async function render(register: (body: Record<string, unknown>) => Response) {
  const sent: Record<string, unknown>[] = [];
  const fetch = async (request: Request) => {
    const path = new URL(request.url).pathname;
    if (path === '/api/v1/regions') return Response.json(regions);
    if (path === '/api/v1/auth/register') {
      const body = (await request.json()) as Record<string, unknown>;
      sent.push(body);
      return register(body);
    }
    return new Response(null, { status: 404 });
  };
  TestBed.configureTestingModule({
    imports: [
      RegisterPage,
      TranslocoTestingModule.forRoot({
        langs: { fr: {} },
        translocoConfig: { availableLangs: ['fr'], defaultLang: 'fr' },
      }),
    ],
    providers: [
      provideRouter([{ path: '**', children: [] }]),
      { provide: API_FETCH, useValue: fetch },
    ],
  });
  const fixture = TestBed.createComponent(RegisterPage);
  await fixture.whenStable();
  const element = fixture.nativeElement as HTMLElement;
  const input = (name: string) =>
    element.querySelector<HTMLInputElement>(`[formcontrolname="${name}"]`) as HTMLInputElement;
  const type = (name: string, value: string) => {
    const field = input(name);
    field.value = value;
    field.dispatchEvent(new Event('input'));
  };
  const form = fixture.componentInstance['form'];
  const submit = async () => {
    element.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await fixture.whenStable();
  };
  return { fixture, element, input, type, form, submit, sent };
}

describe('RegisterPage', () => {
  it('writes the Arabic name right to left', async () => {
    const { input } = await render(() => new Response(null, { status: 500 }));

    expect(input('fullNameAr').getAttribute('dir')).toBe('rtl');
    expect(input('fullNameAr').getAttribute('lang')).toBe('ar');
  });

  it('will not register without consent', async () => {
    const { form, submit, sent, element } = await render(() => new Response(null, { status: 500 }));
    form.patchValue({
      email: 'salma@example.ma',
      password: 'a long enough password',
      fullName: 'Salma Idrissi',
      gender: 'female',
      birthYear: 1998,
      regionCode: 'MA-06',
      consent: false,
    });

    await submit();

    expect(sent).toEqual([]);
    expect(form.controls.consent.errors).toEqual({ required: true });
    expect(element.querySelector('.oris-consent .oris-error-text')).not.toBeNull();
  });

  it('creates a trainee account with consent and the interface language, then signs in', async () => {
    const { form, submit, sent } = await render((body) =>
      Response.json({ accessToken: 'a', expiresIn: 900, user: user(body) }, { status: 201 }),
    );
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl');
    form.setValue({
      email: 'salma@example.ma',
      password: 'a long enough password',
      fullName: 'Salma Idrissi',
      fullNameAr: 'سلمى الإدريسي',
      phone: ' 06 12 34 56 78 ',
      gender: 'female',
      birthYear: 1998,
      regionCode: 'MA-06',
      consent: true,
    });

    await submit();

    expect(sent).toEqual([
      {
        email: 'salma@example.ma',
        password: 'a long enough password',
        fullName: 'Salma Idrissi',
        fullNameAr: 'سلمى الإدريسي',
        phone: '06 12 34 56 78',
        gender: 'female',
        birthYear: 1998,
        regionCode: 'MA-06',
        locale: 'fr',
        consent: true,
      },
    ]);
    expect(TestBed.inject(AuthSession).isSignedIn()).toBe(true);
    expect(navigate).toHaveBeenCalledWith('/profile');
  });

  it("shows the API's field messages next to the fields", async () => {
    const { form, submit, fixture, element } = await render(() =>
      Response.json(
        {
          type: 'about:blank',
          title: 'Invalid input',
          status: 400,
          errors: [{ field: 'password', message: 'This password is too common.' }],
        },
        { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
      ),
    );
    form.setValue({
      email: 'salma@example.ma',
      password: 'password123',
      fullName: 'Salma Idrissi',
      fullNameAr: '',
      phone: '',
      gender: 'female',
      birthYear: 1998,
      regionCode: 'MA-06',
      consent: true,
    });

    await submit();
    await fixture.whenStable();

    expect(form.controls.password.errors).toEqual({ server: 'This password is too common.' });
    expect(element.querySelector('mat-error')?.textContent).toContain(
      'This password is too common.',
    );
    expect(element.querySelector('[role="alert"]')?.textContent).toContain('Invalid input');
  });

  it('refuses a phone number the API would refuse, before sending anything', async () => {
    const { form, submit, sent, fixture, element } = await render(() =>
      Response.json({}, { status: 201 }),
    );
    form.setValue({
      email: 'salma@example.ma',
      password: 'a long enough password',
      fullName: 'Salma Idrissi',
      fullNameAr: '',
      phone: '08 12 34 56 78',
      gender: 'female',
      birthYear: 1998,
      regionCode: 'MA-06',
      consent: true,
    });

    await submit();
    await fixture.whenStable();

    expect(sent).toEqual([]);
    expect(form.controls.phone.errors).toEqual({ phone: true });
    const phoneInput = element.querySelector('oris-phone-field input');
    expect(phoneInput?.getAttribute('type')).toBe('tel');
    expect(phoneInput?.getAttribute('dir')).toBe('ltr');
  });
});
