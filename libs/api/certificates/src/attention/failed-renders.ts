import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** Certificates whose PDF the worker could not render (`render_state = 'failed'`). */
@Injectable()
export class FailedRenders {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async count(): Promise<number> {
    const [{ count }]: { count: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS count FROM certificate WHERE render_state = 'failed'`,
    );
    return count;
  }
}
