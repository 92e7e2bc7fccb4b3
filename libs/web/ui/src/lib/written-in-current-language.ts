import { computed, inject, linkedSignal, type Signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { TranslocoService } from '@jsverse/transloco';

/**
 * Whether the interface is still in the language it was in when `value` last changed: text the
 * API wrote (a problem, a refused field) is in the language it was asked in, and must not stay on
 * screen in that language after a switch. Call it in an injection context.
 */
export function writtenInCurrentLanguage(value: () => unknown): Signal<boolean> {
  const transloco = inject(TranslocoService);
  const language = toSignal(transloco.langChanges$, { initialValue: transloco.getActiveLang() });
  const writtenIn = linkedSignal({ source: value, computation: () => untracked(language) });
  return computed(() => writtenIn() === language());
}
