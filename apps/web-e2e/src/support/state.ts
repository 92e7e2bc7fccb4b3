import type { RunningProcess } from './platform';

/** What the global setup started, for the teardown to stop. */
export interface E2eState {
  databaseAdminUrl: string;
  databaseName: string;
  /** Logs of the API, worker and web server, and the dropped emails. */
  workDir: string;
  processes: RunningProcess[];
}

export const E2E_STATE = '__orisWebE2e';
