import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Page,
  pageOf,
  PageQuery,
  RequestValidationException,
  sentFields,
} from '@oris/api/platform';
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
import { CourseAccess } from '../courses/course-access';
import { Course } from '../courses/course.entity';
import { CourseSession } from './course-session.entity';
import { CreateSessionDto, MeetingInputDto, UpdateSessionDto } from './dto/session-input.dto';
import { SessionDto } from './dto/session.dto';
import { SessionMeeting } from './session-meeting.entity';
import { SessionHooks } from './session-hooks';
import { defaultWindow, SessionPlan, sessionPlanProblems } from './session-rules';
import { SessionTrainer } from './session-trainer.entity';
import { toSessionBrief } from './session-brief';
import { CatalogueCache } from '../courses/catalogue-cache';

interface LoadedSession {
  session: CourseSession;
  course: Course;
  ownerIds: string[];
  trainerIds: string[];
}

@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CourseAccess,
    private readonly people: People,
    private readonly hooks: SessionHooks,
    private readonly cache: CatalogueCache,
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
      return session.id;
    });
    this.cache.invalidate();
    return this.get(viewer, id);
  }

  async get(viewer: Viewer, sessionId: string): Promise<SessionDto> {
    const manager = this.dataSource.manager;
    const { session, course, ownerIds, trainerIds } = await this.load(manager, sessionId, false);
    if (!canSeeSession(viewer, course.status, session.status, ownerIds, trainerIds)) {
      throw sessionNotFound(sessionId);
    }
    const [dto] = await this.toDtos(manager, viewer, course, ownerIds, [session]);
    return dto;
  }

  /** Visitors get the non-cancelled sessions of a published course; editors get them all. */
  async listForCourse(
    viewer: Viewer,
    courseId: string,
    query: PageQuery,
  ): Promise<Page<SessionDto>> {
    const manager = this.dataSource.manager;
    const { course, ownerIds } = await this.access.forView(manager, viewer, courseId);
    const [sessions, total] = await manager.findAndCount(CourseSession, {
      where: {
        courseId,
        ...(!canEditCourse(viewer, ownerIds) && { status: Not('cancelled' as const) }),
      },
      order: { startsOn: 'DESC', id: 'ASC' },
      skip: query.skip,
      take: query.pageSize,
    });
    return pageOf(await this.toDtos(manager, viewer, course, ownerIds, sessions), total, query);
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
      return added;
    });
    if (seatsAdded) this.hooks.afterSeatsAdded(sessionId);
    this.cache.invalidate();
    return this.get(viewer, sessionId);
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
      if (to === 'cancelled') await this.hooks.cancelled(manager, sessionId);
    });
    if (to === 'cancelled') this.hooks.afterCancelled(sessionId);
    this.cache.invalidate();
    return this.get(viewer, sessionId);
  }

  /** Locks the session row (the enrollment feature locks it too when it counts seats). */
  private async loadForManagement(
    manager: EntityManager,
    viewer: Viewer,
    sessionId: string,
    refuseEnded = true,
  ): Promise<LoadedSession> {
    const loaded = await this.load(manager, sessionId, true);
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

  private async load(
    manager: EntityManager,
    sessionId: string,
    lock: boolean,
  ): Promise<LoadedSession> {
    const session = await manager.findOne(CourseSession, {
      where: { id: sessionId },
      ...(lock && { lock: { mode: 'pessimistic_write' as const } }),
    });
    if (!session) throw sessionNotFound(sessionId);
    // One after the other: inside a transaction the manager has a single connection.
    const course = await manager.findOneByOrFail(Course, { id: session.courseId });
    const ownerIds = await this.access.ownerIds(manager, session.courseId);
    const trainers = await this.trainerIdsOf(manager, [sessionId]);
    return { session, course, ownerIds, trainerIds: trainers.get(sessionId) ?? [] };
  }

  /** Session DTOs of one course in four queries whatever their number: no query per session. */
  private async toDtos(
    manager: EntityManager,
    viewer: Viewer,
    course: Course,
    ownerIds: string[],
    sessions: CourseSession[],
  ): Promise<SessionDto[]> {
    if (sessions.length === 0) return [];
    const ids = sessions.map((session) => session.id);
    const [trainerIds, meetings] = await Promise.all([
      this.trainerIdsOf(manager, ids),
      manager.find(SessionMeeting, {
        where: { sessionId: In(ids) },
        order: { startsAt: 'ASC', id: 'ASC' },
      }),
    ]);
    const people = new Map(
      (await this.people.refs(manager, [...new Set([...trainerIds.values()].flat())])).map(
        (person) => [person.id, person],
      ),
    );
    return sessions.map((session) => {
      const trainers = trainerIds.get(session.id) ?? [];
      const canManage = canManageSession(viewer, ownerIds, trainers);
      return {
        ...toSessionBrief(session),
        course: { id: course.id, code: course.code, title: course.title, status: course.status },
        onlineUrl: canManage ? session.onlineUrl : null,
        confirmedCount: session.confirmedCount,
        trainers: trainers.flatMap((id) => people.get(id) ?? []),
        meetings: meetings
          .filter((meeting) => meeting.sessionId === session.id)
          .map((meeting) => ({
            id: meeting.id,
            startsAt: meeting.startsAt.toISOString(),
            endsAt: meeting.endsAt.toISOString(),
            label: meeting.label,
          })),
        canManage,
        createdAt: session.createdAt.toISOString(),
        updatedAt: session.updatedAt.toISOString(),
      };
    });
  }

  private async trainerIdsOf(
    manager: EntityManager,
    sessionIds: string[],
  ): Promise<Map<string, string[]>> {
    const bySession = new Map<string, string[]>();
    if (sessionIds.length === 0) return bySession;
    const rows = await manager.find(SessionTrainer, {
      where: { sessionId: In(sessionIds) },
      order: { userId: 'ASC' },
    });
    for (const row of rows)
      bySession.set(row.sessionId, [...(bySession.get(row.sessionId) ?? []), row.userId]);
    return bySession;
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

const sessionNotFound = (id: string) =>
  new CatalogueException(CatalogueErrorCode.SessionNotFound, `No session with id ${id}.`);
