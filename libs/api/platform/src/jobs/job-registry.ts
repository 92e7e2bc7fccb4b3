/**
 * Every queue, job name and payload type, declared once: the API enqueues with these,
 * the worker's processors consume them. Payloads carry ids, never whole records, so that a
 * retried job always reads the current state.
 */
export const QUEUES = {
  email: 'email',
  /** CPU work (PDF rendering): its own queue, so its concurrency never holds emails back. */
  certificates: 'certificates',
  /** The follow-ups' periodic pass (schedule, mark due and email, remind). */
  followups: 'followups',
  /** Rebuilds of the indicator rollup: long and rare, never behind other work. */
  indicators: 'indicators',
  /** An announcement's email fan-out: one job per announcement, expanded into one email each. */
  announcements: 'announcements',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export const JOBS = {
  sendEmail: 'send-email',
  renderCertificate: 'render-certificate',
  followupsTick: 'followups-tick',
  refreshInsertionRollup: 'refresh-insertion-rollup',
  fanOutAnnouncement: 'fan-out-announcement',
} as const;

export interface JobPayloads {
  [JOBS.sendEmail]: { outboxId: string };
  [JOBS.renderCertificate]: { certificateId: string };
  [JOBS.followupsTick]: Record<string, never>;
  [JOBS.refreshInsertionRollup]: { reason: 'changed' | 'periodic' };
  [JOBS.fanOutAnnouncement]: { announcementId: string };
}

export type JobName = keyof JobPayloads;

/** Deterministic ids make re-enqueuing the same work a no-op in BullMQ. */
export const jobIdFor = {
  sendEmail: (outboxId: string) => `email-${outboxId}`,
  renderCertificate: (certificateId: string) => `render-${certificateId}`,
  /** One repeatable job scheduler for the whole platform, whatever the number of workers. */
  followupsTick: () => 'followups-tick',
  /** One rebuild pending at a time: changes arriving meanwhile merge into it (debounce). */
  refreshInsertionRollup: () => 'insertion-rollup',
  fanOutAnnouncement: (announcementId: string) => `announcement-${announcementId}`,
};
