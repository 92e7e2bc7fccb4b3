import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { NotificationBell } from './notification-bell';

const translations = { notifications: { bell: { label: '{{count}} non lues' } } };

async function render(count: number | null) {
  TestBed.configureTestingModule({
    imports: [
      NotificationBell,
      TranslocoTestingModule.forRoot({
        langs: { fr: translations },
        translocoConfig: { availableLangs: ['fr'], defaultLang: 'fr' },
        preloadLangs: true,
      }),
    ],
    providers: [provideRouter([])],
  });
  const fixture = TestBed.createComponent(NotificationBell);
  fixture.componentRef.setInput('count', count);
  await fixture.whenStable();
  const element = fixture.nativeElement as HTMLElement;
  const read = () => ({
    label: element.querySelector('a')?.getAttribute('aria-label'),
    badge: element.querySelector('.badge')?.textContent?.trim() ?? null,
    spoken: element.querySelector('[aria-live="polite"]')?.textContent?.trim(),
  });
  return {
    read,
    async set(next: number | null) {
      fixture.componentRef.setInput('count', next);
      await fixture.whenStable();
    },
  };
}

describe('NotificationBell', () => {
  it('names the link with the unread count and shows a badge beside the icon', async () => {
    const bell = await render(3);
    expect(bell.read()).toEqual({ label: '3 non lues', badge: '3', spoken: '' });
  });

  it('shows no badge when nothing is unread or the count is unknown', async () => {
    expect((await render(0)).read().badge).toBeNull();
    TestBed.resetTestingModule();
    expect((await render(null)).read()).toEqual({ label: '0 non lues', badge: null, spoken: '' });
  });

  it('speaks when the count grows, not when the page starts nor when it falls', async () => {
    const bell = await render(2);
    expect(bell.read().spoken).toBe('');
    await bell.set(1);
    expect(bell.read().spoken).toBe('');
    await bell.set(4);
    expect(bell.read().spoken).toBe('4 non lues');
  });

  it('caps the badge at 99+', async () => {
    expect((await render(250)).read().badge).toBe('99+');
  });
});
