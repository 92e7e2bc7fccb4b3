import { jobProgress } from './job-progress';

describe('jobProgress', () => {
  it('waits until something finished, then is active', () => {
    expect(jobProgress('j', { total: 50, done: 0, failed: 0 })).toMatchObject({
      state: 'waiting',
      progress: 0,
    });
    expect(jobProgress('j', { total: 50, done: 7, failed: 0 })).toMatchObject({
      state: 'active',
      progress: 14,
    });
  });

  it('reaches 100% only when every certificate is finished, and never rounds up to it', () => {
    expect(jobProgress('j', { total: 1000, done: 999, failed: 0 })).toMatchObject({
      state: 'active',
      progress: 99,
    });
    expect(jobProgress('j', { total: 50, done: 50, failed: 0 })).toMatchObject({
      state: 'completed',
      progress: 100,
    });
  });

  it('is failed once everything finished with failures, and counts them as finished', () => {
    expect(jobProgress('j', { total: 4, done: 2, failed: 1 })).toMatchObject({
      state: 'active',
      progress: 75,
    });
    expect(jobProgress('j', { total: 4, done: 3, failed: 1 })).toMatchObject({
      state: 'failed',
      progress: 100,
      done: 3,
      failed: 1,
    });
  });

  it('is complete at once for a session without completers', () => {
    expect(jobProgress('j', { total: 0, done: 0, failed: 0 })).toMatchObject({
      state: 'completed',
      progress: 100,
    });
  });
});
