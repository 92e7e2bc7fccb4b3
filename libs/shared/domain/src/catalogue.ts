/** Vocabularies and pure rules of the training catalogue, shared by the server and the web app. */

export const COURSE_THEMES = [
  'social_entrepreneurship',
  'project_engineering',
  'impact_measurement',
  'cooperatives',
  'territorial_design',
  'advocacy_partnerships',
  'digital_inclusion',
  'other',
] as const;
export type CourseTheme = (typeof COURSE_THEMES)[number];

export const DELIVERY_MODES = ['in_person', 'online', 'blended'] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

export const COURSE_STATUSES = ['draft', 'published', 'archived'] as const;
export type CourseStatus = (typeof COURSE_STATUSES)[number];

export const MODULE_STATUSES = ['draft', 'published'] as const;
export type ModuleStatus = (typeof MODULE_STATUSES)[number];

export const SESSION_STATUSES = ['planned', 'open', 'running', 'completed', 'cancelled'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/** Limits the API enforces, so that forms can say them before the server refuses. */
export const CATALOGUE_LIMITS = {
  codeMaxLength: 20,
  titleMaxLength: 200,
  summaryMaxLength: 500,
  descriptionMaxLength: 20_000,
  moduleContentMaxLength: 100_000,
  learningOutcomesMax: 20,
  learningOutcomeMaxLength: 300,
  durationHoursMax: 1_000,
  estimatedMinutesMax: 6_000,
  resourcesMax: 20,
  urlMaxLength: 2_000,
  venueMaxLength: 300,
  capacityMin: 1,
  capacityMax: 1_000,
  meetingsMax: 200,
  meetingLabelMaxLength: 120,
  trainersMax: 20,
} as const;

/** Course codes such as `SI-101`: capitals and digits in dash-separated groups. */
export const COURSE_CODE_PATTERN = /^[A-Z0-9]{1,10}(-[A-Z0-9]{1,10}){0,3}$/;

/**
 * Status machines. A course is published once and archived for good; a session runs forward
 * only and may be cancelled until it is completed.
 */
export const COURSE_TRANSITIONS: Readonly<Record<CourseStatus, readonly CourseStatus[]>> = {
  draft: ['published', 'archived'],
  published: ['archived'],
  archived: [],
};

export const MODULE_TRANSITIONS: Readonly<Record<ModuleStatus, readonly ModuleStatus[]>> = {
  draft: ['published'],
  published: [],
};

export const SESSION_TRANSITIONS: Readonly<Record<SessionStatus, readonly SessionStatus[]>> = {
  planned: ['open', 'cancelled'],
  open: ['running', 'cancelled'],
  running: ['completed', 'cancelled'],
  completed: [],
  cancelled: [],
};

export const canMoveCourse = (from: CourseStatus, to: CourseStatus): boolean =>
  COURSE_TRANSITIONS[from].includes(to);

export const canMoveModule = (from: ModuleStatus, to: ModuleStatus): boolean =>
  MODULE_TRANSITIONS[from].includes(to);

export const canMoveSession = (from: SessionStatus, to: SessionStatus): boolean =>
  SESSION_TRANSITIONS[from].includes(to);

/** Seats still free in a session (the database also keeps confirmed ≤ capacity). */
export const seatsLeft = (capacity: number, confirmedCount: number): number =>
  Math.max(0, capacity - confirmedCount);
