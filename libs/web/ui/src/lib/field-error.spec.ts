import { TestBed } from '@angular/core/testing';
import type { ValidationErrors } from '@angular/forms';
import { TranslocoService, TranslocoTestingModule } from '@jsverse/transloco';
import { FieldError } from './field-error';

const translations = {
  validation: {
    required: 'Ce champ est obligatoire.',
    email: 'Saisissez une adresse e-mail valide.',
    minLength: 'Au moins {{min}} caractères.',
    max: 'La valeur maximale est {{max}}.',
    arabicScript: 'Écrivez ce nom en caractères arabes.',
    pattern: 'Cette valeur n’a pas la forme attendue : vérifiez-la.',
  },
  consent: { required: 'Votre consentement est nécessaire.' },
};

async function message(errors: ValidationErrors | null, requiredKey?: string) {
  TestBed.configureTestingModule({
    imports: [
      FieldError,
      TranslocoTestingModule.forRoot({
        langs: { fr: translations },
        translocoConfig: { availableLangs: ['fr'], defaultLang: 'fr' },
        preloadLangs: true,
      }),
    ],
  });
  const fixture = TestBed.createComponent(FieldError);
  fixture.componentRef.setInput('errors', errors);
  if (requiredKey) fixture.componentRef.setInput('requiredKey', requiredKey);
  await fixture.whenStable();
  return (fixture.nativeElement as HTMLElement).textContent?.trim();
}

describe('FieldError', () => {
  it.each([
    [{ required: true }, 'Ce champ est obligatoire.'],
    [{ email: true }, 'Saisissez une adresse e-mail valide.'],
    [{ minlength: { requiredLength: 10, actualLength: 4 } }, 'Au moins 10 caractères.'],
    [{ max: { max: 2011, actual: 2020 } }, 'La valeur maximale est 2011.'],
    [{ arabicScript: true }, 'Écrivez ce nom en caractères arabes.'],
    [
      { pattern: { requiredPattern: '/\\S/', actualValue: ' ' } },
      'Cette valeur n’a pas la forme attendue : vérifiez-la.',
    ],
  ])('translates %p', async (errors, expected) => {
    expect(await message(errors)).toBe(expected);
  });

  it("shows the API's own message first", async () => {
    expect(await message({ required: true, server: 'Cette adresse est déjà utilisée.' })).toBe(
      'Cette adresse est déjà utilisée.',
    );
  });

  it('lets the page word "required" for a checkbox', async () => {
    expect(await message({ required: true }, 'consent.required')).toBe(
      'Votre consentement est nécessaire.',
    );
  });

  it('shows nothing for a valid field', async () => {
    expect(await message(null)).toBe('');
  });
});

describe('FieldError after a language switch', () => {
  it("replaces the API's message in the previous language by one in the new language", async () => {
    TestBed.configureTestingModule({
      imports: [
        FieldError,
        TranslocoTestingModule.forRoot({
          langs: {
            fr: { validation: { refused: 'Cette valeur a été refusée.' } },
            en: { validation: { refused: 'This value was refused.' } },
          },
          translocoConfig: { availableLangs: ['fr', 'en'], defaultLang: 'fr' },
          preloadLangs: true,
        }),
      ],
    });
    const fixture = TestBed.createComponent(FieldError);
    fixture.componentRef.setInput('errors', { server: 'Cette adresse est déjà utilisée.' });
    await fixture.whenStable();
    const text = () => (fixture.nativeElement as HTMLElement).textContent?.trim();
    expect(text()).toBe('Cette adresse est déjà utilisée.');

    TestBed.inject(TranslocoService).setActiveLang('en');
    await fixture.whenStable();

    expect(text()).toBe('This value was refused.');
  });
});
