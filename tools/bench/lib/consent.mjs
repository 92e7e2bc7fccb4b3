import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../dev/lib.mjs';

/**
 * The current personal-data notice version, read from the shared domain's source, so that
 * people seeded straight into the database have consented to the notice the API expects
 * (otherwise enrolling answers 403 `consent_required`).
 */
export function currentNoticeVersion() {
  const source = readFileSync(join(ROOT, 'libs/shared/domain/src/personal-data.ts'), 'utf8');
  const match = /PERSONAL_DATA_NOTICE_VERSION = '([^']+)'/.exec(source);
  if (!match) throw new Error('PERSONAL_DATA_NOTICE_VERSION not found in the shared domain');
  return match[1];
}

/** A consent record by command (as the demo seed writes) for each of these people. */
export async function recordSeedConsent(client, userIds) {
  await client.query(
    `INSERT INTO consent (user_id, purpose, notice_version, method, followup_tracking)
     SELECT unnest($1::uuid[]), 'seeded for a benchmark', $2, 'command', true`,
    [userIds, currentNoticeVersion()],
  );
}
