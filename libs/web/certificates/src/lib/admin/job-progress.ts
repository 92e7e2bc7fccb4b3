import type { BatchJob } from '../shared/certificate-types';

/** How often the batch's progress is asked for while it runs. */
export const POLL_INTERVAL_MS = 1000;

/** The job is over: every certificate of the batch was rendered or gave up. */
export function isFinished(job: Pick<BatchJob, 'state'>): boolean {
  return job.state === 'completed' || job.state === 'failed';
}

/** The bar's value: what the API counts as finished, rendered or failed alike. */
export function percentDone(job: Pick<BatchJob, 'total' | 'done' | 'failed'>): number {
  if (job.total === 0) return 100;
  return Math.min(100, Math.round(((job.done + job.failed) / job.total) * 100));
}
