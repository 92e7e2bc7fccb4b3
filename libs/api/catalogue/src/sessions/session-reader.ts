import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Page, pageOf, PageQuery } from '@oris/api/platform';
import { DataSource, EntityManager, In, Not } from 'typeorm';
import { canEditCourse, canManageSession, canSeeSession, Viewer } from '../common/access-rules';
import { People } from '../common/people';
import { CatalogueErrorCode, CatalogueException } from '../catalogue.exception';
import { CourseAccess } from '../courses/course-access';
import { Course } from '../entities/course.entity';
import { CourseSession } from '../entities/course-session.entity';
import { SessionDto } from '../dto/session.dto';
import { SessionMeeting } from '../entities/session-meeting.entity';
import { SessionTrainer } from '../entities/session-trainer.entity';
import { toSessionBrief } from './session-brief';

export interface LoadedSession {
  session: CourseSession;
  course: Course;
  ownerIds: string[];
  trainerIds: string[];
}

/** Reads sessions as each viewer may see them; the writes are in `SessionWriter`. */
@Injectable()
export class SessionReader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CourseAccess,
    private readonly people: People,
  ) {}

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

  /** The session with its course, owners and trainers; `lock` takes the row for an update. */
  async load(manager: EntityManager, sessionId: string, lock: boolean): Promise<LoadedSession> {
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
}

export const sessionNotFound = (id: string) =>
  new CatalogueException(CatalogueErrorCode.SessionNotFound, `No session with id ${id}.`);
