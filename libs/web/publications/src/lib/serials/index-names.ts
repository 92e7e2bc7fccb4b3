import { computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { TranslocoService } from '@jsverse/transloco';
import { type ObservatoryIndex, SerialsApi } from './serials-api';

/** The indexes with their names in the interface language, loaded once per page. */
export function indexNames() {
  const api = inject(SerialsApi);
  const transloco = inject(TranslocoService);
  const language = toSignal(transloco.langChanges$, { initialValue: transloco.getActiveLang() });
  const list = signal<ObservatoryIndex[]>([]);
  api.indexes().then(
    (indexes) => list.set(indexes),
    () => undefined,
  );
  const nameOf = (index: ObservatoryIndex) =>
    language() === 'ar' ? index.nameAr : language() === 'en' ? index.nameEn : index.nameFr;
  const names = computed(
    () => new Map<string, string>(list().map((index) => [index.code, nameOf(index)])),
  );
  return {
    list,
    options: computed(() => list().map((index) => ({ code: index.code, name: nameOf(index) }))),
    nameOf: (code: string) => names().get(code) ?? code,
    set: (index: ObservatoryIndex) =>
      list.update((all) => all.map((item) => (item.code === index.code ? index : item))),
  };
}
