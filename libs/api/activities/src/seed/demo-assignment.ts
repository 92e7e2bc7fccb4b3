import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthenticatedUser } from '@oris/api/platform';
import { percentOfPoints, scoreRubric } from '@oris/shared/domain';
import { DataSource } from 'typeorm';
import { AssignmentSettings } from '../assignments/assignment-settings.service';
import { AssignmentSubmission } from '../entities/assignment-submission.entity';
import { Assignment } from '../entities/assignment.entity';

export interface DemoAssignmentOptions {
  /** The demo trainer, an owner of ES-101. */
  trainerId: string;
  /** ES-101's past cohort: two of its completers handed the assignment in. */
  pastSessionId: string;
}

export interface DemoAssignmentResult {
  lines: string[];
}

const MODULE_TITLE = 'Le modèle économique hybride';

const INSTRUCTIONS = `Décrivez le modèle économique d’une entreprise sociale que vous connaissez
(ou de votre projet) en une à deux pages :

1. ses sources de revenus (ventes, subventions, dons) et leur part ;
2. ce qui la rend viable sans trahir sa mission sociale ;
3. un risque et la façon d’y faire face.

Déposez un PDF ou un document Word, ou écrivez directement votre réponse.`;

/**
 * The demo's assignment: ES-101's third module gets a case study graded with a rubric, and two
 * of the past cohort's completers handed it in — one graded and published, one waiting in the
 * trainer's queue. Idempotent: nothing happens when the module already has an assignment. The
 * submissions are written as rows (no email goes out from a seed).
 */
@Injectable()
export class DemoAssignment {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: AssignmentSettings,
  ) {}

  async seed(options: DemoAssignmentOptions): Promise<DemoAssignmentResult> {
    const [module]: { id: string; endsOn: string }[] = await this.dataSource.query(
      `SELECT m.id, s.ends_on::text AS "endsOn" FROM course_module m
         JOIN course_session s ON s.course_id = m.course_id
        WHERE s.id = $1 AND m.title = $2 AND m.status = 'published'`,
      [options.pastSessionId, MODULE_TITLE],
    );
    if (!module) return { lines: ['Assignment: ES-101 has no hybrid-model module, skipped.'] };
    if (await this.dataSource.manager.exists(Assignment, { where: { moduleId: module.id } })) {
      return { lines: ['Assignment: ES-101’s hybrid-model module already has its assignment.'] };
    }
    const trainer = {
      id: options.trainerId,
      email: 'demo',
      roles: ['trainer'],
    } as AuthenticatedUser;
    const dto = await this.settings.put(trainer, module.id, {
      title: 'Étude de cas : un modèle économique hybride',
      instructions: INSTRUCTIONS,
      dueAt: new Date(`${module.endsOn}T18:00:00+01:00`).toISOString(),
      latePolicy: 'mark_late',
      latePenaltyPercent: 10,
      acceptsText: true,
      acceptsFiles: true,
      fileKinds: ['pdf', 'docx', 'odt'],
      maxFileBytes: 10 * 1024 * 1024,
      maxFiles: 3,
      rubric: {
        criteria: [
          {
            title: 'Sources de revenus',
            levels: [
              { title: 'Absentes ou floues', points: 0 },
              { title: 'Citées', points: 3 },
              { title: 'Chiffrées et justifiées', points: 6 },
            ],
          },
          {
            title: 'Viabilité et mission',
            levels: [
              { title: 'Non traitée', points: 0 },
              { title: 'Esquissée', points: 4 },
              { title: 'Argumentée', points: 8 },
            ],
          },
          {
            title: 'Risque identifié',
            levels: [
              { title: 'Aucun', points: 0 },
              { title: 'Un risque et une parade', points: 6 },
            ],
          },
        ],
      },
      maxMark: null,
      passMarkPercent: 50,
      requiredForCompletion: false,
    });
    const completers: { id: string; userId: string }[] = await this.dataSource.query(
      `SELECT id, user_id AS "userId" FROM enrollment
        WHERE session_id = $1 AND status = 'completed' ORDER BY enrolled_at, id LIMIT 2`,
      [options.pastSessionId],
    );
    const rubric = dto.rubric;
    if (!rubric) throw new Error('the demo assignment has a rubric');
    const submittedAt = new Date(`${module.endsOn}T11:00:00+01:00`);
    await this.dataSource.transaction(async (manager) => {
      for (const [index, enrollment] of completers.entries()) {
        const graded = index === 0;
        const levels = Object.fromEntries(
          rubric.criteria.map((criterion) => [
            criterion.id,
            criterion.levels[Math.max(0, criterion.levels.length - 1 - (index % 2))].id,
          ]),
        );
        const score = scoreRubric(rubric, levels);
        if (!score.complete) throw new Error('demo rubric selection incomplete');
        await manager.save(
          manager.create(AssignmentSubmission, {
            assignmentId: dto.id,
            enrollmentId: enrollment.id,
            userId: enrollment.userId,
            status: graded ? 'graded' : 'submitted',
            text:
              'Notre coopérative vend des paniers de légumes (70 % des revenus) et reçoit une ' +
              'subvention régionale (30 %). Les prix restent accessibles grâce à la vente ' +
              'directe ; le risque principal est la fin de la subvention, que nous préparons ' +
              'avec une offre pour les restaurants.',
            submissionCount: 1,
            submittedAt: new Date(submittedAt.getTime() + index * 3_600_000),
            late: false,
            ...(graded && {
              rubricLevels: levels,
              points: score.points,
              maxPoints: score.maximum,
              percent: percentOfPoints(score.points, score.maximum),
              feedback:
                'Très bonne analyse des revenus. Pensez à chiffrer le coût de l’offre aux ' +
                'restaurants.',
              gradedBy: options.trainerId,
              gradedAt: new Date(submittedAt.getTime() + 86_400_000),
            }),
          }),
        );
      }
    });
    return {
      lines: [
        `Assignment: "${dto.title}" in ES-101 with a rubric, ${completers.length} submissions by its past cohort.`,
      ],
    };
  }
}
