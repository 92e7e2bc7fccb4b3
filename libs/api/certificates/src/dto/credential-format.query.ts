import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { CREDENTIAL_FORMATS, type CredentialFormat } from '../reading/certificate-files';

export class CredentialFormatQuery {
  @ApiPropertyOptional({
    enum: CREDENTIAL_FORMATS,
    default: 'json',
    description:
      '`json`: the credential with its Data Integrity proof (`eddsa-rdfc-2022`); `jwt`: the ' +
      'same credential as a VC-JWT (compact JWS, `alg` EdDSA, `typ` vc+jwt, same key).',
  })
  @IsOptional()
  @IsIn(CREDENTIAL_FORMATS)
  format?: CredentialFormat;
}
