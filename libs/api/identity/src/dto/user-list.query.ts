import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery, Trim } from '@oris/api/platform';
import { ROLES } from '@oris/shared/domain';
import type { Role } from '@oris/shared/domain';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

export class UserListQuery extends PageQuery {
  @ApiPropertyOptional({
    maxLength: 100,
    description: 'Part of the email or of either name, any case.',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: ROLES, description: 'Only people holding this role.' })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;
}
