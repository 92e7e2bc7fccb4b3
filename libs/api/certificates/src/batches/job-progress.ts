import type { JobDto } from '../dto/certificate.dto';

export interface BatchCounts {
  total: number;
  done: number;
  failed: number;
}

/** A batch's state and percentage from its counts (`failed` only once everything has finished). */
export function jobProgress(id: string, counts: BatchCounts): JobDto {
  const { total, done, failed } = counts;
  const finished = done + failed;
  const progress = total === 0 ? 100 : Math.floor((finished * 100) / total);
  const state =
    finished >= total
      ? failed > 0
        ? 'failed'
        : 'completed'
      : finished === 0
        ? 'waiting'
        : 'active';
  return { id, state, progress, total, done, failed };
}
