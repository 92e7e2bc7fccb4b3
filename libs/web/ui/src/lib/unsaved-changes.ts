import { DestroyRef, inject } from '@angular/core';
import type { CanDeactivateFn } from '@angular/router';
import { Confirmation } from './confirm-dialog';

/** A routed page with an editor: whether leaving now would lose what the person typed. */
export interface HasUnsavedChanges {
  hasUnsavedChanges(): boolean;
}

/**
 * Keeps an editor's unsaved changes: closing or reloading the tab while `dirty()` is true makes
 * the browser ask (`beforeunload`), and the returned function is the page's `hasUnsavedChanges`,
 * which `unsavedChangesGuard` reads before an in-app navigation. Call in an injection context (a
 * field initializer); the listener goes with the page.
 */
export function unsavedChanges(dirty: () => boolean): () => boolean {
  const warn = (event: BeforeUnloadEvent) => {
    if (!dirty()) return;
    event.preventDefault();
    // Older browsers ask only when a value is set; the text itself is never shown.
    event.returnValue = '';
  };
  window.addEventListener('beforeunload', warn);
  inject(DestroyRef).onDestroy(() => window.removeEventListener('beforeunload', warn));
  return dirty;
}

/**
 * The one `canDeactivate` guard of every editor route: leaving a page whose changes are not saved
 * asks first (stay is the focused choice); a page without changes is left at once.
 */
export const unsavedChangesGuard: CanDeactivateFn<HasUnsavedChanges> = (page) =>
  !page?.hasUnsavedChanges?.() ||
  inject(Confirmation).ask({
    titleKey: 'ui.unsaved.title',
    textKey: 'ui.unsaved.text',
    confirmKey: 'ui.unsaved.leave',
    cancelKey: 'ui.unsaved.stay',
    destructive: true,
  });
