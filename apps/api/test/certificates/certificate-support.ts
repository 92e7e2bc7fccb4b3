import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DynamicModule, INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CertificatesWorkerModule, type RenderWorkerOptions } from '@oris/api/certificates';
import { DatabaseModule } from '@oris/api/database';
import { NotificationsWorkerModule, type EmailWorkerOptions } from '@oris/api/notifications';
import { TEST_EMAIL_WORKER_OPTIONS } from '@oris/api/notifications/testing';
import {
  AppConfig,
  ConfigModule,
  JobsModule,
  loadConfig,
  QUEUES,
  redisOptions,
  StorageModule,
  StorageSweepModule,
} from '@oris/api/platform';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import type { Session } from '../identity/support/identity-client';
import { openSession } from '../enrollments/enrollment-client';
import { startTestApp, type TestApp } from '../support/test-app';

const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const ROOT = resolve(__dirname, '../../../..');

export interface CertificateTestApp extends TestApp {
  /** The PDFs' directory, shared with the workers of this file. */
  storageDir: string;
}

/** Empties this file's queues in Redis (jobs left by a stopped or killed worker). */
async function obliterate(config: AppConfig): Promise<void> {
  for (const name of [QUEUES.email, QUEUES.certificates]) {
    const queue = new Queue(name, {
      connection: redisOptions(config),
      prefix: config.QUEUE_PREFIX,
    });
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
  }
}

/** The real API with a storage directory of its own; `close` also removes the files and queues. */
export async function startCertificateTestApp(
  env: NodeJS.ProcessEnv = {},
): Promise<CertificateTestApp> {
  const storageDir = await mkdtemp(join(tmpdir(), 'oris-certificates-'));
  const api = await startTestApp({ STORAGE_DIR: storageDir, ...env });
  return {
    ...api,
    storageDir,
    close: async () => {
      await api.close();
      await obliterate(api.config);
      await rm(storageDir, { recursive: true, force: true });
    },
  };
}

/** The worker's configuration: the API's database, queues and storage, the test SMTP server. */
export function workerEnv(api: CertificateTestApp, smtpUrl: string): Record<string, string> {
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: api.database.url,
    REDIS_URL,
    QUEUE_PREFIX: api.config.QUEUE_PREFIX,
    SMTP_URL: smtpUrl,
    PUBLIC_WEB_URL: api.config.PUBLIC_WEB_URL,
    STORAGE_DIR: api.storageDir,
  };
}

/**
 * One render thread unless a test asks for more: from the sources each thread compiles the
 * renderer before its first render, which is most of a small batch's time on a busy machine.
 */
const TEST_RENDER_WORKER_OPTIONS: Partial<RenderWorkerOptions> = {
  sweepIntervalMs: 100,
  threads: 1,
};

/** Test-specific tuning of the in-process worker, over the tests' fast defaults. */
export interface CertificateWorkerTestOptions {
  render?: Partial<RenderWorkerOptions>;
  email?: Partial<EmailWorkerOptions>;
}

@Module({})
class CertificateWorkerTestModule {
  static forRoot(config: AppConfig, options: CertificateWorkerTestOptions): DynamicModule {
    return {
      module: CertificateWorkerTestModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot('oris-worker-test'),
        JobsModule.forRoot(),
        StorageModule,
        StorageSweepModule,
        NotificationsWorkerModule.forRoot({ ...TEST_EMAIL_WORKER_OPTIONS, ...options.email }),
        CertificatesWorkerModule.forRoot({ ...TEST_RENDER_WORKER_OPTIONS, ...options.render }),
      ],
    };
  }
}

/**
 * The worker's renders and emails in the test process (the same modules as the worker app; its
 * render threads run render-thread.ts from the sources).
 */
export async function startCertificateWorker(
  api: CertificateTestApp,
  smtpUrl: string,
  options: CertificateWorkerTestOptions = {},
): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(
    CertificateWorkerTestModule.forRoot(loadConfig(workerEnv(api, smtpUrl)), options),
    { logger: false, abortOnError: false },
  );
  return app;
}

/**
 * The real worker entry point (`apps/worker/src/main.ts`) in a child process, so that a test can
 * kill it for real. Resolves once it logged that it started.
 */
export async function spawnWorker(api: CertificateTestApp, smtpUrl: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', join(ROOT, 'apps/worker/src/main.ts')],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        ...workerEnv(api, smtpUrl),
        LOG_LEVEL: 'info',
        SWC_NODE_PROJECT: join(ROOT, 'tsconfig.base.json'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The worker did not start within 120 s:\n${output.slice(-4_000)}`));
    }, 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Worker started')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The worker exited (${code}) before starting:\n${output.slice(-4_000)}`));
    });
  });
  // Keep draining its output so that it never blocks on a full pipe.
  child.stdout?.resume();
  child.stderr?.resume();
  return child;
}

export const database = (api: TestApp) => api.app.get(DataSource);

/**
 * A running session of `trainer` with `count` completed enrollments, written straight to the
 * database (people and enrollments in two statements): batches need many completers, fast.
 */
export async function sessionWithCompleters(
  api: TestApp,
  trainer: Session,
  admin: Session,
  count: number,
  locale = 'fr',
): Promise<{ sessionId: string; userIds: string[]; enrollmentIds: string[] }> {
  const { sessionId } = await openSession(api, trainer, { status: 'running' });
  const tag = createHash('sha256').update(`${sessionId}`).digest('hex').slice(0, 8);
  const emails = Array.from(
    { length: count },
    (_, index) => `completer.${tag}.${index}@example.ma`,
  );
  const users: { id: string }[] = await database(api).query(
    `INSERT INTO users (email, password_hash, full_name, full_name_ar, gender, birth_year, region_code, locale,
                        email_confirmed_at)
     SELECT e, 'not-a-password-hash', 'Stagiaire ' || (n - 1), 'متدرب ' || (n - 1), 'female', 1995, 'MA-04', $2,
            now()
       FROM unnest($1::varchar[]) WITH ORDINALITY AS t(e, n)
     RETURNING id`,
    [emails, locale],
  );
  const userIds = users.map((row) => row.id);
  await database(api).query(
    `INSERT INTO user_role (user_id, role) SELECT u, 'trainee' FROM unnest($1::uuid[]) u`,
    [userIds],
  );
  const enrollments: { id: string }[] = await database(api).query(
    `INSERT INTO enrollment (session_id, user_id, status, baseline_situation, education_level,
                             region_code, enrolled_by, confirmed_at, completed_on, validated_by, validated_at)
     SELECT $1, u, 'completed', 'seeking', 'licence', 'MA-04', $2, now(), CURRENT_DATE, $2, now()
       FROM unnest($3::uuid[]) u
     RETURNING id`,
    [sessionId, admin.user.id, userIds],
  );
  return { sessionId, userIds, enrollmentIds: enrollments.map((row) => row.id) };
}

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

export const readStored = (api: CertificateTestApp, key: string) =>
  readFile(join(api.storageDir, key));
