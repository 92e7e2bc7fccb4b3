import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { fakeApi } from '@oris/web/testing';
import { API_FETCH } from '../api/api.tokens';
import { AuthSession } from '../auth/auth-session';
import { NotificationFeed } from './notification-feed';

let visibility: DocumentVisibilityState = 'visible';
Object.defineProperty(document, 'visibilityState', {
  configurable: true,
  get: () => visibility,
});

const flush = async () => {
  for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setTimeout(resolve));
};

function setUp(signedIn: boolean) {
  let unread = 3;
  const api = fakeApi({
    'GET /api/v1/me/notifications/unread-count': () => Response.json({ unread }),
    'POST /api/v1/me/notifications/read-all': () => Response.json({ marked: unread }),
  });
  const user = signal(signedIn ? { id: 'u1', fullName: 'Imane' } : null);
  TestBed.configureTestingModule({
    imports: [
      TranslocoTestingModule.forRoot({
        langs: { fr: {} },
        translocoConfig: { availableLangs: ['fr'], defaultLang: 'fr' },
      }),
    ],
    providers: [
      provideRouter([{ path: '**', children: [] }]),
      { provide: API_FETCH, useValue: api.fetch },
      {
        provide: AuthSession,
        useValue: { user, accessToken: () => 'token', refresh: async () => null },
      },
    ],
  });
  const feed = TestBed.inject(NotificationFeed);
  const counts = () =>
    api.calls.filter((call) => call.path === '/api/v1/me/notifications/unread-count').length;
  return { feed, counts, user, setUnread: (value: number) => (unread = value) };
}

describe('NotificationFeed', () => {
  beforeEach(() => (visibility = 'visible'));
  afterEach(() => TestBed.resetTestingModule());

  it('asks for the count once signed in, and forgets it on signing out', async () => {
    const { feed, counts, user } = setUp(true);
    TestBed.tick();
    await flush();
    expect(feed.unread()).toBe(3);
    expect(counts()).toBe(1);
    user.set(null);
    TestBed.tick();
    expect(feed.unread()).toBeNull();
  });

  it('asks again on each navigation, and not at all while the tab is hidden', async () => {
    const { feed, counts, setUnread } = setUp(true);
    feed.start();
    TestBed.tick();
    await flush();
    const before = counts();
    setUnread(5);
    await TestBed.inject(Router).navigateByUrl('/learning');
    await flush();
    expect(counts()).toBe(before + 1);
    expect(feed.unread()).toBe(5);

    visibility = 'hidden';
    document.dispatchEvent(new Event('visibilitychange'));
    await TestBed.inject(Router).navigateByUrl('/teaching');
    await feed.refresh();
    await flush();
    expect(counts()).toBe(before + 1);

    // Shown again: asked at once.
    setUnread(6);
    visibility = 'visible';
    document.dispatchEvent(new Event('visibilitychange'));
    await flush();
    expect(counts()).toBe(before + 2);
    expect(feed.unread()).toBe(6);
  });

  it('asks nothing for a visitor', async () => {
    const { feed, counts } = setUp(false);
    feed.start();
    TestBed.tick();
    await feed.refresh();
    await flush();
    expect(counts()).toBe(0);
    expect(feed.unread()).toBeNull();
  });

  it('empties the count when everything is marked read', async () => {
    const { feed } = setUp(true);
    TestBed.tick();
    await flush();
    await feed.markAllRead();
    expect(feed.unread()).toBe(0);
  });
});
