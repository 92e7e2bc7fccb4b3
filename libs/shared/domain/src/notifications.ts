/**
 * What an in-app notification can be about. The web words each kind with the ICU message
 * `notifications.kinds.<kind>` and the notification's `params`; a feature that posts a new kind
 * adds it here and its message in the three translation files.
 */
export const NOTIFICATION_KINDS = ['announcement'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** The two orders of a notification list. */
export const NOTIFICATION_ORDERS = ['newest', 'unread_first'] as const;
export type NotificationOrder = (typeof NOTIFICATION_ORDERS)[number];

/** Announcements: the limits the API checks and the web forms show. */
export const ANNOUNCEMENT_TITLE_MAX = 200;
export const ANNOUNCEMENT_BODY_MAX = 10_000;
