import { TestBed } from '@angular/core/testing';
import { TranslocoService, TranslocoTestingModule } from '@jsverse/transloco';
import { ApiError, type ApiErrorKind, toApiError } from '@oris/shared/api-client';
import { ProblemAlert } from './problem-alert';

const translations = {
  problems: {
    tooManyAttempts: 'Trop de tentatives. Réessayez dans quelques minutes.',
    network: 'Le service est injoignable.',
    unexpected: 'Une erreur inattendue est survenue.',
  },
  signIn: { invalid: 'Adresse e-mail ou mot de passe incorrect.' },
};

async function render(
  error: ApiError | null,
  inputs: {
    fieldsShownInForm?: string[];
    messageKeys?: Partial<Record<ApiErrorKind, string>>;
  } = {},
) {
  TestBed.configureTestingModule({
    imports: [
      ProblemAlert,
      TranslocoTestingModule.forRoot({
        langs: { fr: translations },
        translocoConfig: { availableLangs: ['fr'], defaultLang: 'fr' },
        preloadLangs: true,
      }),
    ],
  });
  const fixture = TestBed.createComponent(ProblemAlert);
  fixture.componentRef.setInput('error', error);
  for (const [name, value] of Object.entries(inputs)) fixture.componentRef.setInput(name, value);
  await fixture.whenStable();
  const element = fixture.nativeElement as HTMLElement;
  return {
    alert: element.querySelector('[role="alert"]'),
    text: element.textContent?.replace(/\s+/g, ' ').trim() ?? '',
    items: [...element.querySelectorAll('li')].map((li) => li.textContent?.trim()),
  };
}

describe('ProblemAlert', () => {
  it('shows nothing without an error', async () => {
    expect((await render(null)).alert).toBeNull();
  });

  it("shows the problem's title and detail as an alert", async () => {
    const { alert, text } = await render(
      toApiError(409, { title: 'Conflict', detail: 'The session is full.' }),
    );

    expect(alert).not.toBeNull();
    expect(text).toBe('Conflict The session is full.');
  });

  it('says "too many attempts" for a 429, whatever the API wrote', async () => {
    const { text } = await render(toApiError(429, { title: 'Too Many Requests' }));

    expect(text).toBe('Trop de tentatives. Réessayez dans quelques minutes.');
  });

  it('says the service is unreachable when the request failed', async () => {
    expect((await render(new ApiError(0))).text).toBe('Le service est injoignable.');
  });

  it('uses the message the page gives for a kind of error', async () => {
    const { text } = await render(toApiError(401, { title: 'Unauthorized' }), {
      messageKeys: { unauthorized: 'signIn.invalid' },
    });

    expect(text).toBe('Adresse e-mail ou mot de passe incorrect.');
  });

  it('lists only the field messages the form does not show next to a field', async () => {
    const { items } = await render(
      toApiError(400, {
        title: 'Invalid input',
        errors: [
          { field: 'email', message: 'email must be an email' },
          { field: 'token', message: 'The link has expired' },
        ],
      }),
      { fieldsShownInForm: ['email', 'password'] },
    );

    expect(items).toEqual(['The link has expired']);
  });

  it('falls back to a generic message when the API gave no title', async () => {
    expect((await render(toApiError(500, 'Internal Server Error'))).text).toBe(
      'Une erreur inattendue est survenue.',
    );
  });
});

describe('ProblemAlert after a language switch', () => {
  it("stops showing the API's words in the previous language, and says so in the new one", async () => {
    TestBed.configureTestingModule({
      imports: [
        ProblemAlert,
        TranslocoTestingModule.forRoot({
          langs: {
            fr: { problems: { otherLanguage: 'L’opération n’a pas abouti.' } },
            ar: { problems: { otherLanguage: 'لم تنجح العملية.' } },
          },
          translocoConfig: { availableLangs: ['fr', 'ar'], defaultLang: 'fr' },
          preloadLangs: true,
        }),
      ],
    });
    const transloco = TestBed.inject(TranslocoService);
    const fixture = TestBed.createComponent(ProblemAlert);
    fixture.componentRef.setInput(
      'error',
      toApiError(409, { title: 'Session complète', detail: 'Plus aucune place.' }),
    );
    await fixture.whenStable();
    const text = () =>
      (fixture.nativeElement as HTMLElement).textContent?.replace(/\s+/g, ' ').trim();
    expect(text()).toBe('Session complète Plus aucune place.');

    transloco.setActiveLang('ar');
    await fixture.whenStable();

    expect(text()).toBe('لم تنجح العملية.');

    // A new problem, asked in Arabic, is shown as the API wrote it.
    fixture.componentRef.setInput('error', toApiError(409, { title: 'الدورة مكتملة' }));
    await fixture.whenStable();
    expect(text()).toBe('الدورة مكتملة');
  });
});
