/**
 * Every queue, job name and payload type, declared once: the API enqueues with these,
 * the worker's processors consume them. Payloads carry ids, never whole records, so that a
 * retried job always reads the current state.
 */
export const QUEUES = {
  email: 'email',
  /** CPU work (PDF rendering): its own queue, so its concurrency never holds emails back. */
  certificates: 'certificates',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export const JOBS = {
  sendEmail: 'send-email',
  renderCertificate: 'render-certificate',
} as const;

export interface JobPayloads {
  [JOBS.sendEmail]: { outboxId: string };
  [JOBS.renderCertificate]: { certificateId: string };
}

export type JobName = keyof JobPayloads;

/** Deterministic ids make re-enqueuing the same work a no-op in BullMQ. */
export const jobIdFor = {
  sendEmail: (outboxId: string) => `email-${outboxId}`,
  renderCertificate: (certificateId: string) => `render-${certificateId}`,
};
