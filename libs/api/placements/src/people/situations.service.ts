import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditLog } from '@oris/api/identity';
import { AuthenticatedUser, Page, pageOf } from '@oris/api/platform';
import { DataSource } from 'typeorm';
import {
  CompletionDto,
  PersonSituationDto,
  PersonToFollowDto,
  ToFollowQuery,
  TrainedPersonDto,
} from '../dto/situation.dto';
import { PlacementErrorCode, PlacementException } from '../placement.exception';
import { currentRows, toPlacementDto } from '../placements/placement-rows';

/** A trained person's situation for the officer's form, and who is left to follow. */
@Injectable()
export class SituationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  /**
   * Personal data read by staff: recorded as an audit event (law 09-08). Only for people staff
   * may follow: those who completed a training or have a situation recorded. Anyone else (a
   * trainee still in training, a staff account) is answered as unknown, so the route cannot be
   * used to read any account's contact details.
   */
  async situation(user: AuthenticatedUser, personId: string): Promise<PersonSituationDto> {
    return this.dataSource.transaction(async (manager) => {
      const [person]: TrainedPersonDto[] = await manager.query(
        `SELECT u.id, u.full_name AS "fullName", u.full_name_ar AS "fullNameAr", u.email, u.phone,
                u.gender, u.birth_year AS "birthYear", u.region_code AS "regionCode"
           FROM users u
          WHERE u.id = $1
            AND (EXISTS (SELECT 1 FROM enrollment e WHERE e.user_id = u.id AND e.status = 'completed')
                 OR EXISTS (SELECT 1 FROM placement p WHERE p.user_id = u.id))`,
        [personId],
      );
      if (!person) {
        throw new PlacementException(
          PlacementErrorCode.PersonNotFound,
          `No person with id ${personId}.`,
        );
      }
      const completions: CompletionDto[] = await manager.query(
        `SELECT e.id AS "enrollmentId", s.id AS "sessionId", s.title AS "sessionTitle",
                c.id AS "courseId", c.title AS "courseTitle", s.starts_on::text AS "startsOn",
                e.completed_on::text AS "completedOn", e.region_code AS "regionCode",
                e.baseline_situation AS "baselineSituation", e.education_level AS "educationLevel"
           FROM enrollment e
           JOIN course_session s ON s.id = e.session_id
           JOIN course c ON c.id = s.course_id
          WHERE e.user_id = $1 AND e.status = 'completed'
          ORDER BY e.completed_on, s.starts_on, e.id`,
        [personId],
      );
      const placements = await currentRows(
        manager,
        'v.user_id = $1',
        [personId],
        'ORDER BY v.start_on DESC, p.created_at DESC',
      );
      await this.audit.record(manager, {
        actorId: user.id,
        action: 'person.situation_read',
        subjectType: 'user',
        subjectId: personId,
      });
      return { person, completions, placements: placements.map(toPlacementDto) };
    });
  }

  /**
   * People who completed at least once (in the filtered region, course or session) and have no
   * validated current situation, unless they had their data erased: the officer's list of whom
   * to reach. Latest completers first.
   */
  async toFollow(query: ToFollowQuery): Promise<Page<PersonToFollowDto>> {
    const params: unknown[] = [];
    const where: string[] = [`e.status = 'completed'`];
    if (query.region) {
      params.push(query.region);
      where.push(`e.region_code = $${params.length}`);
    }
    if (query.course) {
      params.push(query.course);
      where.push(`s.course_id = $${params.length}`);
    }
    if (query.session) {
      params.push(query.session);
      where.push(`e.session_id = $${params.length}`);
    }
    const cte = `
      WITH done AS (
        SELECT e.user_id, e.completed_on, e.region_code, c.title AS course_title, e.id
          FROM enrollment e
          JOIN course_session s ON s.id = e.session_id
          JOIN course c ON c.id = s.course_id
         WHERE ${where.join(' AND ')}
           -- An erased person is not reached any more (law 09-08): no contact details are left.
           AND NOT EXISTS (SELECT 1 FROM users x WHERE x.id = e.user_id AND x.erased_at IS NOT NULL)
           AND NOT EXISTS (SELECT 1 FROM placement_version v
                            WHERE v.user_id = e.user_id AND v.superseded_at IS NULL
                              AND v.validated_at IS NOT NULL)
      ), people AS (
        SELECT DISTINCT ON (user_id) user_id, completed_on, region_code, course_title,
               count(*) OVER (PARTITION BY user_id)::int AS completions
          FROM done ORDER BY user_id, completed_on DESC, id
      )`;
    const manager = this.dataSource.manager;
    const [{ total }]: { total: number }[] = await manager.query(
      `${cte} SELECT count(*)::int AS total FROM people`,
      params,
    );
    const items: PersonToFollowDto[] = await manager.query(
      `${cte}
       SELECT p.user_id AS "userId", u.full_name AS "fullName", u.full_name_ar AS "fullNameAr",
              u.email, u.phone, p.region_code AS "regionCode", p.completions,
              p.completed_on::text AS "lastCompletedOn", p.course_title AS "lastCourseTitle",
              (SELECT count(*)::int FROM placement_version v
                WHERE v.user_id = p.user_id AND v.superseded_at IS NULL) AS "awaitingValidation"
         FROM people p JOIN users u ON u.id = p.user_id
        ORDER BY p.completed_on DESC, u.full_name, p.user_id
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.pageSize, query.skip],
    );
    return pageOf(items, total, query);
  }
}
