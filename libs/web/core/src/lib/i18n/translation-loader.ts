import { Injectable } from '@angular/core';
import type { Translation, TranslocoLoader } from '@jsverse/transloco';

/**
 * Loads `i18n/<lang>.json` from the app's public assets with plain fetch, so translations stay
 * out of the JavaScript bundles and no HttpClient is needed.
 */
@Injectable({ providedIn: 'root' })
export class TranslationLoader implements TranslocoLoader {
  async getTranslation(lang: string): Promise<Translation> {
    const response = await fetch(`i18n/${encodeURIComponent(lang)}.json`);
    if (!response.ok) {
      throw new Error(`Translations for "${lang}" could not be loaded (HTTP ${response.status})`);
    }
    return (await response.json()) as Translation;
  }
}
