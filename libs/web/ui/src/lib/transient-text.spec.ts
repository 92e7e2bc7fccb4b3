import { TestBed } from '@angular/core/testing';
import { TranslocoService, TranslocoTestingModule } from '@jsverse/transloco';
import { transientText } from './transient-text';

describe('transientText', () => {
  it('keeps what was written until the interface changes language', () => {
    TestBed.configureTestingModule({
      imports: [
        TranslocoTestingModule.forRoot({
          langs: { fr: {}, ar: {} },
          translocoConfig: { availableLangs: ['fr', 'ar'], defaultLang: 'fr' },
          preloadLangs: true,
        }),
      ],
    });
    const text = TestBed.runInInjectionContext(() => transientText());
    text.set('Rôle attribué.');
    TestBed.tick();
    expect(text()).toBe('Rôle attribué.');

    TestBed.inject(TranslocoService).setActiveLang('ar');
    TestBed.tick();

    expect(text()).toBe('');
  });
});
