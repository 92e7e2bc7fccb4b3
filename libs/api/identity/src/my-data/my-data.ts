import { ApiProperty } from '@nestjs/swagger';
import type { Locale } from '@oris/shared/domain';
import { IsIn, IsOptional } from 'class-validator';

/** Audit actors other than the person are named by their role only: never another person's identity. */
export type MyDataActor = 'you' | 'system' | 'admin' | 'placement_officer' | 'trainer' | 'staff';

export interface MyDataProfile {
  id: string;
  email: string;
  phone: string | null;
  fullName: string;
  fullNameAr: string | null;
  gender: string | null;
  birthYear: number | null;
  regionCode: string | null;
  locale: Locale;
  roles: string[];
  createdAt: string;
  updatedAt: string;
  /** When the calendar subscription link was made, if one exists (its token is never exported). */
  calendarFeedCreatedAt: string | null;
}

export interface MyDataConsent {
  purpose: string;
  noticeVersion: string;
  givenAt: string;
  ip: string | null;
  method: string;
  followupTracking: boolean;
  /** Who collected it (`staff_recorded`), by role like every other actor. */
  recordedBy: MyDataActor | null;
}

export interface MyDataRectificationRequest {
  id: string;
  placementId: string | null;
  message: string;
  status: string;
  createdAt: string;
  resolvedAt: string | null;
  answer: string | null;
}

export interface MyDataModuleProgress {
  position: number;
  moduleTitle: string;
  completedAt: string;
}

export interface MyDataAttendance {
  meetingStartsAt: string;
  meetingEndsAt: string;
  meetingLabel: string | null;
  present: boolean;
  recordedAt: string;
}

export interface MyDataEnrollment {
  id: string;
  courseCode: string;
  courseTitle: string;
  sessionTitle: string;
  sessionStartsOn: string;
  sessionEndsOn: string;
  status: string;
  enrolledAt: string;
  confirmedAt: string | null;
  approvedAt: string | null;
  withdrawnAt: string | null;
  withdrawalReason: string | null;
  completedOn: string | null;
  validatedAt: string | null;
  /** Why the completion was validated before the session's last meeting, if it was. */
  earlyCompletionReason: string | null;
  /** What the person declared when enrolling: the baseline the insertion indicator compares to. */
  baseline: { situation: string; educationLevel: string; regionCode: string | null };
  moduleProgress: MyDataModuleProgress[];
  attendance: MyDataAttendance[];
}

export interface MyDataCertificate {
  id: string;
  serial: string;
  holderName: string;
  holderNameAr: string | null;
  courseTitle: string;
  hours: number;
  sessionStartsOn: string;
  sessionEndsOn: string;
  regionName: string;
  completedOn: string;
  issuedOn: string;
  status: string;
  revokedAt: string | null;
  revocationReason: string | null;
  verificationUrl: string;
}

export interface MyDataPlacementVersion {
  version: number;
  kind: string;
  contract: string | null;
  organisationName: string | null;
  employerName: string | null;
  sector: string | null;
  position: string | null;
  regionCode: string;
  startOn: string;
  endOn: string | null;
  source: string;
  evidence: string;
  note: string | null;
  validatedAt: string | null;
  recordedAt: string;
  supersededAt: string | null;
}

export interface MyDataPlacement {
  id: string;
  createdAt: string;
  /** Every version, oldest first: corrections keep the earlier record. */
  versions: MyDataPlacementVersion[];
}

export interface MyDataFollowUp {
  id: string;
  enrollmentId: string;
  horizonMonths: number;
  dueOn: string;
  status: string;
  emailedAt: string | null;
  reminderCount: number;
  answeredAt: string | null;
  answerChannel: string | null;
  /** The situation the answer recorded (see `placements`). */
  placementId: string | null;
  note: string | null;
}

export interface MyDataAuditEvent {
  at: string;
  action: string;
  subjectType: string;
  subjectId: string;
  actor: MyDataActor;
  data: Record<string, unknown>;
}

export interface MyDataQuizAnswer {
  question: string;
  /** The person's answer in words: the options' texts, the text typed, the number, the pairs. */
  response: string | null;
  savedAt: string;
}

export interface MyDataQuizAttempt {
  id: string;
  courseTitle: string;
  quizTitle: string;
  number: number;
  startedAt: string;
  deadlineAt: string | null;
  submittedAt: string | null;
  closedBy: string | null;
  score: number | null;
  maxScore: number | null;
  percent: number | null;
  answers: MyDataQuizAnswer[];
}

export interface MyDataRubricResult {
  criterion: string;
  level: string;
  points: number;
}

export interface MyDataAssignmentFile {
  /** `submission` (handed in) or `feedback` (the trainer's). */
  role: string;
  name: string;
  kind: string;
  size: number;
  sha256: string;
  uploadedAt: string;
}

