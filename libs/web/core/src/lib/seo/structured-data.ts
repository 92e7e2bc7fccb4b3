import { DestroyRef, DOCUMENT, inject } from '@angular/core';

/** A public page's schema.org description, as `structuredData()` hands it to the page. */
export interface StructuredData {
  /** Describes the page with `data` (replacing what it said before). */
  describe(data: unknown): void;
  /** Removes the description (the page shows nothing to describe, or another record next). */
  clear(): void;
}

/**
 * The one way a public page describes its record to search engines: a single JSON-LD script in
 * `<head>`, replaced on each `describe`, removed with the page. `<` is escaped, so no text of a
 * record can close the script element. Call it in an injection context (a field initialiser).
 */
export function structuredData(): StructuredData {
  const document = inject(DOCUMENT);
  let script: HTMLScriptElement | null = null;
  const clear = () => {
    script?.remove();
    script = null;
  };
  inject(DestroyRef).onDestroy(clear);
  return {
    describe(data) {
      // A server-rendered page comes with its description: the browser takes it over.
      script ??=
        document.head.querySelector<HTMLScriptElement>('script[type="application/ld+json"]') ??
        document.createElement('script');
      script.type = 'application/ld+json';
      script.textContent = JSON.stringify(data).replace(/</g, '\\u003c');
      if (!script.isConnected) document.head.appendChild(script);
    },
    clear,
  };
}
