import { afterFailedAttempt, describeError, isPermanentSmtpError } from './delivery-policy';
import { emailRetryDelay } from './email-job';

const now = new Date('2026-03-01T10:00:00Z');
const policy = { maxAttempts: 32, roundDelayMs: 6 * 3600_000 };
const attempt = { attempts: 3, lastOfRound: false, permanent: false, unrenderable: false, now };

describe('afterFailedAttempt', () => {
  it('lets BullMQ retry within the round, even after a 5xx', () => {
    expect(afterFailedAttempt({ ...attempt, permanent: true }, policy)).toEqual({
      status: 'pending',
      nextAttemptAt: null,
      retryInRound: true,
    });
  });

  it('schedules another round after a round of temporary failures', () => {
    expect(afterFailedAttempt({ ...attempt, attempts: 8, lastOfRound: true }, policy)).toEqual({
      status: 'pending',
      nextAttemptAt: new Date('2026-03-01T16:00:00Z'),
      retryInRound: false,
    });
  });

  it('gives up when the round ends on a permanent refusal', () => {
    expect(
      afterFailedAttempt({ ...attempt, lastOfRound: true, permanent: true }, policy).status,
    ).toBe('failed');
  });

  it('gives up at the attempt cap and on an email that cannot be rendered', () => {
    expect(afterFailedAttempt({ ...attempt, attempts: 32 }, policy).status).toBe('failed');
    expect(afterFailedAttempt({ ...attempt, attempts: 1, unrenderable: true }, policy)).toEqual({
      status: 'failed',
      nextAttemptAt: null,
      retryInRound: false,
    });
  });
});

describe('isPermanentSmtpError', () => {
  it('reads nodemailer flags and SMTP reply codes', () => {
    expect(isPermanentSmtpError({ permanent: true })).toBe(true);
    expect(isPermanentSmtpError({ permanent: false, responseCode: 550 })).toBe(false);
    expect(isPermanentSmtpError({ responseCode: 550 })).toBe(true);
    expect(isPermanentSmtpError({ responseCode: 451 })).toBe(false);
    expect(isPermanentSmtpError(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }))).toBe(
      false,
    );
    expect(isPermanentSmtpError('boom')).toBe(false);
  });
});

describe('describeError', () => {
  it('keeps one line with the error code', () => {
    const error = Object.assign(new Error('Can not\r\nconnect'), { code: 'ESOCKET' });
    expect(describeError(error)).toBe('ESOCKET: Can not connect');
    expect(describeError('x'.repeat(2_000))).toHaveLength(1_000);
  });
});

describe('emailRetryDelay', () => {
  it('doubles from the base delay, within ±20% jitter', () => {
    expect([1, 2, 3, 8].map((made) => emailRetryDelay(made, 30_000, () => 0.5))).toEqual([
      30_000, 60_000, 120_000, 3_840_000,
    ]);
    expect(emailRetryDelay(1, 1_000, () => 0)).toBe(800);
    expect(emailRetryDelay(1, 1_000, () => 1)).toBe(1_200);
  });
});
