import { Logger } from '@nestjs/common';
import { PeriodicSweep } from './periodic-sweep';

describe('PeriodicSweep', () => {
  let logger: { log: jest.Mock; warn: jest.Mock };

  beforeEach(() => {
    jest.useFakeTimers();
    logger = { log: jest.fn(), warn: jest.fn() };
  });

  afterEach(() => jest.useRealTimers());

  const start = (sweep: () => Promise<number>) => {
    const periodic = new PeriodicSweep({
      what: 'pending thing(s)',
      sweep,
      intervalMs: 1_000,
      logger: logger as unknown as Logger,
    });
    periodic.start();
    return periodic;
  };

  it('sweeps at once, then every interval, and says what it handed over', async () => {
    const sweep = jest.fn().mockResolvedValueOnce(3).mockResolvedValue(0);
    const periodic = start(sweep);
    await jest.advanceTimersByTimeAsync(0);
    expect(sweep).toHaveBeenCalledTimes(1);
    expect(logger.log).toHaveBeenCalledWith('Handed 3 pending thing(s) to the queue');
    await jest.advanceTimersByTimeAsync(2_000);
    expect(sweep).toHaveBeenCalledTimes(3);
    await periodic.stop();
  });

  it('says what a sweep did in its own words when given them', async () => {
    const periodic = new PeriodicSweep({
      what: 'old file(s)',
      sweep: jest.fn().mockResolvedValue(2),
      intervalMs: 1_000,
      logger: logger as unknown as Logger,
      describeResult: (count) => `Deleted ${count} old file(s)`,
    });
    periodic.start();
    await jest.advanceTimersByTimeAsync(0);
    expect(logger.log).toHaveBeenCalledWith('Deleted 2 old file(s)');
    await periodic.stop();
  });

  it('never runs two sweeps at once', async () => {
    let finish!: (count: number) => void;
    const sweep = jest.fn(() => new Promise<number>((resolve) => (finish = resolve)));
    const periodic = start(sweep);
    await jest.advanceTimersByTimeAsync(5_000);
    expect(sweep).toHaveBeenCalledTimes(1);
    finish(0);
    await jest.advanceTimersByTimeAsync(1_000);
    expect(sweep).toHaveBeenCalledTimes(2);
    finish(0);
    await periodic.stop();
  });

  it('warns once while failing, and once when it works again', async () => {
    const sweep = jest
      .fn()
      .mockRejectedValueOnce(new Error('Redis down'))
      .mockRejectedValueOnce(new Error('Redis down'))
      .mockResolvedValue(0);
    const periodic = start(sweep);
    await jest.advanceTimersByTimeAsync(2_500);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith('Cannot sweep pending thing(s) yet: Redis down');
    expect(logger.log).toHaveBeenCalledWith('Sweeping pending thing(s) works again');
    await periodic.stop();
  });

  it('stops sweeping once stopped', async () => {
    const sweep = jest.fn().mockResolvedValue(0);
    const periodic = start(sweep);
    await jest.advanceTimersByTimeAsync(0);
    await periodic.stop();
    await jest.advanceTimersByTimeAsync(10_000);
    expect(sweep).toHaveBeenCalledTimes(1);
  });
});
