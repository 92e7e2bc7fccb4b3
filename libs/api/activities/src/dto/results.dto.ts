import { ApiProperty } from '@nestjs/swagger';
import { QUESTION_TYPES } from '@oris/shared/domain';
import type { QuestionType } from '@oris/shared/domain';
import { AttemptSummaryDto } from './attempt.dto';
import { QuizDto } from './quiz.dto';

export class QuestionResultDto {
  @ApiProperty({ format: 'uuid' }) questionId!: string;
  @ApiProperty({ enum: QUESTION_TYPES }) type!: QuestionType;
  @ApiProperty() text!: string;
  @ApiProperty({ type: 'integer' }) points!: number;
  @ApiProperty({
    type: 'integer',
    description: 'Graded answers (submitted attempts that drew it).',
  })
  graded!: number;
  @ApiProperty({ type: 'integer', description: 'Of which earned every point.' })
  correct!: number;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Whole percent; null when none.' })
  percentCorrect!: number | null;
  @ApiProperty({ type: 'number', nullable: true }) averageScore!: number | null;
}

export class TraineeResultDto {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() fullName!: string;
  @ApiProperty({ format: 'uuid' }) enrollmentId!: string;
  @ApiProperty({ format: 'uuid' }) sessionId!: string;
  @ApiProperty({ type: AttemptSummaryDto, isArray: true }) attempts!: AttemptSummaryDto[];
  @ApiProperty({ type: 'number', nullable: true }) grade!: number | null;
  @ApiProperty() passed!: boolean;
}

export class QuizResultsDto {
  @ApiProperty({ type: QuizDto }) quiz!: QuizDto;
  @ApiProperty({ type: QuestionResultDto, isArray: true }) questions!: QuestionResultDto[];
  @ApiProperty({ type: TraineeResultDto, isArray: true }) trainees!: TraineeResultDto[];
}

export class RegradeResultDto {
  @ApiProperty({ type: 'integer', description: 'Submitted attempts graded again.' })
  attempts!: number;
  @ApiProperty({ type: 'integer', description: 'Of which the percent changed.' })
  changed!: number;
}
