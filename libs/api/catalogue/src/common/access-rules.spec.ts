import type { AuthenticatedUser } from '@oris/api/platform';
import type { Role } from '@oris/shared/domain';
import { canEditCourse, canManageSession, canSeeCourse, canSeeSession } from './access-rules';

const person = (id: string, ...roles: Role[]): AuthenticatedUser => ({
  id,
  email: `${id}@oris.example`,
  roles,
});

const owner = person('owner', 'trainer');
const otherTrainer = person('other', 'trainer');
const admin = person('admin', 'admin');
const trainee = person('trainee', 'trainee');
const sessionTrainer = person('assigned', 'trainer');

describe('catalogue access rules', () => {
  it('lets owners and administrators edit a course, nobody else', () => {
    expect(canEditCourse(owner, ['owner'])).toBe(true);
    expect(canEditCourse(admin, ['owner'])).toBe(true);
    expect(canEditCourse(otherTrainer, ['owner'])).toBe(false);
    expect(canEditCourse(trainee, ['owner'])).toBe(false);
    expect(canEditCourse(null, ['owner'])).toBe(false);
  });

  it('shows a published course to everyone and a draft or archived one to its editors only', () => {
    expect(canSeeCourse(null, 'published', ['owner'])).toBe(true);
    for (const status of ['draft', 'archived'] as const) {
      expect(canSeeCourse(null, status, ['owner'])).toBe(false);
      expect(canSeeCourse(otherTrainer, status, ['owner'])).toBe(false);
      expect(canSeeCourse(owner, status, ['owner'])).toBe(true);
      expect(canSeeCourse(admin, status, ['owner'])).toBe(true);
    }
  });

  it('lets a session be managed by its trainers, the course owners and administrators', () => {
    expect(canManageSession(sessionTrainer, ['owner'], ['assigned'])).toBe(true);
    expect(canManageSession(owner, ['owner'], ['assigned'])).toBe(true);
    expect(canManageSession(admin, [], [])).toBe(true);
    expect(canManageSession(otherTrainer, ['owner'], ['assigned'])).toBe(false);
    expect(canManageSession(null, ['owner'], ['assigned'])).toBe(false);
  });

  it('hides cancelled sessions and sessions of unpublished courses from the public', () => {
    expect(canSeeSession(null, 'published', 'open', ['owner'], [])).toBe(true);
    expect(canSeeSession(null, 'published', 'completed', ['owner'], [])).toBe(true);
    expect(canSeeSession(null, 'published', 'cancelled', ['owner'], [])).toBe(false);
    expect(canSeeSession(trainee, 'draft', 'planned', ['owner'], [])).toBe(false);
    expect(canSeeSession(owner, 'draft', 'cancelled', ['owner'], [])).toBe(true);
  });
});
