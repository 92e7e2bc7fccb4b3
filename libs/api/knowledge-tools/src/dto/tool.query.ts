import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery } from '@oris/api/platform';
import {
  ORIS_TOOL_ROLES,
  TOOL_KINDS,
  TOOL_PURPOSES,
  TOOL_STATUSES,
  type OrisToolRole,
  type ToolKind,
  type ToolPurpose,
  type ToolStatus,
} from '@oris/shared/domain';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

export class PublicToolListQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Words of a title or description, any language, forgiving.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: TOOL_KINDS })
  @IsOptional()
  @IsIn(TOOL_KINDS)
  kind?: ToolKind;

  @ApiPropertyOptional({ enum: TOOL_PURPOSES })
  @IsOptional()
  @IsIn(TOOL_PURPOSES)
  purpose?: ToolPurpose;
}

export class ToolListQuery extends PublicToolListQuery {
  @ApiPropertyOptional({ enum: TOOL_STATUSES })
  @IsOptional()
  @IsIn(TOOL_STATUSES)
  status?: ToolStatus;

  @ApiPropertyOptional({ enum: ORIS_TOOL_ROLES })
  @IsOptional()
  @IsIn(ORIS_TOOL_ROLES)
  role?: OrisToolRole;
}
