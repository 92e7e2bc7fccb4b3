// Decorators of the imported libs read metadata as soon as they load.
import 'reflect-metadata';
import { DynamicModule, INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DatabaseModule } from '@oris/api/database';
import { FollowupsWorkerModule } from '@oris/api/followups';
import {
  startEmailWorker,
  startSmtpServer,
  type EmailWorkerHandle,
  type TestSmtpServer,
} from '@oris/api/notifications/testing';
import {
  AppConfig,
  ConfigModule,
  jobIdFor,
  JobsModule,
  QUEUES,
  redisOptions,
} from '@oris/api/platform';
import { Queue } from 'bullmq';
import { uniqueIp } from '../identity/support/identity-client';
import { startIdentityTestApp } from '../identity/support/identity-test-app';
import { workerConfig } from '../notifications/outbox-support';
import { pastCohort, placementCast } from '../placements/placement-client';
import type { TestApp } from '../support/test-app';
import { followupEmails } from './followup-support';
import request from 'supertest';

@Module({})
class FollowupsWorkerTestModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: FollowupsWorkerTestModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot('oris-worker-test'),
        JobsModule.forRoot(),
        FollowupsWorkerModule.forRoot({ everyMs: 300 }),
      ],
    };
  }
}

const startFollowupsWorker = (config: AppConfig) =>
  NestFactory.createApplicationContext(FollowupsWorkerTestModule.forRoot(config), {
    logger: false,
    abortOnError: false,
  });

/**
 * The worker as deployed: the follow-ups' job scheduler (two worker processes share one) runs the
 * pass by itself, and the email worker delivers the survey link over SMTP.
 */
describe('follow-ups: the worker’s scheduled pass, through SMTP', () => {
  let api: TestApp;
  let smtp: TestSmtpServer;
  let emails: EmailWorkerHandle;
  const workers: INestApplicationContext[] = [];

  beforeAll(async () => {
    api = await startIdentityTestApp();
    smtp = await startSmtpServer();
  });

  afterAll(async () => {
    for (const worker of workers) await worker.close();
    await emails?.close();
    const queue = new Queue(QUEUES.followups, {
      connection: redisOptions(api.config),
      prefix: api.config.QUEUE_PREFIX,
    });
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
    await api.close();
    await smtp.close();
  });

  it('emails each completer’s survey link once, though two workers run the schedule', async () => {
    const cast = await placementCast(api);
    const cohort = await pastCohort(api, cast, 2);
    const config = workerConfig(api, smtp.url);
    emails = await startEmailWorker(config);
    workers.push(await startFollowupsWorker(config), await startFollowupsWorker(config));

    const addresses = cohort.completers.map((c) => c.email);
    for (const address of addresses)
      await smtp.waitFor((message) => message.to.includes(address), 20_000);
    const message = smtp.messages.find((m) => m.to.includes(addresses[0]));
    const link = new RegExp(`${api.config.PUBLIC_WEB_URL}/survey/([\\w-]{43})`).exec(
      message?.text ?? '',
    );
    expect(link).not.toBeNull();
    expect(message?.subject).toContain('9');

    // Several more ticks of both workers: still one email per person.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(smtp.messages.filter((m) => addresses.some((a) => m.to.includes(a)))).toHaveLength(2);
    expect(
      await followupEmails(
        api,
        cohort.completers.map((c) => c.userId),
      ),
    ).toHaveLength(2);

    const queue = new Queue(QUEUES.followups, {
      connection: redisOptions(api.config),
      prefix: api.config.QUEUE_PREFIX,
    });
    const schedulers = await queue.getJobSchedulers();
    await queue.close();
    expect(schedulers.map((scheduler) => scheduler.key)).toEqual([jobIdFor.followupsTick()]);

    // The emailed link opens the survey.
    await request(api.url)
      .get(`/api/v1/survey/${link?.[1]}`)
      .set('x-forwarded-for', uniqueIp())
      .expect(200);
  });
});
