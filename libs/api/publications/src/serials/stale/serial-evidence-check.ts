import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EmailOutbox } from '@oris/api/notifications';
import { type Locale, todayInMorocco } from '@oris/shared/domain';
import { DataSource } from 'typeorm';
import { staleBefore } from '../serial-rows';

/** Titles listed in one email; the rest are counted and found through the link. */
const TITLES_IN_EMAIL = 30;

/**
 * The yearly evidence check: serials whose current coverage evidence was checked more than a
 * year ago (the same rule as `GET /serials?stale=true`) are claimed for the current year in
 * `serial_evidence_reminder` and, in the same transaction, each active observatory editor gets
 * one email in their language listing them. A serial is in one such email per year at most,
 * whatever the number of passes or workers (the claim is the primary key (serial, year)).
 */
@Injectable()
export class SerialEvidenceCheck {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: EmailOutbox,
  ) {}

  /** One pass; resolves to how many serials it reported. `today` for tests (a Moroccan day). */
  async run(today: string = todayInMorocco()): Promise<number> {
    const year = Number(today.slice(0, 4));
    const reported = await this.dataSource.transaction(async (manager) => {
      const editors: { id: string; email: string; fullName: string; locale: Locale }[] =
        await manager.query(
          `SELECT u.id, u.email, u.full_name AS "fullName", u.locale
             FROM users u JOIN user_role r ON r.user_id = u.id AND r.role = 'observatory_editor'
            WHERE u.disabled_at IS NULL ORDER BY u.email`,
        );
      if (editors.length === 0) return 0;
      const claimed: { title: string }[] = await manager.query(
        `WITH due AS (
           SELECT s.id FROM serial s
            WHERE EXISTS (SELECT 1 FROM serial_coverage c WHERE c.serial_id = s.id
                            AND c.superseded_at IS NULL AND c.checked_on < $1::date)
              AND NOT EXISTS (SELECT 1 FROM serial_evidence_reminder r
                               WHERE r.serial_id = s.id AND r.year = $2)
         ), claimed AS (
           INSERT INTO serial_evidence_reminder (serial_id, year)
           SELECT id, $2 FROM due ON CONFLICT DO NOTHING RETURNING serial_id
         )
         SELECT s.title FROM claimed JOIN serial s ON s.id = claimed.serial_id ORDER BY lower(s.title)`,
        [staleBefore(today), year],
      );
      if (claimed.length === 0) return 0;
      const titles = claimed.map((row) => `• ${row.title}`);
      const listed =
        titles.length > TITLES_IN_EMAIL
          ? [...titles.slice(0, TITLES_IN_EMAIL), `… (+${titles.length - TITLES_IN_EMAIL})`]
          : titles;
      for (const editor of editors) {
        await this.outbox.add(manager, {
          to: editor.email,
          userId: editor.id,
          locale: editor.locale,
          template: 'serial_evidence_stale',
          params: {
            fullName: editor.fullName,
            count: String(claimed.length),
            titles: listed.join('\n'),
          },
        });
      }
      return claimed.length;
    });
    if (reported > 0) this.outbox.dispatchPending();
    return reported;
  }
}
