import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { canEditCourse, canSeeCourse, Viewer } from '../common/access-rules';
import { CatalogueErrorCode, CatalogueException } from '../catalogue.exception';
import { CourseOwner } from '../entities/course-owner.entity';
import { Course } from '../entities/course.entity';

export interface LoadedCourse {
  course: Course;
  ownerIds: string[];
}

/**
 * Loads a course for what the caller wants to do with it. A course the caller may not see is
 * "not found" (drafts do not leak); one they may see but not edit is "forbidden".
 */
@Injectable()
export class CourseAccess {
  async forView(manager: EntityManager, viewer: Viewer, courseId: string): Promise<LoadedCourse> {
    const loaded = await this.load(manager, courseId, false);
    if (!canSeeCourse(viewer, loaded.course.status, loaded.ownerIds)) throw notFound(courseId);
    return loaded;
  }

  /** Locks the course row: edits of one course (and of its module order) are serialised. */
  async forEdit(manager: EntityManager, viewer: Viewer, courseId: string): Promise<LoadedCourse> {
    const loaded = await this.load(manager, courseId, true);
    this.assertEditable(viewer, loaded);
    return loaded;
  }

  assertEditable(viewer: Viewer, { course, ownerIds }: LoadedCourse): void {
    if (!canEditCourse(viewer, ownerIds)) {
      if (!canSeeCourse(viewer, course.status, ownerIds)) throw notFound(course.id);
      throw new CatalogueException(CatalogueErrorCode.NotCourseOwner);
    }
  }

  async ownerIds(manager: EntityManager, courseId: string): Promise<string[]> {
    const owners = await manager.find(CourseOwner, {
      where: { courseId },
      select: { userId: true },
      order: { createdAt: 'ASC', userId: 'ASC' },
    });
    return owners.map((owner) => owner.userId);
  }

  private async load(
    manager: EntityManager,
    courseId: string,
    lock: boolean,
  ): Promise<LoadedCourse> {
    const course = await manager.findOne(Course, {
      where: { id: courseId },
      ...(lock && { lock: { mode: 'pessimistic_write' as const } }),
    });
    if (!course) throw notFound(courseId);
    return { course, ownerIds: await this.ownerIds(manager, courseId) };
  }
}

const notFound = (id: string) =>
  new CatalogueException(CatalogueErrorCode.CourseNotFound, `No course with id ${id}.`);
