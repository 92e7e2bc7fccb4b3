import type {
  CourseStatus,
  CourseTheme,
  DeliveryMode,
  Locale,
  SessionStatus,
} from '@oris/shared/domain';

export interface DemoModule {
  title: string;
  minutes: number;
  required?: boolean;
  content: string;
  resources?: { title: string; url: string }[];
}

export interface DemoSession {
  /** Key under which the seed reports the session's id (for the enrollment seed). */
  key: string;
  /**
   * `{season}` and `{year}` are those of the first day (in the course's first language), so the
   * name stays true whatever day the demo is seeded on: see `demoSessionTitle`.
   */
  title: string;
  regionCode: string;
  /** Days from today to the first and last day. */
  startIn: number;
  days: number;
  status: SessionStatus;
  capacity: number;
  venue?: string;
  onlineUrl?: string;
  approvalRequired?: boolean;
  /** Hour of each day's meeting, Moroccan time. */
  meetingHour?: number;
}

export interface DemoCourse {
  code: string;
  title: string;
  summary: string;
  description: string;
  theme: CourseTheme;
  languages: Locale[];
  deliveryMode: DeliveryMode;
  durationHours: number;
  learningOutcomes: string[];
  minAttendancePercent: number | null;
  trainerValidation: boolean;
  status: CourseStatus;
  modules: DemoModule[];
  sessions: DemoSession[];
}
