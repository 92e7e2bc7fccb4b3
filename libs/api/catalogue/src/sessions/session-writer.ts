import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RequestValidationException, sentFields } from '@oris/api/platform';
import { SearchIndexer } from '@oris/api/search';
import { canMoveSession, todayInMorocco } from '@oris/shared/domain';
import type { SessionStatus } from '@oris/shared/domain';
import { DataSource, EntityManager, In, Not } from 'typeorm';
import {
  canEditCourse,
  canManageSession,
  canSeeSession,
  isAdmin,
  Viewer,
} from '../common/access-rules';
import { People } from '../common/people';
import { CatalogueErrorCode, CatalogueException } from '../catalogue.exception';
import { CatalogueCache } from '../courses/catalogue-cache';
import { CourseAccess } from '../courses/course-access';
import { reindexCourse } from '../courses/course-search';
import { CourseSession } from '../entities/course-session.entity';
import { CreateSessionDto, MeetingInputDto, UpdateSessionDto } from '../dto/session-input.dto';
import { SessionDto } from '../dto/session.dto';
import { SessionHooks } from './session-hooks';
import { SessionMeeting } from '../entities/session-meeting.entity';
import { LoadedSession, SessionReader, sessionNotFound } from './session-reader';
import { defaultWindow, SessionPlan, sessionPlanProblems } from './session-rules';
import { SessionTrainer } from '../entities/session-trainer.entity';

/**
 * Plans, edits and moves sessions along their status machine, each change in one transaction
 * that locks the session row (the enrollment feature locks it too when it counts seats).
 */
@Injectable()
export class SessionWriter {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CourseAccess,
    private readonly people: People,
    private readonly hooks: SessionHooks,
    private readonly cache: CatalogueCache,
    private readonly reader: SessionReader,
    private readonly search: SearchIndexer,
  ) {}

  async create(viewer: Viewer, courseId: string, dto: CreateSessionDto): Promise<SessionDto> {
    const id = await this.dataSource.transaction(async (manager) => {
      const { course, ownerIds } = await this.access.forEdit(manager, viewer, courseId);
      if (course.status === 'archived') {
        throw new CatalogueException(
          CatalogueErrorCode.CourseArchived,
          'An archived course gets no new session.',
        );
      }
      const today = todayInMorocco();
      const meetings = toMeetings(dto.meetings ?? []);
      const plan: SessionPlan = {
        startsOn: dto.startsOn,
        endsOn: dto.endsOn,
        ...defaultWindow(dto.startsOn, today),
        ...(dto.opensOn !== undefined && { enrollmentOpensOn: dto.opensOn }),
        ...(dto.closesOn !== undefined && { enrollmentClosesOn: dto.closesOn }),
        venue: dto.venue ?? null,
        onlineUrl: dto.onlineUrl ?? null,
        meetings,
      };
      assertPlan(plan, { today, refusePast: !isAdmin(viewer) });
      const trainerIds = dto.trainerIds ?? ownerIds;
      await this.assertTrainers(manager, trainerIds);
      const { meetings: _meetings, ...dates } = plan;
      const session = await manager.save(
        manager.create(CourseSession, {
          courseId,
          title: dto.title,
          regionCode: dto.regionCode,
          capacity: dto.capacity,
          approvalRequired: dto.approvalRequired ?? false,
          status: 'planned',
          confirmedCount: 0,
          ...dates,
        }),
      );
      await this.addTrainers(manager, session.id, trainerIds);
      if (dto.meetings?.length) {
        await manager.insert(
          SessionMeeting,
          dto.meetings.map(({ startsAt, endsAt, label }) => ({
            sessionId: session.id,
            startsAt: new Date(startsAt),
            endsAt: new Date(endsAt),
            label: label ?? null,
          })),
        );
      }
      // The course's regions in the search are those of its sessions.
      await reindexCourse(manager, this.search, courseId);
      return session.id;
    });
    this.cache.invalidate();
    return this.reader.get(viewer, id);
  }

  async update(viewer: Viewer, sessionId: string, dto: UpdateSessionDto): Promise<SessionDto> {
    const seatsAdded = await this.dataSource.transaction(async (manager) => {
      const loaded = await this.loadForManagement(manager, viewer, sessionId);
      const { session, ownerIds } = loaded;
      const previousCapacity = session.capacity;
      if (dto.trainerIds !== undefined && !canEditCourse(viewer, ownerIds)) {
        throw new CatalogueException(
          CatalogueErrorCode.NotCourseOwner,
          'Only the course’s owners and administrators assign trainers.',
        );
      }
      if (dto.capacity !== undefined && dto.capacity < session.confirmedCount) {
        throw new CatalogueException(
          CatalogueErrorCode.CapacityBelowConfirmed,
          `${session.confirmedCount} seats are confirmed; the capacity cannot go below that.`,
        );
      }
      const existingMeetings = await manager.find(SessionMeeting, { where: { sessionId } });
      const meetings = dto.meetings ?? existingMeetings;
      if (dto.meetings) assertKnownMeetings(dto.meetings, existingMeetings);
      const startChanged = dto.startsOn !== undefined && dto.startsOn !== session.startsOn;
      const { opensOn, closesOn, trainerIds, meetings: _meetings, ...fields } = dto;
      Object.assign(session, sentFields(fields));
      if (opensOn !== undefined) session.enrollmentOpensOn = opensOn;
      if (closesOn !== undefined) session.enrollmentClosesOn = closesOn;
      // Trainers may not move a session into the past; editing a session already begun is fine.
      assertPlan(
        { ...session, meetings: toMeetings(meetings) },
        { today: todayInMorocco(), refusePast: startChanged && !isAdmin(viewer) },
      );
      await manager.save(session);
      if (trainerIds !== undefined) {
        await this.assertTrainers(manager, trainerIds);
        await manager.delete(SessionTrainer, {
          sessionId,
          ...(trainerIds.length > 0 && { userId: Not(In(trainerIds)) }),
        });
        await this.addTrainers(manager, sessionId, trainerIds);
      }
      if (dto.meetings) await replaceMeetings(manager, sessionId, dto.meetings, existingMeetings);
      // New seats go to the waitlist at once, under this lock: nobody can take them first.
      const added = session.capacity > previousCapacity;
      if (added) await this.hooks.seatsAdded(manager, sessionId);
      if (dto.regionCode !== undefined) await reindexCourse(manager, this.search, session.courseId);
      return added;
    });
    if (seatsAdded) this.hooks.afterSeatsAdded(sessionId);
    this.cache.invalidate();
    return this.reader.get(viewer, sessionId);
  }

  /** Moves a session along its status machine; a session opens only for a published course. */
  async changeStatus(viewer: Viewer, sessionId: string, to: SessionStatus): Promise<SessionDto> {
    await this.dataSource.transaction(async (manager) => {
      const { session, course } = await this.loadForManagement(manager, viewer, sessionId, false);
      if (!canMoveSession(session.status, to)) {
        throw new CatalogueException(
          CatalogueErrorCode.IllegalTransition,
          `A ${session.status} session cannot become ${to}.`,
        );
      }
      if (to === 'open' && course.status !== 'published') {
        throw new CatalogueException(
          CatalogueErrorCode.CourseNotPublished,
          'Publish the course before opening a session to enrollment.',
        );
      }
      await manager.update(CourseSession, sessionId, { status: to });
      // Enrollees are told (and their enrollments closed) in the same transaction.
      if (to === 'cancelled') {
        await this.hooks.cancelled(manager, sessionId);
        await reindexCourse(manager, this.search, session.courseId);
      }
    });
    if (to === 'cancelled') this.hooks.afterCancelled(sessionId);
    this.cache.invalidate();
    return this.reader.get(viewer, sessionId);
  }

  /** Locks the session row (the enrollment feature locks it too when it counts seats). */
  private async loadForManagement(
    manager: EntityManager,
    viewer: Viewer,
    sessionId: string,
    refuseEnded = true,
  ): Promise<LoadedSession> {
    const loaded = await this.reader.load(manager, sessionId, true);
    const { session, course, ownerIds, trainerIds } = loaded;
    if (!canManageSession(viewer, ownerIds, trainerIds)) {
      if (!canSeeSession(viewer, course.status, session.status, ownerIds, trainerIds)) {
        throw sessionNotFound(sessionId);
      }
      throw new CatalogueException(CatalogueErrorCode.NotSessionTrainer);
    }
    if (refuseEnded && (session.status === 'completed' || session.status === 'cancelled')) {
      throw new CatalogueException(
        CatalogueErrorCode.SessionEnded,
        `A ${session.status} session can no longer be changed.`,
      );
    }
    return loaded;
  }

  private async assertTrainers(manager: EntityManager, ids: string[]): Promise<void> {
    const notTrainers = await this.people.notTrainers(manager, ids);
    if (notTrainers.length > 0) {
      throw new RequestValidationException([
        { field: 'trainerIds', message: `not active trainers: ${notTrainers.join(', ')}` },
      ]);
    }
  }

  private async addTrainers(
    manager: EntityManager,
    sessionId: string,
    userIds: string[],
  ): Promise<void> {
    if (userIds.length === 0) return;
    await manager
      .createQueryBuilder()
      .insert()
      .into(SessionTrainer)
      .values(userIds.map((userId) => ({ sessionId, userId })))
      .orIgnore()
      .execute();
  }
}

