import { TestBed } from '@angular/core/testing';
import { FormControl } from '@angular/forms';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { PhoneField } from './phone-field';

const translations = {
  identity: { fields: { phone: 'Téléphone', phoneHint: 'Facultatif : pour vous joindre.' } },
  learning: { enroll: { dialog: { phoneHint: 'Pour vous rappeler la séance.' } } },
  validation: { phone: 'Numéro de téléphone invalide.' },
};

function render(control: FormControl<string>, hintKey?: string) {
  TestBed.configureTestingModule({
    imports: [
      PhoneField,
      TranslocoTestingModule.forRoot({
        langs: { fr: translations },
        translocoConfig: { availableLangs: ['fr'], defaultLang: 'fr' },
        preloadLangs: true,
      }),
    ],
    providers: [provideNoopAnimations()],
  });
  const fixture = TestBed.createComponent(PhoneField);
  fixture.componentRef.setInput('control', control);
  if (hintKey) fixture.componentRef.setInput('hintKey', hintKey);
  fixture.detectChanges();
  return fixture.nativeElement as HTMLElement;
}

describe('PhoneField', () => {
  it('is a phone keyboard, left to right and autofilled, bound to the form’s control', () => {
    const control = new FormControl('+212 6 12 34 56 78', { nonNullable: true });
    const element = render(control);
    const input = element.querySelector('input') as HTMLInputElement;
    expect([input.type, input.inputMode, input.dir, input.autocomplete]).toEqual([
      'tel',
      'tel',
      'ltr',
      'tel',
    ]);
    expect(input.value).toBe('+212 6 12 34 56 78');
    input.value = '0612345678';
    input.dispatchEvent(new Event('input'));
    expect(control.value).toBe('0612345678');
    expect(element.querySelector('mat-label')?.textContent).toContain('Téléphone');
    expect(element.querySelector('mat-hint')?.textContent).toContain('pour vous joindre');
  });

  it('says what the number is for in the form’s own words', () => {
    const element = render(
      new FormControl('', { nonNullable: true }),
      'learning.enroll.dialog.phoneHint',
    );
    expect(element.querySelector('mat-hint')?.textContent).toContain('rappeler la séance');
  });
});
