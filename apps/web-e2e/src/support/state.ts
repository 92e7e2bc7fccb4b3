import type { RunningProcess } from './platform';
import type { StaticServer } from './static-server';

/** What the global setup started, for the teardown to stop. */
export interface E2eState {
  databaseAdminUrl: string;
  databaseName: string;
  /** Logs of the API and worker, and the dropped emails. */
  workDir: string;
  processes: RunningProcess[];
  webServer?: StaticServer;
}

export const E2E_STATE = '__orisWebE2e';
