import { decide, fixedWindow } from './fixed-window';

describe('fixedWindow', () => {
  it('numbers one-minute windows from the epoch', () => {
    expect(fixedWindow(0, 60).index).toBe(0);
    expect(fixedWindow(59_999, 60).index).toBe(0);
    expect(fixedWindow(60_000, 60).index).toBe(1);
  });

  it('gives the seconds until the next window, rounded up and never 0', () => {
    expect(fixedWindow(60_000, 60).secondsLeft).toBe(60);
    expect(fixedWindow(60_001, 60).secondsLeft).toBe(60);
    expect(fixedWindow(119_000, 60).secondsLeft).toBe(1);
    expect(fixedWindow(119_999, 60).secondsLeft).toBe(1);
  });
});

describe('decide', () => {
  const window = fixedWindow(90_000, 60);

  it('allows attempts up to the limit', () => {
    expect(decide(1, 3, window).allowed).toBe(true);
    expect(decide(3, 3, window).allowed).toBe(true);
  });

  it('refuses the attempt after the limit and says when to retry', () => {
    expect(decide(4, 3, window)).toEqual({ allowed: false, retryAfterSeconds: 30 });
  });
});
