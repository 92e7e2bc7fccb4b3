import { isFinished, percentDone } from './job-progress';

describe('job progress', () => {
  it('is finished once completed or failed, not while waiting or active', () => {
    expect(isFinished({ state: 'completed' })).toBe(true);
    expect(isFinished({ state: 'failed' })).toBe(true);
    expect(isFinished({ state: 'waiting' })).toBe(false);
    expect(isFinished({ state: 'active' })).toBe(false);
  });

  it('counts rendered and failed certificates as finished', () => {
    expect(percentDone({ total: 4, done: 1, failed: 1 })).toBe(50);
    expect(percentDone({ total: 3, done: 3, failed: 0 })).toBe(100);
  });

  it('shows an empty batch as done rather than dividing by zero', () => {
    expect(percentDone({ total: 0, done: 0, failed: 0 })).toBe(100);
  });
});
