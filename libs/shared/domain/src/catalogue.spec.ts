import {
  canMoveCourse,
  canMoveModule,
  canMoveSession,
  COURSE_CODE_PATTERN,
  COURSE_STATUSES,
  SESSION_STATUSES,
  seatsLeft,
} from './catalogue';

describe('course status machine', () => {
  it('publishes a draft and archives a draft or a published course', () => {
    expect(canMoveCourse('draft', 'published')).toBe(true);
    expect(canMoveCourse('draft', 'archived')).toBe(true);
    expect(canMoveCourse('published', 'archived')).toBe(true);
  });

  it('never brings a course back to draft nor out of the archive', () => {
    expect(canMoveCourse('published', 'draft')).toBe(false);
    for (const to of COURSE_STATUSES) expect(canMoveCourse('archived', to)).toBe(false);
  });

  it('refuses to move a course to the status it already has', () => {
    for (const status of COURSE_STATUSES) expect(canMoveCourse(status, status)).toBe(false);
  });
});

describe('module status machine', () => {
  it('publishes a draft module once and never unpublishes it', () => {
    expect(canMoveModule('draft', 'published')).toBe(true);
    expect(canMoveModule('published', 'draft')).toBe(false);
    expect(canMoveModule('published', 'published')).toBe(false);
  });
});

describe('session status machine', () => {
  it('moves forward planned → open → running → completed', () => {
    expect(canMoveSession('planned', 'open')).toBe(true);
    expect(canMoveSession('open', 'running')).toBe(true);
    expect(canMoveSession('running', 'completed')).toBe(true);
  });

  it('refuses to skip a step or to go back', () => {
    expect(canMoveSession('planned', 'running')).toBe(false);
    expect(canMoveSession('planned', 'completed')).toBe(false);
    expect(canMoveSession('running', 'open')).toBe(false);
    expect(canMoveSession('open', 'planned')).toBe(false);
  });

  it('cancels any session that has not ended, and nothing leaves completed or cancelled', () => {
    expect(canMoveSession('planned', 'cancelled')).toBe(true);
    expect(canMoveSession('open', 'cancelled')).toBe(true);
    expect(canMoveSession('running', 'cancelled')).toBe(true);
    for (const to of SESSION_STATUSES) {
      expect(canMoveSession('completed', to)).toBe(false);
      expect(canMoveSession('cancelled', to)).toBe(false);
    }
  });
});

describe('course codes', () => {
  it.each(['SI-101', 'ESS2026', 'MA-06-COOP-1'])('accepts %s', (code) => {
    expect(COURSE_CODE_PATTERN.test(code)).toBe(true);
  });

  it.each(['si-101', '-SI', 'SI--101', 'SI 101', 'SI-101-', 'A-B-C-D-E', ''])(
    'refuses "%s"',
    (code) => {
      expect(COURSE_CODE_PATTERN.test(code)).toBe(false);
    },
  );
});

describe('seats left', () => {
  it('is the capacity minus the confirmed seats, never below zero', () => {
    expect(seatsLeft(20, 0)).toBe(20);
    expect(seatsLeft(20, 19)).toBe(1);
    expect(seatsLeft(20, 20)).toBe(0);
    expect(seatsLeft(10, 12)).toBe(0);
  });
});
