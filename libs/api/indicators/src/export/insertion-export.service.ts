import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditLog, type AuditData } from '@oris/api/identity';
import type { AuthenticatedUser } from '@oris/api/platform';
import { DataSource } from 'typeorm';
import type { InsertionIndicatorQuery } from '../dto/insertion.query';
import { insertionCsv } from '../engine/insertion-csv';
import { InsertionIndicators } from '../engine/insertion-indicators.service';

/**
 * The insertion indicator as a CSV file. A file leaves the platform, so each export is recorded
 * as an audit event with its filters (law 09-08: staff exports are traced).
 */
@Injectable()
export class InsertionExport {
  constructor(
    private readonly indicators: InsertionIndicators,
    private readonly audit: AuditLog,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async csv(user: AuthenticatedUser, query: InsertionIndicatorQuery): Promise<string> {
    const csv = insertionCsv(await this.indicators.compute(query));
    const filters: AuditData = Object.fromEntries(
      Object.entries(query).filter(([, value]) => value !== undefined),
    );
    await this.audit.record(this.dataSource.manager, {
      actorId: user.id,
      action: 'indicators.insertion_exported',
      subjectType: 'indicator',
      subjectId: 'insertion',
      data: filters,
    });
    return csv;
  }
}
