import { DestroyRef, effect, inject } from '@angular/core';
import { TranslatedTitleStrategy } from './translated-title-strategy';

/**
 * Names the browser's tab after what the page shows (a course's title) rather than its route's
 * translated key, while the calling component lives: "<name> · <app name>", the app's name in
 * the reader's language. Until `name` gives something, and once the component is gone, the
 * route's key names the page. Call it in an injection context (a field or the constructor).
 */
export function pageTitleFrom(name: () => string | null | undefined): void {
  const strategy = inject(TranslatedTitleStrategy);
  effect(() => strategy.showPageName(name() || null));
  inject(DestroyRef).onDestroy(() => strategy.showPageName(null));
}
