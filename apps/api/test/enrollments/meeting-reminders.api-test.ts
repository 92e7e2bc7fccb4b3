// Decorators of the imported libs read metadata as soon as they load.
import 'reflect-metadata';
import { DynamicModule, INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DatabaseModule } from '@oris/api/database';
import { EnrollmentsWorkerModule, MeetingReminders } from '@oris/api/enrollments';
import {
  startEmailWorker,
  startSmtpServer,
  type EmailWorkerHandle,
  type TestSmtpServer,
} from '@oris/api/notifications/testing';
import { AppConfig, ConfigModule, JobsModule } from '@oris/api/platform';
import { addDays, moroccoTimeToIso, todayInMorocco } from '@oris/shared/domain';
import { DataSource } from 'typeorm';
import { castOf, client } from '../catalogue/catalogue-client';
import type { Session } from '../identity/support/identity-client';
import { startIdentityTestApp } from '../identity/support/identity-test-app';
import { workerConfig } from '../notifications/outbox-support';
import type { TestApp } from '../support/test-app';
import { baseline, bulkPeople, openSession } from './enrollment-client';

@Module({})
class ReminderWorkerTestModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ReminderWorkerTestModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot('oris-worker-test'),
        JobsModule.forRoot(),
        EnrollmentsWorkerModule,
      ],
    };
  }
}

/** The worker's reminder sweep as deployed (it sweeps at start), in this process. */
const startReminderWorker = (config: AppConfig) =>
  NestFactory.createApplicationContext(ReminderWorkerTestModule.forRoot(config), {
    logger: false,
    abortOnError: false,
  });

describe('meeting reminders: the day before, once, in the trainee’s language, through SMTP', () => {
  let api: TestApp;
  let smtp: TestSmtpServer;
  let emails: EmailWorkerHandle | undefined;
  const workers: INestApplicationContext[] = [];

  beforeAll(async () => {
    api = await startIdentityTestApp();
    smtp = await startSmtpServer();
  });

  afterAll(async () => {
    for (const worker of workers) await worker.close();
    await emails?.close();
    await api.close();
    await smtp.close();
  });

  const reminderRows = (addresses: string[]): Promise<{ to: string; locale: string }[]> =>
    api.app.get(DataSource).query(
      `SELECT to_address AS "to", locale FROM email_outbox
        WHERE template = 'meeting_reminder' AND to_address = ANY($1) ORDER BY to_address`,
      [addresses],
    );

  it('writes one reminder per seated trainee and meeting, though two workers sweep at once', async () => {
    const cast = await castOf(api);
    const http = client(api);
    const tomorrow = addDays(todayInMorocco(), 1);
    const { sessionId } = await openSession(api, cast.trainer, {
      session: {
        startsOn: tomorrow,
        endsOn: addDays(tomorrow, 1),
        capacity: 2,
        venue: 'Maison des associations, Fès',
        onlineUrl: 'https://meet.example.org/oris-fes',
        meetings: [
          {
            startsAt: moroccoTimeToIso(tomorrow, '09:30'),
            endsAt: moroccoTimeToIso(tomorrow, '12:00'),
          },
          {
            startsAt: moroccoTimeToIso(addDays(tomorrow, 1), '09:30'),
            endsAt: moroccoTimeToIso(addDays(tomorrow, 1), '12:00'),
          },
        ],
      },
    });
    const [arabic] = await bulkPeople(api, 1, ['trainee'], 'ar');
    const [french, waiting] = await bulkPeople(api, 2, ['trainee'], 'fr');
    const enroll = async (who: Session) =>
      (await http.as(who).post(`/api/v1/sessions/${sessionId}/enrollments`, baseline())).body;
    expect((await enroll(arabic)).status).toBe('confirmed');
    expect((await enroll(french)).status).toBe('confirmed');
    expect((await enroll(waiting)).status).toBe('waitlisted');
    const addresses = [arabic.email, french.email, waiting.email];

    const config = workerConfig(api, smtp.url);
    // Each sweeps at its start; then both sweep again side by side.
    workers.push(await startReminderWorker(config), await startReminderWorker(config));
    const [first, second] = workers.map((worker) => worker.get(MeetingReminders));
    await Promise.all([first.sweep(), second.sweep(), first.sweep()]);
    expect(await reminderRows(addresses)).toEqual(
      [
        { to: arabic.email, locale: 'ar' },
        { to: french.email, locale: 'fr' },
      ].sort((a, b) => a.to.localeCompare(b.to)),
    );
    expect(await first.sweep()).toBe(0);

    // A day later, the second meeting is tomorrow's: one more each.
    const nextDay = new Date(Date.now() + 24 * 60 * 60_000);
    expect(await second.sweep(nextDay)).toBe(2);
    expect(await first.sweep(nextDay)).toBe(0);
    expect(await reminderRows(addresses)).toHaveLength(4);

    emails = await startEmailWorker(config);
    const arabicMail = await smtp.waitFor(
      (message) => message.to.includes(arabic.email) && message.subject.startsWith('غدًا'),
      20_000,
    );
    expect(arabicMail.subject).toContain('09:30');
    expect(arabicMail.text).toContain('https://meet.example.org/oris-fes');
    const frenchMail = await smtp.waitFor(
      (message) => message.to.includes(french.email) && message.subject.startsWith('Demain'),
      20_000,
    );
    expect(frenchMail.text).toContain('Lieu : Maison des associations, Fès.');
  });
});
