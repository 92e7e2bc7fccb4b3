import { parseArgs } from 'node:util';
import { DynamicModule, INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DatabaseModule } from '@oris/api/database';
import { seedDemoCatalogue } from '@oris/api/catalogue';
import { seedDemoEnrollments } from '@oris/api/enrollments';
import { seedDemoPlacements } from '@oris/api/placements';
import {
  CommandInputError,
  DEMO_ACCOUNTS,
  DEMO_LEARNERS,
  IdentityCommands,
  IdentityModule,
} from '@oris/api/identity';
import { AppConfig, ConfigModule, JobsModule } from '@oris/api/platform';
import { DataSource } from 'typeorm';

/** Just what the identity commands need: no HTTP server, no logging middleware. */
@Module({})
class IdentityCliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: IdentityCliModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot('oris-cli'),
        JobsModule.forRoot(),
        IdentityModule,
      ],
    };
  }
}

async function withIdentityCommands<T>(
  config: AppConfig,
  run: (commands: IdentityCommands, context: INestApplicationContext) => Promise<T>,
): Promise<T> {
  const context = await NestFactory.createApplicationContext(IdentityCliModule.forRoot(config), {
    logger: ['error', 'warn'],
    abortOnError: false,
  });
  try {
    return await run(context.get(IdentityCommands), context);
  } finally {
    await context.close();
  }
}

export function seedDemo(config: AppConfig): Promise<string> {
  if (config.isProduction) {
    // Refused before connecting to anything.
    return Promise.reject(
      new CommandInputError('seed:demo refuses to run with NODE_ENV=production.'),
    );
  }
  return withIdentityCommands(config, async (commands, context) => {
    const accounts = await commands.seedDemo();
    const dataSource = context.get(DataSource);
    const trainerEmail = DEMO_ACCOUNTS.find((account) => account.role === 'trainer')?.email;
    const [trainer] = await dataSource.query(`SELECT id FROM users WHERE email = $1`, [
      trainerEmail,
    ]);
    const catalogue = await seedDemoCatalogue(dataSource, { trainerId: trainer.id });
    const learners: { id: string }[] = await dataSource.query(
      `SELECT id FROM users WHERE email = ANY($1) ORDER BY email`,
      [DEMO_LEARNERS.map((learner) => learner.email)],
    );
    const enrollments = await seedDemoEnrollments(dataSource, {
      sessionIdsByKey: catalogue.sessions,
      trainees: learners.map((learner) => learner.id),
    });
    const officerEmail = DEMO_ACCOUNTS.find(
      (account) => account.role === 'placement_officer',
    )?.email;
    const [officer] = await dataSource.query(`SELECT id FROM users WHERE email = $1`, [
      officerEmail,
    ]);
    const placements = await seedDemoPlacements(dataSource, {
      officerId: officer.id,
      trainees: learners.map((learner) => learner.id),
    });
    return [...accounts, ...catalogue.lines, ...enrollments.lines, ...placements.lines].join('\n');
  });
}

export function createAdmin(config: AppConfig, args: string[]): Promise<string> {
  let values: { email?: string; password?: string; name?: string };
  try {
    ({ values } = parseArgs({
      args,
      options: {
        email: { type: 'string' },
        password: { type: 'string' },
        name: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return Promise.reject(new CommandInputError((error as Error).message));
  }
  const { email, password, name } = values;
  if (!email || !password) {
    return Promise.reject(
      new CommandInputError(
        'Usage: admin:create --email <email> --password <password> [--name <full name>]',
      ),
    );
  }
  return withIdentityCommands(config, (commands) =>
    commands.createAdmin({ email, password, name }),
  );
}