const toMeetings = (meetings: Pick<MeetingInputDto, 'startsAt' | 'endsAt'>[] | SessionMeeting[]) =>
  meetings.map(({ startsAt, endsAt }) => ({
    startsAt: new Date(startsAt),
    endsAt: new Date(endsAt),
  }));

function assertPlan(plan: SessionPlan, context: { today: string; refusePast: boolean }): void {
  const problems = sessionPlanProblems(plan, context);
  if (problems.length > 0) throw new RequestValidationException(problems);
}

function assertKnownMeetings(meetings: MeetingInputDto[], existing: SessionMeeting[]): void {
  const known = new Set(existing.map((meeting) => meeting.id));
  const problems = meetings.flatMap((meeting, index) =>
    meeting.id !== undefined && !known.has(meeting.id)
      ? [{ field: `meetings.${index}.id`, message: 'not a meeting of this session' }]
      : [],
  );
  if (problems.length > 0) throw new RequestValidationException(problems);
}

/** Meetings sent with an id are kept and updated, new ones added, those left out removed. */
async function replaceMeetings(
  manager: EntityManager,
  sessionId: string,
  meetings: MeetingInputDto[],
  existing: SessionMeeting[],
): Promise<void> {
  const kept = new Set(meetings.flatMap((meeting) => (meeting.id ? [meeting.id] : [])));
  const removed = existing.filter((meeting) => !kept.has(meeting.id)).map((meeting) => meeting.id);
  if (removed.length > 0) await manager.delete(SessionMeeting, { id: In(removed) });
  for (const { id, startsAt, endsAt, label } of meetings) {
    const values = { startsAt: new Date(startsAt), endsAt: new Date(endsAt), label: label ?? null };
    if (id) await manager.update(SessionMeeting, { id, sessionId }, values);
    else await manager.insert(SessionMeeting, { ...values, sessionId });
  }
}
