import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { todayInMorocco } from '@oris/shared/domain';
import type { PublicFiguresDto, PublicIndicatorsDto } from '../dto/public-indicators.dto';
import { InsertionIndicators } from '../engine/insertion-indicators.service';
import { IndicatorsErrorCode, IndicatorsException } from '../indicators.exception';
import { MINIMUM_CELL_SIZE, NESTED_COUNTS } from './disclosure/disclosure';
import { publicFigures, yearEligibility } from './public-figures';
import { lastClosedQuarter, quarterAfter } from './release-calendar';

/** The public horizon: T+9. */
const MONTHS = 9;

interface ReleaseRow {
  quarter: string;
  releasedOn: string;
  releasedAt: Date;
  figures: PublicFiguresDto;
}

/**
 * The public headline (T+9, by region and by completion year) is published once a quarter and
 * then frozen: a live figure changing day by day would let anyone subtract yesterday's from
 * today's and see the persons who moved in between. The worker produces the release of a
 * quarter once it is over (`releaseDue`), as of the quarter's last day; the public route serves
 * the latest release as stored, and never computes anything on a visitor's request.
 */
@Injectable()
export class PublicReleases {
  private readonly logger = new Logger(PublicReleases.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly indicators: InsertionIndicators,
  ) {}

  /** The latest release; 404 problem before the worker has produced the first one. */
  async latest(): Promise<PublicIndicatorsDto> {
    const [row]: ReleaseRow[] = await this.dataSource.query(
      `SELECT quarter, released_on::text AS "releasedOn", released_at AS "releasedAt", figures
         FROM public_indicator_release ORDER BY quarter DESC LIMIT 1`,
    );
    if (!row) {
      throw new IndicatorsException(
        IndicatorsErrorCode.NoPublicRelease,
        'The first quarterly release is produced by the worker when it starts; try again shortly.',
      );
    }
    return {
      ...row.figures,
      quarter: row.quarter,
      releasedOn: row.releasedOn,
      releasedAt: row.releasedAt.toISOString(),
      nextReleaseOn: quarterAfter(row.quarter).dueOn,
    };
  }

  /**
   * Produces the release of the last quarter over on `now` (Morocco date) unless it exists;
   * returns its quarter when this call produced it. Idempotent and safe to run from several
   * processes: a quarter's row is inserted once and never rewritten. A worker that was down for
   * several quarters produces only the last one: an older quarter computed today would not be
   * what could have been published then.
   */
  async releaseDue(now: Date = new Date()): Promise<string | null> {
    const due = lastClosedQuarter(todayInMorocco(now));
    const existing = await this.dataSource.query(
      `SELECT 1 FROM public_indicator_release WHERE quarter = $1`,
      [due.quarter],
    );
    if (existing.length > 0) return null;
    // Knowledge is read at the computing instant (the clock, even when `now` is given to pick
    // the quarter), so the release equals the insertion route's answer for these two dates.
    const figures = await this.figuresAsOf(due.endsOn, new Date());
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO public_indicator_release (quarter, as_of, released_on, released_at, figures)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (quarter) DO NOTHING RETURNING quarter`,
      [due.quarter, due.endsOn, todayInMorocco(now), now, JSON.stringify(figures)],
    );
    if (inserted.length === 0) return null;
    this.logger.log(`Public indicators released for ${due.quarter} (as of ${due.endsOn})`);
    return due.quarter;
  }

  /**
   * The figures as of `asOf` (facts by their own dates), as known at the release instant,
   * suppressed over both tables at once (they split the same population). Both tables read the
   * same `knownAt`, so a write between the two computations cannot make them disagree, and the
   * release can be reproduced later from the insertion route with the same two dates.
   */
  private async figuresAsOf(asOf: string, knownAt: Date): Promise<PublicFiguresDto> {
    const query = { months: MONTHS, asOf, knownAt: knownAt.toISOString() } as const;
    const byRegion = await this.indicators.compute({ ...query, groupBy: 'region' }, 'live');
    const byYear = await this.indicators.compute({ ...query, groupBy: 'year' }, 'live');
    // The rule protects tables that split one population: two snapshots apart, they might not.
    if (NESTED_COUNTS.some((name) => byRegion[name] !== byYear[name])) {
      throw new Error(`The data changed while the ${asOf} release was computed; retrying later`);
    }
    const published = publicFigures(
      byRegion,
      [byRegion.breakdown, byYear.breakdown],
      [[], byYear.breakdown.map((group) => yearEligibility(group, asOf, MONTHS))],
    );
    return {
      months: MONTHS,
      asOf,
      minimumCellSize: MINIMUM_CELL_SIZE,
      total: published.total,
      byRegion: published.tables[0],
      byYear: published.tables[1],
      definition: byRegion.definition,
    };
  }
}
