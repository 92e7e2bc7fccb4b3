// Decorators of the imported libs read metadata as soon as they load.
import 'reflect-metadata';
import { DynamicModule, INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DatabaseModule } from '@oris/api/database';
import {
  startEmailWorker,
  startSmtpServer,
  type EmailWorkerHandle,
  type TestSmtpServer,
} from '@oris/api/notifications/testing';
import { PartnershipRenewalAlerts, PartnershipsWorkerModule } from '@oris/api/partnerships';
import { AppConfig, ConfigModule, JobsModule } from '@oris/api/platform';
import { addDays, todayInMorocco } from '@oris/shared/domain';
import { DataSource } from 'typeorm';
import { bulkPeople } from '../enrollments/enrollment-client';
import { signInAsNewAdmin, signInWithRoles } from '../identity/support/identity-client';
import { startIdentityTestApp } from '../identity/support/identity-test-app';
import { workerConfig } from '../notifications/outbox-support';
import type { TestApp } from '../support/test-app';
import { partnershipClient } from './partnership-client';

@Module({})
class AlertWorkerTestModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AlertWorkerTestModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot('oris-worker-test'),
        JobsModule.forRoot(),
        PartnershipsWorkerModule,
      ],
    };
  }
}

/** The worker's renewal alert sweep as deployed (it sweeps at start), in this process. */
const startAlertWorker = (config: AppConfig) =>
  NestFactory.createApplicationContext(AlertWorkerTestModule.forRoot(config), {
    logger: false,
    abortOnError: false,
  });

describe('renewal alerts: once per partnership and end, to every partnership officer, in their language', () => {
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

  const alertRows = (): Promise<{ to: string; locale: string; title: string }[]> =>
    api.app.get(DataSource).query(
      `SELECT to_address AS "to", locale, params->>'title' AS title FROM email_outbox
        WHERE template = 'partnership_renewal_due' ORDER BY to_address`,
    );

  it('emails when the notice period has come, never for terminated, open-ended, unsigned or distant ones, and once though two workers sweep twice', async () => {
    const admin = await signInAsNewAdmin(api);
    const officer = await signInWithRoles(api, admin, ['partnership_officer']);
    const registry = partnershipClient(api, officer);
    const [arabic] = await bulkPeople(api, 1, ['partnership_officer'], 'ar');
    const university = await registry.organisation('Université Mohammed V', 'university');
    const today = todayInMorocco();
    const signed = [{ organisationId: university, signedOn: addDays(today, -30) }];
    const within = { startsOn: addDays(today, -60), noticeDays: 30, parties: signed };
    await registry.agreement({ title: 'Due for renewal', endsOn: addDays(today, 20), ...within });
    await registry.agreement({ title: 'Far from its end', endsOn: addDays(today, 200), ...within });
    await registry.agreement({ title: 'Open-ended', endsOn: null, ...within });
    await registry.agreement({
      title: 'Never signed',
      endsOn: addDays(today, 20),
      ...within,
      parties: [{ organisationId: university }],
    });
    const ended = await registry.agreement({
      title: 'Terminated',
      endsOn: addDays(today, 20),
      ...within,
    });
    await registry.http
      .post(`/api/v1/partnerships/${ended.id}/termination`, { terminatedOn: addDays(today, 5) })
      .expect(200);

    const config = workerConfig(api, smtp.url);
    workers.push(await startAlertWorker(config), await startAlertWorker(config));
    const [first, second] = workers.map((worker) => worker.get(PartnershipRenewalAlerts));
    await Promise.all([first.sweep(), second.sweep(), first.sweep()]);
    expect(await first.sweep()).toBe(0);
    const rows = await alertRows();
    expect(rows.map((row) => row.title)).toEqual(['Due for renewal', 'Due for renewal']);
    expect(rows.map((row) => row.to).sort()).toEqual([arabic.email, officer.email].sort());
    expect(rows.find((row) => row.to === arabic.email)?.locale).toBe('ar');

    emails = await startEmailWorker(config);
    const arabicMail = await smtp.waitFor(
      (message) => message.to.includes(arabic.email) && message.subject.includes('Due for renewal'),
      20_000,
    );
    expect(arabicMail.subject).toContain('تجديد');
    const frenchMail = await smtp.waitFor(
      (message) =>
        message.to.includes(officer.email) && message.subject.includes('Due for renewal'),
      20_000,
    );
    expect(frenchMail.subject).toContain('Renouvellement à décider');
  });
});
