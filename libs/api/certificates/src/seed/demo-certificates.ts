import type { DataSource } from 'typeorm';
import type { CertificateIssuer } from '../issuing/certificate-issuer.service';

export interface DemoCertificatesOptions {
  /** The administrator who issues the demo certificates. */
  adminId: string;
  /** Session ids by demo key, as `seedDemoCatalogue` returns them (`sessions`). */
  sessionIdsByKey: Record<string, string>;
}

export interface DemoCertificatesResult {
  /** One line per session, for the CLI to print. */
  lines: string[];
  /** Certificates issued by this run (0 when run again). */
  created: number;
}

/**
 * The past cohorts whose certificates the demo has issued: the first cohort and GP-201's. The
 * others are left for an administrator to try batch issuing, COOP-120's "Session Oujda" above all
 * (the admin journey in apps/web-e2e issues it, and none of its completers took these two, so
 * their emails hold no other certificate's link).
 */
const ISSUED_SESSIONS = ['es101-first', 'gp201-past'];

/**
 * Issues the certificates of some completed demo enrollments through `CertificateIssuer`, as an
 * administrator would one by one: serials, verification codes and snapshots as in production,
 * rows left `pending` for the worker to render (its render jobs are handed to the queue after
 * each commit, and its sweeper hands any that did not reach Redis), then emailed to each holder.
 * Idempotent: issuing an enrollment's certificate again returns the one it has.
 */
export async function seedDemoCertificates(
  issuer: CertificateIssuer,
  dataSource: DataSource,
  options: DemoCertificatesOptions,
): Promise<DemoCertificatesResult> {
  const result: DemoCertificatesResult = { lines: [], created: 0 };
  for (const key of ISSUED_SESSIONS) {
    const sessionId = options.sessionIdsByKey[key];
    if (!sessionId) continue;
    const enrollments: { id: string }[] = await dataSource.query(
      `SELECT id FROM enrollment WHERE session_id = $1 AND status = 'completed' ORDER BY id`,
      [sessionId],
    );
    let created = 0;
    for (const enrollment of enrollments) {
      if ((await issuer.issue(options.adminId, enrollment.id)).created) created++;
    }
    result.created += created;
    result.lines.push(
      `${created > 0 ? 'created' : 'kept   '} ${key.padEnd(14)} ${created} certificates (${enrollments.length} completers)`,
    );
  }
  return result;
}
