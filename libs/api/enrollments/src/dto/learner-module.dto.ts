import { ApiProperty } from '@nestjs/swagger';
import { ResourceLinkDto } from '@oris/api/catalogue';
import { ProgressDto } from './enrollment.dto';

/** A published module as the enrolled trainee's outline shows it. */
export class LearnerModuleOutlineDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ type: 'integer', minimum: 1 })
  position!: number;

  @ApiProperty()
  title!: string;

  @ApiProperty({ type: 'integer' })
  estimatedMinutes!: number;

  @ApiProperty({ description: 'Counts toward completion.' })
  required!: boolean;

  @ApiProperty({ description: 'Marked done by the trainee.' })
  done!: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  completedAt!: string | null;
}

export class EnrollmentModulesDto {
  @ApiProperty({ format: 'uuid' })
  enrollmentId!: string;

  @ApiProperty({ type: ProgressDto })
  progress!: ProgressDto;

  @ApiProperty({
    type: LearnerModuleOutlineDto,
    isArray: true,
    description: 'Published modules, in order.',
  })
  modules!: LearnerModuleOutlineDto[];
}

/** A published module with its content, for the enrolled trainee. */
export class LearnerModuleDto extends LearnerModuleOutlineDto {
  @ApiProperty({ description: 'The content rendered to sanitised HTML, safe to insert.' })
  contentHtml!: string;

  @ApiProperty({ type: ResourceLinkDto, isArray: true })
  resources!: ResourceLinkDto[];
}

export class ModuleCompletionDto {
  @ApiProperty({ format: 'uuid' })
  moduleId!: string;

  @ApiProperty({ format: 'date-time', description: 'When the module was first marked done.' })
  completedAt!: string;

  @ApiProperty({ type: ProgressDto })
  progress!: ProgressDto;
}
