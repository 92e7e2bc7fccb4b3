import { TestBed } from '@angular/core/testing';
import { TranslocoService, TranslocoTestingModule } from '@jsverse/transloco';
import type { UserDto } from '@oris/shared/api-client';
import { API_FETCH } from '../api/api.tokens';
import { AuthSession } from '../auth/auth-session';
import { LanguageService } from './language.service';

const user: UserDto = {
  id: 'u1',
  email: 'salma@oris.example',
  fullName: 'Salma Idrissi',
  fullNameAr: 'سلمى الإدريسي',
  gender: 'female',
  birthYear: 1994,
  regionCode: 'MA-01',
  phone: null,
  locale: 'en',
  roles: ['trainee'],
  createdAt: '2026-01-01T00:00:00Z',
  disabledAt: null,
  erasedAt: null,
  emailConfirmedAt: '2026-01-01T00:00:00Z',
};

function setup() {
  const patches: unknown[] = [];
  const fetch = jest.fn(async (request: Request) => {
    const path = `${request.method} ${new URL(request.url).pathname}`;
    if (path === 'POST /api/v1/auth/login') {
      return Response.json({ accessToken: 't', expiresIn: 900, user });
    }
    if (path === 'PATCH /api/v1/me') {
      const body = (await request.json()) as Partial<UserDto>;
      patches.push(body);
      return Response.json({ ...user, ...body });
    }
    return new Response(null, { status: 404 });
  });
  TestBed.configureTestingModule({
    imports: [
      TranslocoTestingModule.forRoot({
        langs: { fr: { hello: 'Bonjour' }, ar: { hello: 'مرحبا' }, en: { hello: 'Hello' } },
        translocoConfig: { availableLangs: ['fr', 'ar', 'en'], defaultLang: 'fr' },
      }),
    ],
    providers: [{ provide: API_FETCH, useValue: fetch }],
  });
  return {
    language: TestBed.inject(LanguageService),
    session: TestBed.inject(AuthSession),
    transloco: TestBed.inject(TranslocoService),
    patches,
  };
}

function clearLanguageCookie(): void {
  document.cookie = 'oris_lang=; Path=/; Max-Age=0';
}

describe('LanguageService', () => {
  beforeEach(() => {
    clearLanguageCookie();
    document.documentElement.lang = '';
    document.documentElement.dir = '';
  });

  it('starts in French, left to right, for a first-time visitor', async () => {
    const { language, transloco } = setup();

    await language.initialise();

    expect(language.language()).toBe('fr');
    expect(document.documentElement.lang).toBe('fr');
    expect(document.documentElement.dir).toBe('ltr');
    expect(transloco.translate('hello')).toBe('Bonjour');
  });

  it('switches to Arabic right to left, and back', async () => {
    const { language, transloco } = setup();
    await language.initialise();

    await language.switchTo('ar');

    expect(document.documentElement.lang).toBe('ar');
    expect(document.documentElement.dir).toBe('rtl');
    expect(language.direction()).toBe('rtl');
    expect(transloco.translate('hello')).toBe('مرحبا');

    await language.switchTo('en');

    expect(document.documentElement.dir).toBe('ltr');
    expect(transloco.translate('hello')).toBe('Hello');
  });

  it("remembers a visitor's choice in a cookie for the next visit", async () => {
    await setup().language.switchTo('ar');
    TestBed.resetTestingModule();

    const { language } = setup();
    await language.initialise();

    expect(language.language()).toBe('ar');
    expect(document.cookie).toContain('oris_lang=ar');
  });

  it("saves a signed-in person's choice on their account", async () => {
    const { language, session, patches } = setup();
    await session.signIn({ email: user.email, password: 'correct horse battery' });

    await language.switchTo('ar');

    expect(patches).toEqual([{ locale: 'ar' }]);
    expect(session.user()?.locale).toBe('ar');
  });

  it("starts in the signed-in person's saved language rather than the visitor cookie", async () => {
    document.cookie = 'oris_lang=ar; Path=/';
    const { language, session } = setup();
    await session.signIn({ email: user.email, password: 'correct horse battery' });

    await language.initialise();

    expect(language.language()).toBe('en');
    expect(document.documentElement.dir).toBe('ltr');
  });

  it('applies the saved language when someone signs in', async () => {
    const { language, session } = setup();
    await language.initialise();

    await session.signIn({ email: user.email, password: 'correct horse battery' });
    TestBed.tick();
    await new Promise((resolve) => setTimeout(resolve));

    expect(language.language()).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('shows a page in the language of the person it was sent to, to a visitor', async () => {
    const { language, transloco } = setup();
    await language.initialise();

    await language.showIn('ar');

    expect(language.language()).toBe('ar');
    expect(document.documentElement.dir).toBe('rtl');
    expect(transloco.translate('hello')).toBe('مرحبا');
    // The menu still switches.
    await language.switchTo('fr');
    expect(language.language()).toBe('fr');
  });

  it("keeps a signed-in person's own language over the page's", async () => {
    const { language, session } = setup();
    await language.initialise();
    await session.signIn({ email: user.email, password: 'correct horse battery' });
    await language.initialise();

    await language.showIn('ar');

    expect(language.language()).toBe('en');
  });
});
