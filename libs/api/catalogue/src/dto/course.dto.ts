import { ApiProperty } from '@nestjs/swagger';
import {
  COURSE_STATUSES,
  COURSE_THEMES,
  DELIVERY_MODES,
  LOCALES,
  MODULE_STATUSES,
  REGION_CODES,
  SESSION_STATUSES,
} from '@oris/shared/domain';
import type {
  CourseStatus,
  CourseTheme,
  DeliveryMode,
  Locale,
  ModuleStatus,
  SessionStatus,
} from '@oris/shared/domain';
import { PersonRefDto } from './person-ref.dto';
import { CompletionRuleDto } from './course-input.dto';

/** A session as the catalogue and the course page show it. */
export class SessionBriefDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Cohorte printemps — Rabat' })
  title!: string;

  @ApiProperty({ format: 'date', example: '2026-03-02' })
  startsOn!: string;

  @ApiProperty({ format: 'date', example: '2026-03-06' })
  endsOn!: string;

  @ApiProperty({ enum: REGION_CODES, example: 'MA-04' })
  regionCode!: string;

  @ApiProperty({ type: String, nullable: true, example: 'Technopark, Rabat' })
  venue!: string | null;

  @ApiProperty({ description: 'Held (at least partly) online; the link is given to participants.' })
  online!: boolean;

  @ApiProperty({ enum: SESSION_STATUSES })
  status!: SessionStatus;

  @ApiProperty({ type: 'integer', minimum: 1 })
  capacity!: number;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Capacity minus confirmed seats.' })
  seatsLeft!: number;

  @ApiProperty({ format: 'date', description: 'First day of the enrollment window.' })
  opensOn!: string;

  @ApiProperty({ format: 'date', description: 'Last day of the enrollment window.' })
  closesOn!: string;

  @ApiProperty()
  approvalRequired!: boolean;
}

export class CourseSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'SI-101' })
  code!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  summary!: string;

  @ApiProperty({ enum: COURSE_THEMES })
  theme!: CourseTheme;

  @ApiProperty({ enum: LOCALES, isArray: true })
  languages!: Locale[];

  @ApiProperty({ enum: DELIVERY_MODES })
  deliveryMode!: DeliveryMode;

  @ApiProperty({ type: 'integer' })
  durationHours!: number;

  @ApiProperty({ enum: COURSE_STATUSES })
  status!: CourseStatus;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  publishedAt!: string | null;

  @ApiProperty({ type: 'integer', description: 'Published modules.' })
  moduleCount!: number;

  @ApiProperty({
    enum: REGION_CODES,
    isArray: true,
    description: 'Regions of the sessions starting today or later (cancelled ones left out).',
  })
  upcomingRegionCodes!: string[];

  @ApiProperty({
    type: SessionBriefDto,
    nullable: true,
    description: 'The first session starting today or later, if any.',
  })
  nextSession!: SessionBriefDto | null;
}

/** A course in the administrators' list of every course: the card and who owns it. */
export class AdminCourseSummaryDto extends CourseSummaryDto {
  @ApiProperty({ type: PersonRefDto, isArray: true, description: 'Oldest owner first.' })
  owners!: PersonRefDto[];

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: string;
}

export class ModuleOutlineDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ type: 'integer', minimum: 1 })
  position!: number;

  @ApiProperty()
  title!: string;

  @ApiProperty({ type: 'integer' })
  estimatedMinutes!: number;

  @ApiProperty()
  required!: boolean;

  @ApiProperty({ enum: MODULE_STATUSES, description: 'Visitors only ever see published modules.' })
  status!: ModuleStatus;
}

export class CourseDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'SI-101' })
  code!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  summary!: string;

  @ApiProperty({ description: 'Markdown as written.' })
  description!: string;

  @ApiProperty({ description: 'The description rendered to sanitised HTML, safe to insert.' })
  descriptionHtml!: string;

  @ApiProperty({ enum: COURSE_THEMES })
  theme!: CourseTheme;

  @ApiProperty({ enum: LOCALES, isArray: true })
  languages!: Locale[];

  @ApiProperty({ enum: DELIVERY_MODES })
  deliveryMode!: DeliveryMode;

  @ApiProperty({ type: 'integer' })
  durationHours!: number;

  @ApiProperty({ type: [String] })
  learningOutcomes!: string[];

  @ApiProperty({ type: CompletionRuleDto })
  completionRule!: CompletionRuleDto;

  @ApiProperty({
    description: 'Whether the session trainers see each enrollee’s baseline at enrollment.',
  })
  baselineVisibleToTrainers!: boolean;

  @ApiProperty({ enum: COURSE_STATUSES })
  status!: CourseStatus;

  @ApiProperty({ type: PersonRefDto, isArray: true })
  owners!: PersonRefDto[];

  @ApiProperty({
    type: ModuleOutlineDto,
    isArray: true,
    description: 'In order. Visitors get the published ones; owners and administrators all.',
  })
  modules!: ModuleOutlineDto[];

  @ApiProperty({
    type: SessionBriefDto,
    isArray: true,
    description: 'Sessions starting today or later, or still open or running, first first.',
  })
  upcomingSessions!: SessionBriefDto[];

  @ApiProperty({
    description: 'Whether the caller may edit the course (an owner or an administrator).',
  })
  canEdit!: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  publishedAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  archivedAt!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}
