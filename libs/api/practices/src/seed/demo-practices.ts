import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@oris/api/platform';
import { DataSource } from 'typeorm';
import { PracticeWorkflow } from '../sheets/practice-workflow';
import { PracticeWriter } from '../sheets/practice-writer';
import { DEMO_PRACTICE_SHEETS } from './demo-practice-sheets';

/**
 * The demo's practice library, through the library's own services: each sheet written by the
 * demo editor, submitted, and (for the published ones) assessed and published by the demo
 * administrator, who is not an author. Idempotent: a sheet whose slug exists is left as it is.
 */
@Injectable()
export class DemoPractices {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: PracticeWriter,
    private readonly workflow: PracticeWorkflow,
  ) {}

  async seed(ids: { editorId: string; adminId: string }): Promise<{ lines: string[] }> {
    const editor: AuthenticatedUser = {
      id: ids.editorId,
      email: 'editor@oris.example',
      roles: ['observatory_editor'],
    };
    const admin: AuthenticatedUser = {
      id: ids.adminId,
      email: 'admin@oris.example',
      roles: ['admin'],
    };
    let created = 0;
    for (const demo of DEMO_PRACTICE_SHEETS) {
      const existing: unknown[] = await this.dataSource.query(
        `SELECT 1 FROM practice_sheet WHERE slug = $1`,
        [demo.sheet.slug],
      );
      if (existing.length > 0) continue;
      const id = await this.writer.create(editor, demo.sheet);
      created++;
      if (demo.stage === 'draft') continue;
      await this.workflow.submit(editor, id);
      if (demo.stage === 'in_review' || !demo.evidence) continue;
      await this.workflow.review(admin, id, {
        decision: 'assess',
        evidenceLevel: demo.evidence.level,
        evidenceJustification: demo.evidence.justification,
      });
      await this.workflow.publish(admin, id);
    }
    const counts = DEMO_PRACTICE_SHEETS.reduce<Record<string, number>>((sum, demo) => {
      sum[demo.stage] = (sum[demo.stage] ?? 0) + 1;
      return sum;
    }, {});
    return {
      lines: [
        `Practice library: ${created} sheet(s) written (${counts['published']} published, ${counts['in_review']} in review, ${counts['draft']} draft; editor@oris.example writes, admin@oris.example reviews)`,
      ],
    };
  }
}
