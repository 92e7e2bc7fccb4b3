import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOmittable, PageQuery } from '@oris/api/platform';
import {
  ASSIGNMENT_LIMITS as LIMITS,
  QUEUE_STATES,
  SUBMISSION_FILE_KIND_NAMES,
  SUBMISSION_STATUSES,
} from '@oris/shared/domain';
import type {
  QueueState,
  RubricSelection,
  SubmissionFileKind,
  SubmissionStatus,
} from '@oris/shared/domain';
import {
  IsIn,
  IsNumber,
  IsObject,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { AssignmentDto } from './assignment.dto';

export class SubmissionTextInputDto {
  @ApiProperty({ maxLength: LIMITS.text, description: 'The submission’s text (a draft).' })
  @IsString()
  @MaxLength(LIMITS.text)
  text!: string;
}

export class AssignmentFileDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: SUBMISSION_FILE_KIND_NAMES }) kind!: SubmissionFileKind;
  @ApiProperty({ type: 'integer' }) size!: number;
  @ApiProperty() sha256!: string;
  @ApiProperty({ type: 'string', format: 'date-time' }) uploadedAt!: string;
}

export class GradeDto {
  @ApiProperty() points!: number;
  @ApiProperty() maxPoints!: number;
  @ApiProperty({ description: 'After the late penalty.' }) percent!: number;
  @ApiProperty() passed!: boolean;
}

export class SubmissionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: SUBMISSION_STATUSES }) status!: SubmissionStatus;
  @ApiProperty() text!: string;
  @ApiProperty({ type: [AssignmentFileDto] }) files!: AssignmentFileDto[];
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  submittedAt!: string | null;
  @ApiProperty({ type: 'integer' }) submissionCount!: number;
  @ApiProperty() late!: boolean;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    nullable: true,
    description: 'The chosen level per criterion id, once returned or graded.',
  })
  rubricLevels!: Record<string, string> | null;
  @ApiProperty({ description: 'Empty until returned or graded.' }) feedback!: string;
  @ApiProperty({ type: [AssignmentFileDto] }) feedbackFiles!: AssignmentFileDto[];
  @ApiProperty({ type: GradeDto, nullable: true, description: 'Once graded (published).' })
  grade!: GradeDto | null;
}

export class LearnerAssignmentDto {
  @ApiProperty({ type: AssignmentDto }) assignment!: AssignmentDto;
  @ApiProperty({
    type: SubmissionDto,
    nullable: true,
    description: 'Null before anything is saved.',
  })
  submission!: SubmissionDto | null;
  @ApiProperty({ description: 'Whether the trainee may change and submit now.' })
  editable!: boolean;
  @ApiProperty({ description: 'Past the due date (the late policy then decides).' })
  pastDue!: boolean;
}

export class GradeInputDto {
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'A level id per criterion id (rubric assignments).',
  })
  @IsOmittable()
  @IsObject()
  rubricLevels?: RubricSelection;

  @ApiPropertyOptional({ description: 'Points out of the assignment’s mark (mark assignments).' })
  @IsOmittable()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0)
  @Max(LIMITS.mark)
  mark?: number;

  @ApiProperty({ maxLength: LIMITS.feedback })
  @IsString()
  @MaxLength(LIMITS.feedback)
  feedback!: string;

  @ApiProperty({
    enum: ['publish', 'return'],
    description: '`publish` the grade and feedback, or `return` for resubmission with feedback.',
  })
  @IsIn(['publish', 'return'])
  decision!: 'publish' | 'return';
}

export class GradingSubmissionDto extends SubmissionDto {
  @ApiProperty({ format: 'uuid' }) enrollmentId!: string;
  @ApiProperty() traineeName!: string;
  @ApiProperty({ type: AssignmentDto }) assignment!: AssignmentDto;
  @ApiProperty({
    type: 'number',
    nullable: true,
    description: 'The points as graded, before any late penalty.',
  })
  points!: number | null;
  @ApiProperty({ type: 'number', nullable: true }) percent!: number | null;
}

export class QueueItemDto {
  @ApiProperty({ format: 'uuid' }) submissionId!: string;
  @ApiProperty({ format: 'uuid' }) assignmentId!: string;
  @ApiProperty() assignmentTitle!: string;
  @ApiProperty() moduleTitle!: string;
  @ApiProperty() traineeName!: string;
  @ApiProperty({ enum: SUBMISSION_STATUSES }) status!: SubmissionStatus;
  @ApiProperty({ type: 'string', format: 'date-time' }) submittedAt!: string;
  @ApiProperty() late!: boolean;
  @ApiProperty({ type: 'integer' }) submissionCount!: number;
  @ApiProperty({ type: 'number', nullable: true }) percent!: number | null;
}

export class QueueQuery extends PageQuery {
  @ApiPropertyOptional({ enum: QUEUE_STATES, default: 'to_grade' })
  @ValidateIf((_o, value) => value !== undefined)
  @IsIn(QUEUE_STATES)
  state?: QueueState;
}

export class GradingQueueDto {
  @ApiProperty({ enum: QUEUE_STATES }) state!: QueueState;
  @ApiProperty({ type: [QueueItemDto], description: 'One page, oldest submission first.' })
  items!: QueueItemDto[];
  @ApiProperty({ type: 'integer', description: 'Submissions in this state, every page.' })
  total!: number;
  @ApiProperty({ type: 'integer' }) page!: number;
  @ApiProperty({ type: 'integer' }) pageSize!: number;
  @ApiProperty({
    type: 'object',
    properties: {
      to_grade: { type: 'integer' },
      returned: { type: 'integer' },
      graded: { type: 'integer' },
    },
  })
  counts!: Record<QueueState, number>;
}

export class FileUploadQuery {
  @ApiProperty({ maxLength: 160, description: 'The file’s name, as the trainee’s device has it.' })
  @IsString()
  @MaxLength(160)
  name!: string;
}
