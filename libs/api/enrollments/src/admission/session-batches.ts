/** What one job of a batch came to: its value, or the error that refused it. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

interface Waiting<Job, Result> {
  job: Job;
  resolve: (value: Result) => void;
  reject: (error: unknown) => void;
}

/**
 * Serves the jobs of one key (a session) in arrival order, in batches: all the jobs that arrived
 * while the previous batch ran (up to `maxBatch`) go to `runBatch` together, which answers one
 * outcome per job. Keys are independent; within this process, one batch per key at a time.
 *
 * Why, for enrollments: the session's row lock serialises them, so each paid a whole transaction
 * (its commit waits for the disk: ~6 ms here) one after the other, and each waiting request held
 * a pooled database connection until its turn (a rush of 500 drained the pool: requests failed
 * with "timeout exceeded when trying to connect"). Here a waiting request holds nothing, and a
 * batch is one transaction, one commit. The row lock still orders several processes.
 */
export class SessionBatches<Job, Result> {
  private readonly waiting = new Map<string, Waiting<Job, Result>[]>();

  constructor(
    private readonly runBatch: (key: string, jobs: Job[]) => Promise<Outcome<Result>[]>,
    private readonly maxBatch = 100,
  ) {}

  submit(key: string, job: Job): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      const queue = this.waiting.get(key);
      if (queue) {
        queue.push({ job, resolve, reject });
        return;
      }
      this.waiting.set(key, [{ job, resolve, reject }]);
      void this.drain(key);
    });
  }

  /** Keys with jobs running or waiting (for tests). */
  get size(): number {
    return this.waiting.size;
  }

  private async drain(key: string): Promise<void> {
    const queue = this.waiting.get(key) as Waiting<Job, Result>[];
    while (queue.length > 0) {
      const batch = queue.splice(0, this.maxBatch);
      let outcomes: Outcome<Result>[];
      try {
        outcomes = await this.runBatch(
          key,
          batch.map((waiting) => waiting.job),
        );
      } catch (error) {
        // The batch's transaction failed as a whole (e.g. the database went away): nothing of it
        // was committed, so every job of it failed.
        outcomes = batch.map(() => ({ ok: false, error }));
      }
      batch.forEach((waiting, index) => {
        const outcome = outcomes[index] ?? {
          ok: false,
          error: new Error('The batch gave no outcome for this job.'),
        };
        if (outcome.ok) waiting.resolve(outcome.value);
        else waiting.reject(outcome.error);
      });
    }
    // Synchronously after the last check: a job submitted later starts a new drain.
    this.waiting.delete(key);
  }
}