export interface MyDataAssignmentSubmission {
  id: string;
  courseTitle: string;
  assignmentTitle: string;
  status: string;
  text: string;
  submissionCount: number;
  submittedAt: string | null;
  late: boolean;
  /** The feedback and rubric results as the person reads them: once returned or graded. */
  rubricResults: MyDataRubricResult[];
  feedback: string;
  /** The grade once published (`graded`), as the person reads it. */
  points: number | null;
  maxPoints: number | null;
  percent: number | null;
  gradedAt: string | null;
  files: MyDataAssignmentFile[];
}

export interface MyDataNotification {
  kind: string;
  params: Record<string, string>;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface MyDataAnnouncementEmailMute {
  courseTitle: string;
  sessionTitle: string;
  mutedAt: string;
}

export interface MyDataAnnouncementWritten {
  id: string;
  courseTitle: string;
  sessionTitle: string;
  title: string;
  body: string;
  byEmail: boolean;
  createdAt: string;
  editedAt: string | null;
}

export interface MyData {
  format: 'oris-my-data/1';
  exportedAt: string;
  profile: MyDataProfile;
  consents: MyDataConsent[];
  enrollments: MyDataEnrollment[];
  certificates: MyDataCertificate[];
  placements: MyDataPlacement[];
  followUps: MyDataFollowUp[];
  rectificationRequests: MyDataRectificationRequest[];
  quizAttempts: MyDataQuizAttempt[];
  assignmentSubmissions: MyDataAssignmentSubmission[];
  notifications: MyDataNotification[];
  announcementEmailMutes: MyDataAnnouncementEmailMute[];
  announcementsWritten: MyDataAnnouncementWritten[];
  auditEvents: MyDataAuditEvent[];
}

export const MY_DATA_FORMATS = ['json', 'html'] as const;
export type MyDataFormat = (typeof MY_DATA_FORMATS)[number];

export class MyDataQuery {
  @ApiProperty({
    enum: MY_DATA_FORMATS,
    required: false,
    default: 'json',
    description:
      '`json` (the default): the data as JSON. `html`: a readable document in the person’s ' +
      'language, served as a download.',
  })
  @IsOptional()
  @IsIn(MY_DATA_FORMATS)
  format?: MyDataFormat;
}

const section = (description: string) => ({
  type: 'array' as const,
  items: { type: 'object' as const, additionalProperties: true },
  description,
});

/** The OpenAPI shape of the JSON export; the `MyData` interface is the precise one. */
export class MyDataDto {
  @ApiProperty({ enum: ['oris-my-data/1'], description: 'Version of this document’s layout.' })
  format!: 'oris-my-data/1';

  @ApiProperty({ format: 'date-time' })
  exportedAt!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The account: identity, region, language, roles. No password or token.',
  })
  profile!: MyDataProfile;

  @ApiProperty(
    section(
      'The whole consent history, oldest first: purpose, notice version, date, address, how it ' +
        'was collected (`method`), whether it covers follow-up, and the role of the staff ' +
        'member who recorded it, if any.',
    ),
  )
  consents!: MyDataConsent[];

  @ApiProperty(
    section('Enrollments with the baseline declared, module progress and attendance marks.'),
  )
  enrollments!: MyDataEnrollment[];

  @ApiProperty(section('Certificates (metadata and public verification link; not the PDF).'))
  certificates!: MyDataCertificate[];

  @ApiProperty(section('Situations after training, each with every recorded version.'))
  placements!: MyDataPlacement[];

  @ApiProperty(section('Follow-ups at 6, 9 and 12 months and how they were answered.'))
  followUps!: MyDataFollowUp[];

  @ApiProperty(section('Requests to correct a situation, with their status and answer.'))
  rectificationRequests!: MyDataRectificationRequest[];

  @ApiProperty(
    section(
      'Quiz attempts: when, the score, and each answer given in words (never the answer key).',
    ),
  )
  quizAttempts!: MyDataQuizAttempt[];

  @ApiProperty(
    section(
      'Assignment submissions: the text, the files handed in (name, kind, size, SHA-256), and ' +
        'once returned or graded the feedback, rubric results and feedback files; the grade ' +
        'once published.',
    ),
  )
  assignmentSubmissions!: MyDataAssignmentSubmission[];

  @ApiProperty(section('The notification centre: every notification, read or not.'))
  notifications!: MyDataNotification[];

  @ApiProperty(section('Sessions whose announcement emails the person turned off.'))
  announcementEmailMutes!: MyDataAnnouncementEmailMute[];

  @ApiProperty(section('Announcements the person wrote to a session (staff).'))
  announcementsWritten!: MyDataAnnouncementWritten[];

  @ApiProperty(
    section(
      'Audit events about the person or their records; other actors appear by role only ' +
        '(`you`, `system`, `admin`, `placement_officer`, `trainer`, `staff`).',
    ),
  )
  auditEvents!: MyDataAuditEvent[];
}
