import { BreakpointObserver } from '@angular/cdk/layout';
import { Dir } from '@angular/cdk/bidi';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DOCUMENT,
  type ElementRef,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatMenuModule } from '@angular/material/menu';
import { MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { AuthSession, LanguageService, NotificationFeed, SIGN_IN_PATH } from '@oris/web/core';
import { Icon, NotificationBell } from '@oris/web/ui';
import { distinctUntilChanged, filter, map, skip } from 'rxjs';
import { EmailConfirmationBanner } from './layout/email-confirmation-banner';
import { LanguageMenu } from './layout/language-menu';
import { NAV_LINKS, visibleLinks } from './layout/navigation';

const WIDE_SCREEN = '(min-width: 960px)';

@Component({
  selector: 'oris-root',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    Dir,
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    MatButtonModule,
    MatMenuModule,
    MatSidenavModule,
    MatToolbarModule,
    TranslocoPipe,
    Icon,
    LanguageMenu,
    EmailConfirmationBanner,
    NotificationBell,
  ],
  templateUrl: './app.html',
  styleUrl: './app.scss',
})
export class App {
  protected readonly session = inject(AuthSession);
  protected readonly language = inject(LanguageService);
  /** The bell's unread count: polled while the tab is visible (see NotificationFeed). */
  protected readonly notifications = inject(NotificationFeed);
  private readonly router = inject(Router);
  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');

  protected readonly wide = toSignal(
    inject(BreakpointObserver)
      .observe(WIDE_SCREEN)
      .pipe(map((state) => state.matches)),
    { initialValue: true },
  );
  /** On narrow screens the navigation is a drawer, closed until asked for. */
  protected readonly drawerOpen = signal(false);
  protected readonly links = computed(() =>
    visibleLinks(NAV_LINKS, this.session.isSignedIn(), this.session.roles()),
  );

  constructor() {
    // Marks the page once the app has drawn its shell in the browser (hydrated it, for a
    // server-rendered page; the route's own content may follow a moment later): the browser
    // journeys wait for it before using the app's controls.
    const root = inject(DOCUMENT).documentElement;
    afterNextRender(() => root.setAttribute('data-interactive', ''));
    this.notifications.start();
    this.router.events
      .pipe(
        filter((event) => event instanceof NavigationEnd),
        // A new page, not new query parameters: filtering a list must leave the focus in the filters.
        map((event) => event.urlAfterRedirects.split(/[?#]/)[0]),
        distinctUntilChanged(),
        // The first page keeps the browser's own start-up focus.
        skip(1),
        takeUntilDestroyed(),
      )
      .subscribe(() => {
        this.drawerOpen.set(false);
        // Screen-reader and keyboard users start reading the new page, not the old link.
        this.main().nativeElement.focus({ preventScroll: true });
      });

    // Back to the same page once signed in again.
    this.session.expired$.pipe(takeUntilDestroyed()).subscribe(
      () =>
        void this.router.navigate([SIGN_IN_PATH], {
          queryParams: { returnUrl: this.router.url },
        }),
    );
  }

  protected skipToContent(event: Event): void {
    event.preventDefault();
    this.main().nativeElement.focus();
  }

  protected async signOut(): Promise<void> {
    await this.session.signOut();
    await this.router.navigateByUrl(SIGN_IN_PATH);
  }
}
