import { inject, linkedSignal, type WritableSignal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { TranslocoService } from '@jsverse/transloco';

/**
 * A message written once in the interface language (what a live region just announced): it
 * empties when the language changes, so that nothing stays on screen in the previous language.
 * Call it in an injection context.
 */
export function transientText(): WritableSignal<string> {
  const transloco = inject(TranslocoService);
  const language = toSignal(transloco.langChanges$, { initialValue: transloco.getActiveLang() });
  return linkedSignal({ source: language, computation: () => '' });
}
