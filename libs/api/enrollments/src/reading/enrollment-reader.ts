import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthenticatedUser, Page, pageOf, PageQuery } from '@oris/api/platform';
import { DataSource, EntityManager } from 'typeorm';
import { EnrollmentAccess, EnrollmentContext } from '../access/enrollment-access';
import { checkCompletion } from '../completion/completion-facts';
import { EnrollmentDetailDto, EnrollmentDto } from '../dto/enrollment.dto';
import { EnrollmentListQuery } from '../dto/enrollment-list.query';
import { Enrollment } from '../entities/enrollment.entity';
import { toEnrollmentDtos } from './enrollment-mapper';

/** Reads enrollments for those allowed to see them. */
@Injectable()
export class EnrollmentReader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: EnrollmentAccess,
  ) {}

  /** The trainee, the session's staff; 404 for everyone else. */
  async get(user: AuthenticatedUser, enrollmentId: string): Promise<EnrollmentDetailDto> {
    const manager = this.dataSource.manager;
    const context = await this.access.enrollmentForReader(manager, user, enrollmentId);
    return this.detail(manager, context, user);
  }

  async detail(
    manager: EntityManager,
    context: EnrollmentContext,
    viewer: AuthenticatedUser,
  ): Promise<EnrollmentDetailDto> {
    const { enrollment, course } = context;
    const [dto] = await toEnrollmentDtos(manager, [enrollment], viewer);
    const { check } = await checkCompletion(manager, course, enrollment.id, enrollment.sessionId);
    return { ...dto, completionCheck: check };
  }

  async byId(
    manager: EntityManager,
    enrollmentId: string,
    viewer: AuthenticatedUser,
  ): Promise<EnrollmentDto> {
    const enrollment = await manager.findOneByOrFail(Enrollment, { id: enrollmentId });
    const [dto] = await toEnrollmentDtos(manager, [enrollment], viewer);
    return dto;
  }

  /** A session's enrollments, oldest first (the waitlist in queue order): for its staff. */
  async listForSession(
    user: AuthenticatedUser,
    sessionId: string,
    query: EnrollmentListQuery,
  ): Promise<Page<EnrollmentDto>> {
    const manager = this.dataSource.manager;
    await this.access.sessionForStaff(manager, user, sessionId);
    const [rows, total] = await manager.findAndCount(Enrollment, {
      where: { sessionId, ...(query.status && { status: query.status }) },
      order:
        query.status === 'waitlisted'
          ? { waitlistTicket: 'ASC' }
          : { enrolledAt: 'ASC', id: 'ASC' },
      skip: query.skip,
      take: query.pageSize,
    });
    return pageOf(await toEnrollmentDtos(manager, rows, user), total, query);
  }

  /** The caller's own enrollments, latest first, with their progress. */
  async listMine(user: AuthenticatedUser, query: PageQuery): Promise<Page<EnrollmentDto>> {
    const manager = this.dataSource.manager;
    const [rows, total] = await manager.findAndCount(Enrollment, {
      where: { userId: user.id },
      order: { enrolledAt: 'DESC', id: 'ASC' },
      skip: query.skip,
      take: query.pageSize,
    });
    return pageOf(await toEnrollmentDtos(manager, rows, user), total, query);
  }
}
