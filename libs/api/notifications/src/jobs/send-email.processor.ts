import { Injectable } from '@nestjs/common';
import type { JobPayloads, JOBS } from '@oris/api/platform';
import type { Job } from 'bullmq';
import { EmailDelivery } from './email-delivery.service';

/** `send-email` jobs: the payload names an outbox row; the delivery service does the rest. */
@Injectable()
export class SendEmailProcessor {
  constructor(private readonly delivery: EmailDelivery) {}

  async process(job: Job<JobPayloads[typeof JOBS.sendEmail]>): Promise<void> {
    const lastOfRound = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    await this.delivery.deliver(job.data.outboxId, { lastOfRound });
  }
}
