/**
 * Every queue, job name and payload type, declared once: the API enqueues with these,
 * the worker's processors consume them. Payloads carry ids, never whole records, so that a
 * retried job always reads the current state.
 */
export const QUEUES = {
  email: 'email',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export const JOBS = {
  sendEmail: 'send-email',
} as const;

export interface JobPayloads {
  [JOBS.sendEmail]: { outboxId: string };
}

export type JobName = keyof JobPayloads;

/** Deterministic ids make re-enqueuing the same work a no-op in BullMQ. */
export const jobIdFor = {
  sendEmail: (outboxId: string) => `email-${outboxId}`,
};
