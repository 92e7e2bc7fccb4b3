export { provideOrisCore } from './lib/core.providers';
export { API_BASE_URL, API_FETCH } from './lib/api/api.tokens';
export type { FetchFn } from './lib/api/api.tokens';
export { ORIS_API } from './lib/api/oris-api';
export { AuthSession } from './lib/auth/auth-session';
export {
  CONSENT_PATH,
  consentGuard,
  FORBIDDEN_PATH,
  guestGuard,
  roleGuard,
  safeReturnUrl,
  SIGN_IN_PATH,
  signedInGuard,
} from './lib/auth/auth.guards';
export { DEFAULT_LANDING, landingPath, ROLE_LANDINGS } from './lib/auth/landing';
export { directionOf, isLocale, LOCALE_NAMES } from './lib/i18n/language';
export type { TextDirection } from './lib/i18n/language';
export { LanguageService } from './lib/i18n/language.service';
export { pageTitleFrom } from './lib/i18n/page-title';
export { resolveIcu } from './lib/i18n/icu-transpiler';
export { RegionsService } from './lib/regions/regions.service';
export type { RegionOption } from './lib/regions/regions.service';
export { applyServerErrors } from './lib/forms/server-errors';
export { formSubmission } from './lib/forms/form-submission';
export { phoneNumber } from './lib/forms/phone-number';
export { timeOfDay } from './lib/forms/time-of-day';
export type { FormSubmission } from './lib/forms/form-submission';
export type {
  CompletionRule,
  Course,
  CourseSummary,
  Meeting,
  ModuleOutline,
  PageOf,
  Session,
  SessionBrief,
} from './lib/api/catalogue-types';
export { ENROLL_ACTION } from './lib/extension/enroll-action';
export { latestLoad } from './lib/data/latest-load';
export type { LatestLoad, LatestLoadOptions } from './lib/data/latest-load';
export { codeFrom } from './lib/verification/verification-code';
export { NotificationFeed, UNREAD_POLL_MS } from './lib/notifications/notification-feed';
export type { AppNotification, NotificationOrder } from './lib/notifications/notification-feed';
export { AnnouncementsApi } from './lib/announcements/announcements-api';
export type {
  Announcement,
  AnnouncementChange,
  AnnouncementInput,
  Unsubscribed,
} from './lib/announcements/announcements-api';
export { structuredData } from './lib/seo/structured-data';
export type { StructuredData } from './lib/seo/structured-data';
export { PageMeta, pageMeta, translatedPageMeta } from './lib/seo/page-meta';
export type { PageDescription } from './lib/seo/page-meta';
export { provideServerRenderedPages } from './lib/ssr/ssr.providers';
export { onBehalfOfVisitor } from './lib/ssr/on-behalf-of-visitor';
export { scheduleAppStart } from './lib/ssr/schedule-app-start';
export { type BuildStats, lazyEntriesOf, routeChunks } from './lib/ssr/route-chunks';
export {
  FILES_DROPPED_BEFORE_START,
  takeFileDroppedBeforeStart,
} from './lib/ssr/dropped-before-start';
export { httpClientFetch } from './lib/api/http-client-fetch';
export { cookieJar, cookieValue } from './lib/ssr/cookie-jar';
export type { CookieJar } from './lib/ssr/cookie-jar';
