import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { PhoneLink } from './phone-link';

@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [PhoneLink],
  template: `<p dir="rtl" lang="ar">
    سلمى · <oris-phone-link [phone]="phone" name="سلمى بناني" />
  </p>`,
})
class ArabicLine {
  phone = '+212612345678';
}

function render(phone: string) {
  TestBed.configureTestingModule({
    imports: [
      TranslocoTestingModule.forRoot({
        langs: {
          ar: { insertion: { phone: { call: 'الاتصال بـ {{name}} على الرقم {{number}}' } } },
        },
        translocoConfig: { availableLangs: ['ar'], defaultLang: 'ar' },
        preloadLangs: true,
      }),
    ],
  });
  const fixture = TestBed.createComponent(ArabicLine);
  fixture.componentInstance.phone = phone;
  fixture.detectChanges();
  return fixture.nativeElement.querySelector('a') as HTMLAnchorElement;
}

describe('PhoneLink', () => {
  it('calls the E.164 number and shows it grouped, left to right inside an Arabic line', () => {
    const link = render('+212612345678');

    expect(link.getAttribute('href')).toBe('tel:+212612345678');
    expect(link.getAttribute('dir')).toBe('ltr');
    expect(link.textContent?.trim()).toBe('+212 6 12 34 56 78');
    // The accessible name says whom it calls and contains the visible number (WCAG 2.5.3).
    expect(link.getAttribute('aria-label')).toBe(
      'الاتصال بـ سلمى بناني على الرقم +212 6 12 34 56 78',
    );
  });

  it('shows a foreign number as stored', () => {
    const link = render('+33612345678');

    expect(link.getAttribute('href')).toBe('tel:+33612345678');
    expect(link.textContent?.trim()).toBe('+33612345678');
  });
});
