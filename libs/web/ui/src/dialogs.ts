// The confirmation dialog and the guard that asks through it before unsaved changes are left,
// apart from the main entry point (index.ts) because they bring Angular Material's dialog and its
// overlay: pages that confirm nothing stay without them.
export { ConfirmDialog, Confirmation } from './lib/confirm-dialog';
export type { ConfirmRequest } from './lib/confirm-dialog';
export { unsavedChanges, unsavedChangesGuard } from './lib/unsaved-changes';
export type { HasUnsavedChanges } from './lib/unsaved-changes';
