export { catalogueRoutes } from './lib/catalogue.routes';
export { ENROLL_ACTION } from './lib/shared/enroll-action';
// Shared with the trainers' area (web-teaching).
export type {
  CompletionRule,
  Course,
  CourseSummary,
  Meeting,
  ModuleOutline,
  PageOf,
  Session,
  SessionBrief,
} from './lib/shared/catalogue-types';
export { CatalogueIcon } from './lib/shared/catalogue-icon';
export type { CatalogueIconName } from './lib/shared/catalogue-icon';
export { DayPipe, DayRangePipe, MonthPipe, TimeRangePipe } from './lib/shared/date-pipes';
export { formatDay, formatMonth, intlLocale } from './lib/shared/formatting';
export { MarkdownView } from './lib/shared/markdown-view';
export { Pager } from './lib/shared/pager';
export { catalogueMessageKeys } from './lib/shared/problem-keys';
export { StatusChip } from './lib/shared/status-chip';
export { completionRuleLines } from './lib/course/completion-rule';
export type { CompletionRuleLine } from './lib/course/completion-rule';
