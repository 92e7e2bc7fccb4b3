import { TestBed } from '@angular/core/testing';
import { TranslocoService, TranslocoTestingModule } from '@jsverse/transloco';
import { provideTranslocoTranspiler } from '@jsverse/transloco';
import { IcuTranspiler } from './icu-transpiler';

const SEATS = '{count, plural, =0 {aucune place} one {# place} other {# places}} sur {{capacity}}';
const HOURS_AR =
  '{count, plural, zero {# ساعة} one {ساعة واحدة} two {ساعتان} few {# ساعات} many {# ساعة} other {# ساعة}}';

describe('IcuTranspiler', () => {
  it('follows the active language and still interpolates the other parameters', () => {
    TestBed.configureTestingModule({
      imports: [
        TranslocoTestingModule.forRoot({
          langs: {
            fr: { seats: SEATS },
            ar: { hours: HOURS_AR },
          },
          translocoConfig: { availableLangs: ['fr', 'ar'], defaultLang: 'fr' },
          preloadLangs: true,
        }),
      ],
      providers: [provideTranslocoTranspiler(IcuTranspiler)],
    });
    const transloco = TestBed.inject(TranslocoService);
    transloco.setActiveLang('fr');

    expect(transloco.translate('seats', { count: 1, capacity: 20 })).toBe('1 place sur 20');

    transloco.setActiveLang('ar');
    expect(transloco.translate('hours', { count: 2 }, 'ar')).toBe('ساعتان');
  });
});
