import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import type { UserDto } from '@oris/shared/api-client';
import { API_FETCH, AuthSession, LanguageService } from '@oris/web/core';
import { App } from './app';

const admin: UserDto = {
  id: 'u1',
  email: 'admin@oris.example',
  fullName: 'Nadia Admin',
  fullNameAr: null,
  gender: 'female',
  birthYear: 1985,
  regionCode: 'MA-06',
  phone: null,
  locale: 'fr',
  roles: ['admin'],
  createdAt: '2026-01-01T00:00:00Z',
  disabledAt: null,
  erasedAt: null,
  emailConfirmedAt: '2026-01-01T00:00:00Z',
};

const translations = {
  fr: {
    shell: { skipToContent: 'Aller au contenu', navigation: 'Navigation principale' },
    serials: { nav: { serials: 'Revues', indexes: 'Index' } },
    publications: { nav: { public: 'Publications', staff: 'Registre des publications' } },
    tools: { nav: { public: 'Outils', staff: 'Outils de connaissance' } },
    practices: { nav: { public: 'Bonnes pratiques', staff: 'Fiches pratiques' } },
    partnerships: { nav: 'Partenariats' },
    impact: { nav: { public: 'Notre impact', staff: 'Impact' } },
    nav: {
      catalogue: 'Catalogue',
      signIn: 'Connexion',
      register: 'Inscription',
      profile: 'Mon profil',
      teaching: 'Espace formateur',
      users: 'Utilisateurs',
      imports: 'Import d’inscriptions',
      verify: 'Vérifier un certificat',
      myCertificates: 'Mes certificats',
      certificates: 'Certificats',
      insertion: 'Insertion',
      indicators: 'Indicateurs d’insertion',
      audit: 'Journal d’audit',
      overview: 'Vue d’ensemble',
    },
  },
  ar: {
    shell: { skipToContent: 'الانتقال إلى المحتوى', navigation: 'التنقل الرئيسي' },
    publications: { nav: { public: 'المنشورات' } },
    tools: { nav: { public: 'الأدوات' } },
    practices: { nav: { public: 'الممارسات الجيدة' } },
    impact: { nav: { public: 'أثرنا' } },
    nav: {
      catalogue: 'دليل التكوينات',
      signIn: 'تسجيل الدخول',
      register: 'إنشاء حساب',
      profile: 'ملفي الشخصي',
      teaching: 'فضاء المكوّن',
      users: 'المستخدمون',
      imports: 'استيراد التسجيلات',
      verify: 'التحقق من شهادة',
      myCertificates: 'شهاداتي',
      certificates: 'الشهادات',
      insertion: 'الإدماج',
      indicators: 'مؤشرات الإدماج',
    },
  },
};

async function render() {
  const fetch = async (request: Request) => {
    const path = new URL(request.url).pathname;
    if (path === '/api/v1/auth/login') {
      return Response.json({ accessToken: 't', expiresIn: 900, user: admin });
    }
    if (path === '/api/v1/auth/logout') return new Response(null, { status: 204 });
    return new Response(null, { status: 404 });
  };
  TestBed.configureTestingModule({
    imports: [
      App,
      TranslocoTestingModule.forRoot({
        langs: translations,
        translocoConfig: {
          availableLangs: ['fr', 'ar', 'en'],
          defaultLang: 'fr',
          reRenderOnLangChange: true,
        },
        preloadLangs: true,
      }),
    ],
    providers: [
      provideRouter([{ path: '**', children: [] }]),
      { provide: API_FETCH, useValue: fetch },
    ],
  });
  const fixture = TestBed.createComponent(App);
  await fixture.whenStable();
  const element = fixture.nativeElement as HTMLElement;
  const navLabels = () =>
    [...element.querySelectorAll('nav a')].map((link) => link.textContent?.trim());
  return { fixture, element, navLabels };
}

describe('App shell', () => {
  it('offers a skip link to the main landmark', async () => {
    const { element } = await render();

    const skip = element.querySelector<HTMLAnchorElement>('a.skip-link');
    expect(skip?.textContent?.trim()).toBe('Aller au contenu');
    skip?.click();

    expect(document.activeElement).toBe(element.querySelector('main#main-content'));
  });

  it('shows visitors the catalogue, certificate verification, the public figures, tools, publications and impact, sign-in and registration links', async () => {
    const { navLabels } = await render();

    expect(navLabels()).toEqual([
      'Catalogue',
      'Vérifier un certificat',
      'Indicateurs d’insertion',
      'Outils',
      'Publications',
      'Bonnes pratiques',
      'Notre impact',
      'Connexion',
      'Inscription',
    ]);
  });

  it("shows an administrator's links once signed in, and hides them after signing out", async () => {
    const { fixture, navLabels } = await render();

    await TestBed.inject(AuthSession).signIn({ email: admin.email, password: 'x' });
    await fixture.whenStable();
    expect(navLabels()).toEqual([
      'Catalogue',
      'Vérifier un certificat',
      'Indicateurs d’insertion',
      'Outils',
      'Publications',
      'Bonnes pratiques',
      'Notre impact',
      'Mon profil',
      'Mes certificats',
      'Espace formateur',
      'Vue d’ensemble',
      'Utilisateurs',
      'Import d’inscriptions',
      'Journal d’audit',
      'Certificats',
      'Insertion',
      'Registre des publications',
      'Revues',
      'Outils de connaissance',
      'Fiches pratiques',
      'Index',
      'Partenariats',
      'Impact',
    ]);

    await TestBed.inject(AuthSession).signOut();
    await fixture.whenStable();
    expect(navLabels()).toEqual([
      'Catalogue',
      'Vérifier un certificat',
      'Indicateurs d’insertion',
      'Outils',
      'Publications',
      'Bonnes pratiques',
      'Notre impact',
      'Connexion',
      'Inscription',
    ]);
  });

  it('mirrors the layout in Arabic', async () => {
    const { fixture, element, navLabels } = await render();

    await TestBed.inject(LanguageService).switchTo('ar');
    await fixture.whenStable();

    expect(element.querySelector('.shell')?.getAttribute('dir')).toBe('rtl');
    expect(document.documentElement.dir).toBe('rtl');
    expect(navLabels()).toEqual([
      'دليل التكوينات',
      'التحقق من شهادة',
      'مؤشرات الإدماج',
      'الأدوات',
      'المنشورات',
      'الممارسات الجيدة',
      'أثرنا',
      'تسجيل الدخول',
      'إنشاء حساب',
    ]);
  });
});
