import { DynamicModule, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ActivitiesModule, DemoAssignment, DemoQuiz } from '@oris/api/activities';
import { seedDemoAnnouncements } from '@oris/api/announcements';
import { seedDemoCatalogue } from '@oris/api/catalogue';
import {
  CertificateIssuer,
  CertificatesModule,
  seedDemoCertificates,
} from '@oris/api/certificates';
import { DatabaseModule } from '@oris/api/database';
import { seedDemoEnrollments } from '@oris/api/enrollments';
import { DemoFollowups, FollowupsModule } from '@oris/api/followups';
import {
  CommandInputError,
  DEMO_ACCOUNTS,
  DEMO_LEARNERS,
  IdentityCommands,
  IdentityModule,
} from '@oris/api/identity';
import { DemoKnowledgeTools, KnowledgeToolsModule } from '@oris/api/knowledge-tools';
import { DemoMaterial, MaterialModule } from '@oris/api/material';
import { DemoPractices, PracticesModule } from '@oris/api/practices';
import { DemoPartnerships, PartnershipsModule } from '@oris/api/partnerships';
import { seedDemoTargets } from '@oris/api/indicators';
import { seedDemoPlacements } from '@oris/api/placements';
import { DemoPublications, PublicationsModule } from '@oris/api/publications';
import { AppConfig, ConfigModule, JobsModule, StorageModule } from '@oris/api/platform';
import type { Role } from '@oris/shared/domain';
import { DataSource } from 'typeorm';
import { reindexSearch } from './search-reindex-command';

/**
 * What the demo seed needs: the feature modules whose services it goes through (issuing
 * certificates, the follow-ups' passes and answers), with no HTTP server and no worker.
 */
@Module({})
class DemoSeedCliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: DemoSeedCliModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot('oris-cli'),
        JobsModule.forRoot(),
        StorageModule,
        IdentityModule,
        CertificatesModule,
        FollowupsModule,
        KnowledgeToolsModule,
        PublicationsModule,
        PartnershipsModule,
        ActivitiesModule,
        PracticesModule,
        MaterialModule,
      ],
    };
  }
}

/**
 * The demo data, in dependency order, each step idempotent: accounts, catalogue, enrollments,
 * placements, certificates (rendered by the worker when it starts), follow-ups.
 */
export async function seedDemo(config: AppConfig): Promise<string> {
  if (config.isProduction) {
    // Refused before connecting to anything.
    throw new CommandInputError('seed:demo refuses to run with NODE_ENV=production.');
  }
  const context = await NestFactory.createApplicationContext(DemoSeedCliModule.forRoot(config), {
    logger: ['error', 'warn'],
    abortOnError: false,
  });
  try {
    const accounts = await context.get(IdentityCommands).seedDemo();
    const dataSource = context.get(DataSource);
    const accountId = async (role: Role): Promise<string> => {
      const email = DEMO_ACCOUNTS.find((account) => account.role === role)?.email;
      const [row]: { id: string }[] = await dataSource.query(
        `SELECT id FROM users WHERE email = $1`,
        [email],
      );
      return row.id;
    };
    const catalogue = await seedDemoCatalogue(dataSource, {
      trainerId: await accountId('trainer'),
    });
    const learners: { id: string }[] = await dataSource.query(
      `SELECT id FROM users WHERE email = ANY($1) ORDER BY email`,
      [DEMO_LEARNERS.map((learner) => learner.email)],
    );
    const trainees = learners.map((learner) => learner.id);
    const enrollments = await seedDemoEnrollments(dataSource, {
      sessionIdsByKey: catalogue.sessions,
      trainees,
    });
    const officerId = await accountId('placement_officer');
    const placements = await seedDemoPlacements(dataSource, { officerId, trainees });
    const certificates = await seedDemoCertificates(context.get(CertificateIssuer), dataSource, {
      adminId: await accountId('admin'),
      sessionIdsByKey: catalogue.sessions,
    });
    const followups = await context.get(DemoFollowups).seed({ officerId, trainees });
    // Knowledge tools (observatory): recorded and validated by the demo editor.
    const tools = await context.get(DemoKnowledgeTools).seed(await accountId('observatory_editor'));
    // The observatory: publications, through the registry's writer; partnerships by the demo officer.
    const publications = await context.get(DemoPublications).seed({
      editorId: await accountId('observatory_editor'),
    });
    const partnerships = await context
      .get(DemoPartnerships)
      .seed({ officerId: await accountId('partnership_officer') });
    // The practice library (issue 17): written by the demo editor, reviewed by the demo admin.
    const practices = await context.get(DemoPractices).seed({
      editorId: await accountId('observatory_editor'),
      adminId: await accountId('admin'),
    });
    // The impact indicators' targets (issue 16).
    const targets = await seedDemoTargets(dataSource, { adminId: await accountId('admin') });
    // Quizzes (libs/api/activities): ES-101's first module, attempted by its past cohort.
    const quiz = await context.get(DemoQuiz).seed({
      trainerId: await accountId('trainer'),
      pastSessionId: catalogue.sessions['es101-past'],
    });
    // Assignments (libs/api/activities): ES-101's third module, handed in by its past cohort.
    const assignment = await context.get(DemoAssignment).seed({
      trainerId: await accountId('trainer'),
      pastSessionId: catalogue.sessions['es101-past'],
    });
    // Material (libs/api/material): a PDF and a video link in ES-101's first module.
    const material = await context.get(DemoMaterial).seed({
      trainerId: await accountId('trainer'),
      sessionId: catalogue.sessions['es101-past'],
    });
    // Announcements (issue 18): two in the running session, unread by its trainees.
    const announcements = await seedDemoAnnouncements(dataSource, {
      sessionId: catalogue.sessions['gp201-running'],
      trainerId: await accountId('trainer'),
    });
    // The search finds what the steps above made public (courses are seeded without the writers).
    const search = await reindexSearch(dataSource);
    return [
      ...accounts,
      ...catalogue.lines,
      ...enrollments.lines,
      ...placements.lines,
      ...certificates.lines,
      ...followups.lines,
      ...tools.lines,
      ...publications.lines,
      ...partnerships.lines,
      ...practices.lines,
      ...targets.lines,
      ...quiz.lines,
      ...assignment.lines,
      ...material.lines,
      ...announcements.lines,
      ...search,
    ].join('\n');
  } finally {
    await context.close();
  }
}
