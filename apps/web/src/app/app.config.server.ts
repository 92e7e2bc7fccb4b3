import { HTTP_TRANSFER_CACHE_ORIGIN_MAP } from '@angular/common/http';
import {
  type ApplicationConfig,
  CSP_NONCE,
  DestroyRef,
  DOCUMENT,
  inject,
  mergeApplicationConfig,
  provideAppInitializer,
  REQUEST,
  REQUEST_CONTEXT,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router } from '@angular/router';
import { provideServerRendering, withRoutes } from '@angular/ssr';
import { TRANSLOCO_LOADER, type Translation, type TranslocoLoader } from '@jsverse/transloco';
import {
  API_BASE_URL,
  API_FETCH,
  httpClientFetch,
  lazyEntriesOf,
  onBehalfOfVisitor,
} from '@oris/web/core';
import { filter } from 'rxjs';
import ar from '../../public/i18n/ar.json';
import en from '../../public/i18n/en.json';
import fr from '../../public/i18n/fr.json';
import { appConfig } from './app.config';
import { serverRoutes } from './app.routes.server';

/** What the production server hands each rendering (tools/web/web-server.mjs). */
export interface RenderContext {
  /** This response's Content-Security-Policy nonce, for the inline scripts Angular writes. */
  cspNonce?: string;
  /** Where the server reaches the API (its API_ORIGIN), not through the public origin. */
  apiOrigin?: string;
  /** The visitor's X-Forwarded-For chain, for the API's per-address limits. */
  forwardedFor?: string;
  /**
   * Written by the rendering: the source files of the lazy routes it loaded (lazyEntriesOf), for
   * the page to fetch their browser chunks ahead (pageRenderer).
   */
  lazyEntries?: string[];
}

const DEFAULT_API_ORIGIN = 'http://127.0.0.1:3000';

function renderContext(): RenderContext {
  return (inject(REQUEST_CONTEXT, { optional: true }) as RenderContext | null) ?? {};
}

function apiOrigin(): string {
  return (renderContext().apiOrigin ?? DEFAULT_API_ORIGIN).replace(/\/+$/, '');
}

const TRANSLATIONS: Record<string, Translation> = { fr, ar, en };

/** The translations come with the server bundle: no request, and always those of this build. */
class BundledTranslations implements TranslocoLoader {
  getTranslation(lang: string): Promise<Translation> {
    const translation = TRANSLATIONS[lang];
    return translation
      ? Promise.resolve(translation)
      : Promise.reject(new Error(`No translations for "${lang}"`));
  }
}

const serverConfig: ApplicationConfig = {
  providers: [
    provideServerRendering(withRoutes(serverRoutes)),
    { provide: TRANSLOCO_LOADER, useClass: BundledTranslations },
    { provide: API_BASE_URL, useFactory: apiOrigin },
    // Each read names the visitor the page is for (their verification and search limits).
    {
      provide: API_FETCH,
      useFactory: () => onBehalfOfVisitor(httpClientFetch(), renderContext().forwardedFor),
    },
    // The reads made here at API_ORIGIN are the browser's at its own origin (transfer cache).
    {
      provide: HTTP_TRANSFER_CACHE_ORIGIN_MAP,
      useFactory: () => {
        const request = inject(REQUEST, { optional: true });
        return request ? { [apiOrigin()]: new URL(request.url).origin } : {};
      },
    },
    { provide: CSP_NONCE, useFactory: () => renderContext().cspNonce ?? null },
    // Which lazy routes this rendering loaded: the page fetches their chunks ahead (server.ts).
    provideAppInitializer(() => {
      const context = renderContext();
      const router = inject(Router);
      router.events
        .pipe(
          filter((event) => event instanceof NavigationEnd),
          takeUntilDestroyed(inject(DestroyRef)),
        )
        .subscribe(() => (context.lazyEntries = lazyEntriesOf(router.config)));
    }),
    // The build writes the event-replay contract into the page as an inline script: this
    // response's nonce lets the browser run it (the CSP allows no other inline script).
    provideAppInitializer(() => {
      const nonce = inject(CSP_NONCE, { optional: true });
      const contract = inject(DOCUMENT).getElementById('ng-event-dispatch-contract');
      if (nonce && contract) contract.setAttribute('nonce', nonce);
    }),
  ],
};

export const config = mergeApplicationConfig(appConfig, serverConfig);
