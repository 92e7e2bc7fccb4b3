import { computed, inject, Injectable, signal } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import {
  ApiError,
  type AuthResponseDto,
  createOrisApiClient,
  type ConsentStatusDto,
  type LoginRequest,
  type MeDto,
  type RegisterRequest,
  unwrap,
  type UserDto,
} from '@oris/shared/api-client';
import type { Role } from '@oris/shared/domain';
import { Subject } from 'rxjs';
import { API_BASE_URL, API_FETCH } from '../api/api.tokens';
import { cookieJar } from '../ssr/cookie-jar';
import { requestDefaults } from '../api/api-middleware';

const REFRESH_LOCK = 'oris-auth-refresh';
/**
 * Set while this browser holds a session: not a credential (the refresh cookie is httpOnly and
 * scoped to /api/v1/auth, so the page cannot see it), only what lets a visitor's first page skip
 * a refresh request that could only answer 401. It outlives any refresh cookie (400 days, the
 * longest a browser keeps one); a refused refresh clears it.
 */
export const SESSION_HINT_COOKIE = 'oris_session';
const SESSION_HINT_MAX_AGE_SECONDS = 400 * 24 * 60 * 60;

/**
 * The signed-in person and their access token. The token lives only in this signal: never in
 * storage, so a script injected into the page cannot read it back later. The refresh token is an
 * httpOnly cookie the browser sends to `/api/v1/auth` on its own.
 */
@Injectable({ providedIn: 'root' })
export class AuthSession {
  private readonly transloco = inject(TranslocoService);
  private readonly cookies = cookieJar();
  // The auth routes take no bearer token, so this client sits below the refresh-retry logic.
  private readonly api = createOrisApiClient({
    baseUrl: inject(API_BASE_URL),
    fetch: inject(API_FETCH),
    middleware: [requestDefaults(() => this.transloco.getActiveLang())],
  });

  private readonly token = signal<string | null>(null);
  private readonly currentUser = signal<MeDto | null>(null);
  private refreshing: Promise<string | null> | null = null;
  private readonly expiredEvents = new Subject<void>();

  readonly user = this.currentUser.asReadonly();
  readonly isSignedIn = computed(() => this.currentUser() !== null);
  readonly roles = computed<readonly Role[]>(() => this.currentUser()?.roles ?? []);
  /** True while the person must answer the personal-data notice before using the app. */
  readonly consentRequired = computed(() => this.currentUser()?.consent?.required ?? false);
  /** Emits when a signed-in session could not be renewed: the person has to sign in again. */
  readonly expired$ = this.expiredEvents.asObservable();

  accessToken(): string | null {
    return this.token();
  }

  hasAnyRole(roles: readonly Role[]): boolean {
    const held = this.roles();
    return roles.some((role) => held.includes(role));
  }

  /**
   * Restores the session from the refresh cookie at start-up; a visitor simply stays signed out,
   * without a request when this browser has not signed in (no session hint).
   */
  async restore(): Promise<void> {
    if (!this.hasSessionHint()) return;
    await this.refresh();
  }

  /**
   * Exchanges the refresh cookie for a new access token. Concurrent callers share one request,
   * and tabs take turns (Web Locks) because the API rotates the cookie and treats the reuse of an
   * old one as theft. A visitor's browser asks nothing.
   */
  refresh(): Promise<string | null> {
    // A browser that holds no session has no cookie to exchange: the API could only answer 401.
    if (!this.isSignedIn() && !this.hasSessionHint()) return Promise.resolve(null);
    this.refreshing ??= this.withRefreshLock(() => this.requestRefresh()).finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  async signIn(credentials: LoginRequest): Promise<MeDto> {
    return this.start(await unwrap(this.api.POST('/api/v1/auth/login', { body: credentials })));
  }

  async register(account: RegisterRequest): Promise<MeDto> {
    return this.start(await unwrap(this.api.POST('/api/v1/auth/register', { body: account })));
  }

  /** Revokes the refresh cookie; the session ends here even when the API cannot be reached. */
  async signOut(): Promise<void> {
    this.end();
    await unwrap(this.api.POST('/api/v1/auth/logout')).catch(() => undefined);
  }

  /** Keeps the session's copy of the person in step after a profile or role change. */
  updateUser(user: UserDto | MeDto): void {
    const current = this.currentUser();
    if (current?.id === user.id) {
      this.currentUser.set({ ...current, ...user });
    }
  }

  /** After the person answered the consent prompt or changed their choice. */
  updateConsent(consent: ConsentStatusDto): void {
    const current = this.currentUser();
    if (current) this.currentUser.set({ ...current, consent });
  }

  private async requestRefresh(): Promise<string | null> {
    try {
      const session = await unwrap(this.api.POST('/api/v1/auth/refresh'));
      this.start(session);
      return session.accessToken;
    } catch (error) {
      if (!(error instanceof ApiError) || error.kind !== 'unauthorized') {
        // Only a refused cookie (401) ends the session. Offline, or the API briefly unavailable
        // (503 while its database restarts), is not signed out: keep the session and let the
        // caller see the failure.
        return null;
      }
      const wasSignedIn = this.isSignedIn();
      this.end();
      if (wasSignedIn) this.expiredEvents.next();
      return null;
    }
  }

  private start(session: AuthResponseDto): MeDto {
    this.token.set(session.accessToken);
    this.currentUser.set(session.user);
    this.writeSessionHint(SESSION_HINT_MAX_AGE_SECONDS);
    return session.user;
  }

  private end(): void {
    this.token.set(null);
    this.currentUser.set(null);
    this.writeSessionHint(0);
  }

  private hasSessionHint(): boolean {
    return this.cookies.read(SESSION_HINT_COOKIE) !== null;
  }

  private writeSessionHint(maxAgeSeconds: number): void {
    this.cookies.write(SESSION_HINT_COOKIE, '1', maxAgeSeconds);
  }

  private async withRefreshLock<T>(task: () => Promise<T>): Promise<T> {
    const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
    return locks ? await locks.request(REFRESH_LOCK, task) : task();
  }
}
