import type { Page } from 'playwright-core';
import { baseUrl } from './browser';

/** The two screens every journey looks at: a phone and a laptop. */
export const PHONE = { width: 390, height: 844 };
export const LAPTOP = { width: 1366, height: 900 };

/** Below this width the shell's navigation is a drawer (`WIDE_SCREEN` in apps/web/src/app/app.ts). */
const WIDE_SCREEN_WIDTH = 960;

/** The languages the journeys switch between (English is checked by the unit tests). */
export type Language = 'fr' | 'ar';

/** Switches the interface's language with the language menu, unless it is already the one. */
export async function chooseLanguage(page: Page, language: Language): Promise<void> {
  if ((await page.evaluate(() => document.documentElement.lang)) === language) return;
  await page.locator('oris-language-menu button').click();
  await page
    .getByRole('menuitemradio', { name: language === 'ar' ? 'العربية' : 'Français' })
    .click();
  await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
}

/**
 * Waits until the app runs in the page (App marks `<html data-interactive>`): a server-rendered
 * page shows its text and fields before, and what is typed then is kept, but a journey that uses
 * the app's own controls (a menu, a dialog) needs it started. Such a page starts its app when the
 * visitor first reaches for it, so the journey first moves the pointer, as the visitor would.
 */
export async function untilInteractive(page: Page): Promise<void> {
  await reachFor(page);
  await page.locator('html[data-interactive]').waitFor({ state: 'attached' });
  // The routed page may be hydrated a moment after the shell.
  await untilHydrated(page);
}

/**
 * Waits until Angular has hydrated the page and replayed the visitor's early events: it then takes
 * the `jsaction` attributes (where the server's HTML listed the events to record) off the
 * elements it hydrated. A browser-rendered page has none.
 */
export async function untilHydrated(page: Page): Promise<void> {
  await reachFor(page);
  await page.waitForFunction(() => document.querySelector('main [jsaction]') === null);
}

/**
 * Moves the pointer over the page, in its corner (nothing there reacts to hovering), as a visitor
 * does before using it: a server-rendered page starts its app at the first pointer movement,
 * touch, key or focus (scheduleAppStart). Two moves: at least one goes somewhere new.
 */
export async function reachFor(page: Page): Promise<void> {
  await page.mouse.move(1, 1);
  await page.mouse.move(2, 2);
}

/** Opens a page of the app and waits until its heading is there and its requests are done. */
export async function visit(page: Page, path: string): Promise<void> {
  await page.goto(`${baseUrl()}${path}`);
  await page.locator('main h1').waitFor();
  await page.waitForLoadState('networkidle');
}

/**
 * Shows the page on a screen of `size`, as a person with that screen would see it. Narrowed
 * from a laptop's width, the shell keeps its navigation open, now as a drawer over the page: a
 * phone never opens it by itself, so it is closed with the menu button.
 */
export async function resizeTo(page: Page, size: { width: number; height: number }): Promise<void> {
  await page.setViewportSize(size);
  if (size.width >= WIDE_SCREEN_WIDTH) return;
  // A page without the shell (none yet) has no navigation to close.
  if ((await page.locator('mat-sidenav').count()) === 0) return;
  const menu = page.locator('button[aria-controls="main-navigation"]');
  await menu.waitFor();
  // Pressed without the pointer: nothing left hovered or focused, and an open overlay (a
  // datepicker being looked at) stays open.
  if ((await menu.getAttribute('aria-expanded')) === 'true') await menu.dispatchEvent('click');
  // Closed once it has slid away: hidden, its backdrop gone.
  await page.waitForFunction(() => {
    const drawer = document.querySelector('mat-sidenav');
    return (
      drawer !== null &&
      getComputedStyle(drawer).visibility === 'hidden' &&
      !document.querySelector('.mat-drawer-backdrop.mat-drawer-shown')
    );
  });
}
