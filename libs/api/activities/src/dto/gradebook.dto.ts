import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LOCALES, SUBMISSION_STATUSES } from '@oris/shared/domain';
import type { Locale, SubmissionStatus } from '@oris/shared/domain';
import { IsIn, IsOptional } from 'class-validator';

export class GradebookColumnDto {
  @ApiProperty({ enum: ['quiz', 'assignment'] }) kind!: 'quiz' | 'assignment';
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() moduleTitle!: string;
  @ApiProperty({ type: 'integer' }) passMarkPercent!: number;
  @ApiProperty() requiredForCompletion!: boolean;
}

export class GradebookCellDto {
  @ApiProperty({
    type: 'number',
    nullable: true,
    description: 'The grade in percent; null when none yet.',
  })
  percent!: number | null;
  @ApiProperty({ type: 'boolean', nullable: true }) passed!: boolean | null;
  @ApiProperty({
    enum: SUBMISSION_STATUSES,
    nullable: true,
    description: 'Assignments: the submission’s status (null when nothing is submitted).',
  })
  status!: SubmissionStatus | null;
  @ApiProperty() late!: boolean;
}

export class GradebookRowDto {
  @ApiProperty({ format: 'uuid' }) enrollmentId!: string;
  @ApiProperty() traineeName!: string;
  @ApiProperty({ type: [GradebookCellDto], description: 'One cell per column, in order.' })
  cells!: GradebookCellDto[];
}

export class GradebookDto {
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
  @ApiProperty() courseTitle!: string;
  @ApiProperty() sessionTitle!: string;
  @ApiProperty({ type: [GradebookColumnDto] }) columns!: GradebookColumnDto[];
  @ApiProperty({ type: [GradebookRowDto], description: 'One page of trainees, by name.' })
  items!: GradebookRowDto[];
  @ApiProperty({ type: 'integer', description: 'Trainees in the gradebook, every page.' })
  total!: number;
  @ApiProperty({ type: 'integer' }) page!: number;
  @ApiProperty({ type: 'integer' }) pageSize!: number;
}

export class GradebookExportQuery {
  @ApiPropertyOptional({ enum: LOCALES, default: 'fr', description: 'Language of the labels.' })
  @IsOptional()
  @IsIn(LOCALES)
  lang?: Locale;
}
