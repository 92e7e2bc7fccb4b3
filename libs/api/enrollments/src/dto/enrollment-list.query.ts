import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery } from '@oris/api/platform';
import { ENROLLMENT_STATUSES } from '@oris/shared/domain';
import type { EnrollmentStatus } from '@oris/shared/domain';
import { IsIn, IsOptional } from 'class-validator';

export class EnrollmentListQuery extends PageQuery {
  @ApiPropertyOptional({
    enum: ENROLLMENT_STATUSES,
    description: 'Only enrollments in this status.',
  })
  @IsOptional()
  @IsIn(ENROLLMENT_STATUSES)
  status?: EnrollmentStatus;
}
