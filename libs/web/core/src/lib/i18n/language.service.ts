import { computed, DOCUMENT, effect, inject, Injectable, signal, untracked } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import { unwrap } from '@oris/shared/api-client';
import { DEFAULT_LOCALE, type Locale } from '@oris/shared/domain';
import { firstValueFrom } from 'rxjs';
import { ORIS_API } from '../api/oris-api';
import { AuthSession } from '../auth/auth-session';
import { cookieJar } from '../ssr/cookie-jar';
import { directionOf, isLocale } from './language';

// A preference, not a credential: it lets a visitor keep their language before signing in.
const LANGUAGE_COOKIE = 'oris_lang';
const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/**
 * The interface language: translations, `<html lang>` and `dir` (Arabic mirrors the layout).
 * A signed-in person's choice is saved on their account; the device also remembers the last
 * language used, in a cookie, for the pages seen before signing in.
 */
@Injectable({ providedIn: 'root' })
export class LanguageService {
  private readonly transloco = inject(TranslocoService);
  private readonly document = inject(DOCUMENT);
  private readonly session = inject(AuthSession);
  private readonly cookies = cookieJar();
  private readonly api = inject(ORIS_API);

  private readonly current = signal<Locale>(DEFAULT_LOCALE);
  readonly language = this.current.asReadonly();
  readonly direction = computed(() => directionOf(this.current()));

  constructor() {
    // Signing in brings the language saved on the account.
    effect(() => {
      const saved = this.session.user()?.locale;
      if (saved && saved !== untracked(this.current)) {
        void untracked(() => this.apply(saved));
      }
    });
  }

  /** Chooses the start-up language: the account's, else the visitor's cookie, else French. */
  async initialise(): Promise<void> {
    await this.apply(this.session.user()?.locale ?? this.readCookie() ?? DEFAULT_LOCALE);
  }

  /** Switches the interface now and saves the choice; rejects if the account could not be updated. */
  async switchTo(language: Locale): Promise<void> {
    await this.apply(language);
    const user = this.session.user();
    if (user && user.locale !== language) {
      const updated = await unwrap(this.api.PATCH('/api/v1/me', { body: { locale: language } }));
      this.session.updateUser(updated);
    }
  }

  /**
   * Shows a page in the language of the person it was sent to (a follow-up survey link opened
   * without signing in). Someone signed in keeps their own choice; the language menu still
   * switches, and the device remembers it like any choice.
   */
  async showIn(language: Locale): Promise<void> {
    if (this.session.user() || language === this.current()) return;
    await this.apply(language);
  }

  private async apply(language: Locale): Promise<void> {
    await firstValueFrom(this.transloco.load(language));
    this.transloco.setActiveLang(language);
    this.current.set(language);
    const root = this.document.documentElement;
    root.lang = language;
    root.dir = directionOf(language);
    this.writeCookie(language);
  }

  private readCookie(): Locale | null {
    const value = this.cookies.read(LANGUAGE_COOKIE);
    return isLocale(value) ? value : null;
  }

  private writeCookie(language: Locale): void {
    this.cookies.write(LANGUAGE_COOKIE, language, ONE_YEAR_SECONDS);
  }
}
