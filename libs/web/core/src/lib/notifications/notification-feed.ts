import { DOCUMENT } from '@angular/common';
import { DestroyRef, effect, inject, Injectable, signal } from '@angular/core';
import { NavigationEnd, Router } from '@angular/router';
import { unwrap, type components } from '@oris/shared/api-client';
import { filter } from 'rxjs';
import { ORIS_API } from '../api/oris-api';
import type { PageOf } from '../api/catalogue-types';
import { AuthSession } from '../auth/auth-session';

export type AppNotification = components['schemas']['NotificationDto'];
export type NotificationOrder = 'newest' | 'unread_first';

/** How often the unread count is asked for while the tab is visible. */
export const UNREAD_POLL_MS = 60_000;

/**
 * The signed-in person's notification centre: the list, the read marks and the unread count the
 * header's bell shows. The count is one indexed query, asked for on each navigation and every
 * minute while the tab is visible; a hidden tab asks nothing until it is shown again. Polling
 * rather than server-sent events: a notification may wait a minute, the API stays stateless
 * behind any proxy, and a reconnecting stream per open tab would cost more than a count.
 */
@Injectable({ providedIn: 'root' })
export class NotificationFeed {
  private readonly api = inject(ORIS_API);
  private readonly session = inject(AuthSession);
  private readonly document = inject(DOCUMENT);
  private readonly unreadCount = signal<number | null>(null);
  private timer: ReturnType<typeof setInterval> | null = null;
  private started = false;

  /** Unread notifications; null when signed out or not known yet. */
  readonly unread = this.unreadCount.asReadonly();

  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);

  constructor() {
    // Signing in or out changes whose count it is.
    effect(() => {
      if (this.session.user()) void this.refresh();
      else this.unreadCount.set(null);
    });
  }

  /** Starts the polling (the app shell calls it once). */
  start(): void {
    if (this.started) return;
    this.started = true;
    const subscription = this.router.events
      .pipe(filter((event) => event instanceof NavigationEnd))
      .subscribe(() => void this.refresh());
    const onVisibility = () => {
      if (this.visible()) {
        void this.refresh();
        this.schedule();
      } else this.stopTimer();
    };
    this.document.addEventListener('visibilitychange', onVisibility);
    this.schedule();
    this.destroyRef.onDestroy(() => {
      subscription.unsubscribe();
      this.document.removeEventListener('visibilitychange', onVisibility);
      this.stopTimer();
    });
  }

  /** Asks for the unread count now (signed in and visible only). */
  async refresh(): Promise<void> {
    if (!this.session.user() || !this.visible()) return;
    try {
      const { unread } = await unwrap(this.api.GET('/api/v1/me/notifications/unread-count'));
      this.unreadCount.set(unread);
    } catch {
      // A missed count is asked again at the next navigation or minute; the bell keeps the last.
    }
  }

  list(query: { page: number; pageSize: number; order: NotificationOrder }) {
    return unwrap(this.api.GET('/api/v1/me/notifications', { params: { query } })) as Promise<
      PageOf<AppNotification>
    >;
  }

  async markRead(id: string): Promise<AppNotification> {
    const read = await unwrap(
      this.api.POST('/api/v1/me/notifications/{id}/read', { params: { path: { id } } }),
    );
    await this.refresh();
    return read;
  }

  async markAllRead(): Promise<void> {
    await unwrap(this.api.POST('/api/v1/me/notifications/read-all'));
    this.unreadCount.set(0);
  }

  private visible(): boolean {
    return this.document.visibilityState !== 'hidden';
  }

  private schedule(): void {
    this.stopTimer();
    this.timer = setInterval(() => void this.refresh(), UNREAD_POLL_MS);
  }

  private stopTimer(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }
}
