import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REVOCATION_REASONS } from '@oris/shared/domain';
import type { RevocationReason } from '@oris/shared/domain';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class RevokeCertificateDto {
  @ApiProperty({
    enum: REVOCATION_REASONS,
    description:
      'Why the certificate is revoked, from the list public verification translates: ' +
      '`issued_in_error`, `completion_withdrawn` (the completion was withdrawn), `duplicate` ' +
      '(the same training certified twice), `fraud`, `other`.',
  })
  @IsIn(REVOCATION_REASONS)
  reason!: RevocationReason;

  @ApiPropertyOptional({
    maxLength: 500,
    description:
      'The administrator’s own explanation, for the staff and the audit trail: never published.',
  })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  note?: string;
}
