import { Logger } from '@nestjs/common';
import { EnrollmentCompleted, EnrollmentEvents } from './enrollment-events';

const completed: EnrollmentCompleted = {
  type: 'EnrollmentCompleted',
  enrollmentId: 'e1',
  userId: 'u1',
  sessionId: 's1',
  courseId: 'c1',
  completedOn: '2026-03-06',
  validatedBy: 't1',
  occurredAt: new Date('2026-03-06T10:00:00Z'),
};

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('enrollment events', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('delivers a completion to every subscriber of its type', async () => {
    const events = new EnrollmentEvents();
    const seen: string[] = [];
    events.on('EnrollmentCompleted', (event) => void seen.push(`a:${event.completedOn}`));
    events.on('EnrollmentCompleted', async (event) => void seen.push(`b:${event.userId}`));
    events.publish(completed);
    await settle();
    expect(seen.sort()).toEqual(['a:2026-03-06', 'b:u1']);
  });

  it('keeps delivering when one subscriber throws, and never throws to the publisher', async () => {
    const events = new EnrollmentEvents();
    const seen: string[] = [];
    events.on('EnrollmentCompleted', () => {
      throw new Error('boom');
    });
    events.on('EnrollmentCompleted', (event) => void seen.push(event.enrollmentId));
    expect(() => events.publish(completed)).not.toThrow();
    await settle();
    expect(seen).toEqual(['e1']);
  });

  it('stops delivering after unsubscribing', async () => {
    const events = new EnrollmentEvents();
    const seen: string[] = [];
    const off = events.on('EnrollmentCompleted', (event) => void seen.push(event.enrollmentId));
    off();
    events.publish(completed);
    await settle();
    expect(seen).toEqual([]);
  });
});
