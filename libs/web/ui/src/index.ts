// The main entry point: what the shell and most pages use, light to load. The components that
// bring heavy parts of Angular Material or Angular's forms have entry points of their own
// (@oris/web/ui/dates, /dialogs, /forms), so that importing an icon does not load a datepicker:
// with one entry point for all, the shell pulled all of them into every page's first download.
export { Icon } from './lib/icon';
export type { IconName } from './lib/icon';
export { ProblemAlert } from './lib/problem-alert';
export { Chip } from './lib/chip';
export type { ChipTone } from './lib/chip';
export { EnrollmentStatusChip } from './lib/enrollment-status-chip';
export { saveFile } from './lib/save-file';
export { DayPipe, DayRangePipe, MonthPipe, TimeRangePipe } from './lib/date-pipes';
export { formatDay, formatMonth, intlLocale } from './lib/formatting';
export { MarkdownView } from './lib/markdown-view';
export { Pager } from './lib/pager';
export { FileDropZone } from './lib/file-drop-zone';
export { StatusChip } from './lib/status-chip';
export type { StatusKind } from './lib/status-chip';
export { catalogueMessageKeys } from './lib/catalogue-problem-keys';
export { transientText } from './lib/transient-text';
export { writtenInCurrentLanguage } from './lib/written-in-current-language';
export { NotificationBell } from './lib/notification-bell';
export { AnnouncementList } from './lib/announcement-list';
export type { AnnouncementItem } from './lib/announcement-list';
export { VideoEmbed } from './lib/video-embed';
export { MaterialList, materialTitle, fileSizeText } from './lib/material-list';
export type { MaterialView } from './lib/material-list';
