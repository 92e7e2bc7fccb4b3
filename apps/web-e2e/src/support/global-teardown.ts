import { rmSync } from 'node:fs';
import { dropDatabase } from './platform';
import { E2E_STATE, type E2eState } from './state';

export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as Record<string, unknown>)[E2E_STATE] as E2eState | undefined;
  if (!state) return;
  await Promise.all(state.processes.map((running) => running.stop()));
  await dropDatabase(state.databaseAdminUrl, state.databaseName);
  // Kept when asked, to read the API's and worker's logs after a failure.
  if (!process.env['E2E_KEEP_LOGS']) rmSync(state.workDir, { recursive: true, force: true });
}
