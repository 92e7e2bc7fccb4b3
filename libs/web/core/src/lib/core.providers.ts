import {
  type EnvironmentProviders,
  inject,
  isDevMode,
  makeEnvironmentProviders,
  provideAppInitializer,
} from '@angular/core';
import { TitleStrategy } from '@angular/router';
import { provideTransloco, provideTranslocoTranspiler } from '@jsverse/transloco';
import { DEFAULT_LOCALE, LOCALES } from '@oris/shared/domain';
import { AuthSession } from './auth/auth-session';
import { IcuTranspiler } from './i18n/icu-transpiler';
import { LanguageService } from './i18n/language.service';
import { TranslatedTitleStrategy } from './i18n/translated-title-strategy';
import { TranslationLoader } from './i18n/translation-loader';

/**
 * Session, translations (with ICU plurals) and page titles. At start-up the session is restored from the refresh
 * cookie before the first route is chosen (when this browser has signed in), so guards see who is
 * signed in, and the language is loaded before the first render.
 */
export function provideOrisCore(): EnvironmentProviders {
  return makeEnvironmentProviders([
    provideTransloco({
      config: {
        availableLangs: [...LOCALES],
        defaultLang: DEFAULT_LOCALE,
        reRenderOnLangChange: true,
        prodMode: !isDevMode(),
        missingHandler: { useFallbackTranslation: false, logMissingKey: isDevMode() },
      },
      loader: TranslationLoader,
    }),
    provideTranslocoTranspiler(IcuTranspiler),
    { provide: TitleStrategy, useExisting: TranslatedTitleStrategy },
    provideAppInitializer(async () => {
      const session = inject(AuthSession);
      const language = inject(LanguageService);
      // At once: the device's language loads (index.html preloads the default one) while the
      // session is restored; then a signed-in person's saved language, if it differs.
      await Promise.all([session.restore(), language.initialise()]);
      const saved = session.user()?.locale;
      if (saved && saved !== language.language()) await language.initialise();
    }),
  ]);
}
