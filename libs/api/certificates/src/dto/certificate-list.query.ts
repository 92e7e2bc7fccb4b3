import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery } from '@oris/api/platform';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { CERTIFICATE_STATUSES } from './certificate.dto';

export class CertificateListQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only certificates of this session.' })
  @IsOptional()
  @IsUUID()
  session?: string;

  @ApiPropertyOptional({ enum: CERTIFICATE_STATUSES })
  @IsOptional()
  @IsIn(CERTIFICATE_STATUSES)
  status?: (typeof CERTIFICATE_STATUSES)[number];

  @ApiPropertyOptional({
    maxLength: 100,
    description: 'Searches the serial, the holder’s names and the course title.',
  })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MaxLength(100)
  q?: string;
}
