import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class ReissueCertificateDto {
  @ApiPropertyOptional({
    maxLength: 500,
    description:
      'What was corrected, for the staff and the audit trail: kept as the old certificate’s ' +
      'revocation note, never published.',
  })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  note?: string;
}
