import type { AuthenticatedUser } from '@oris/api/platform';
import type { Role } from '@oris/shared/domain';
import { isPublicSession, isSessionStaff } from './staff-rules';

const person = (id: string, ...roles: Role[]): AuthenticatedUser => ({
  id,
  email: `${id}@oris.example`,
  roles,
});
const staff = { ownerIds: ['owner'], trainerIds: ['assigned'] };

describe('enrollment access rules', () => {
  it('treats the session’s trainers, the course owners and administrators as its staff', () => {
    expect(isSessionStaff(person('assigned', 'trainer'), staff)).toBe(true);
    expect(isSessionStaff(person('owner', 'trainer'), staff)).toBe(true);
    expect(isSessionStaff(person('anyone', 'admin'), staff)).toBe(true);
  });

  it('does not let a trainer of another session nor a trainee act as staff', () => {
    expect(isSessionStaff(person('other', 'trainer'), staff)).toBe(false);
    expect(isSessionStaff(person('trainee', 'trainee'), staff)).toBe(false);
  });

  it('shows sessions of published courses unless cancelled', () => {
    expect(isPublicSession('published', 'open')).toBe(true);
    expect(isPublicSession('published', 'completed')).toBe(true);
    expect(isPublicSession('published', 'cancelled')).toBe(false);
    expect(isPublicSession('draft', 'planned')).toBe(false);
    expect(isPublicSession('archived', 'completed')).toBe(false);
  });
});
