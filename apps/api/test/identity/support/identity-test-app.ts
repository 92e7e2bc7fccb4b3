import { QUEUES, redisOptions } from '@oris/api/platform';
import { Queue } from 'bullmq';
import { startTestApp, TestApp } from '../../support/test-app';

/**
 * The real app (its own database and Redis namespace, see startTestApp), whose close also
 * removes the email jobs this file queued: most identity tests run no worker to take them.
 */
export async function startIdentityTestApp(env: NodeJS.ProcessEnv = {}): Promise<TestApp> {
  const api = await startTestApp(env);
  return {
    ...api,
    close: async () => {
      await api.close();
      const queue = new Queue(QUEUES.email, {
        connection: redisOptions(api.config),
        prefix: api.config.QUEUE_PREFIX,
      });
      await queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close();
    },
  };
}
